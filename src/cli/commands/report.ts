// `zanjir report …`: the localization analytics as tables, or JSON with --json.

import {
  chainBalanceReport,
  chokepointsReport,
  disruptionReport,
  importContentReport,
  importReliantLinksReport,
  parallelWorkReport,
} from '../../graphql/analytics/analytics.service.js';
import { numberOption, stringOption, UsageError, type ParsedArgs } from '../args.js';
import { formatTable } from '../table.js';
import { parseKinds } from '../../io/export/request.js';
import { withDatabase } from './common.js';

const REPORTS = ['import-content', 'links', 'disruption', 'chokepoints', 'balance', 'parallel-work'] as const;

export const REPORT_USAGE = `zanjir report import-content ID
zanjir report links ID [--threshold 0.5]
zanjir report disruption [--countries CN,DE] [--nodes ID,ID] [--all-imports]
zanjir report chokepoints ID [--min-impact 1] [--kinds Supplier,Plant,Mine]
zanjir report balance [ID…] [--stage ORE|CONCENTRATE|INTERMEDIATE|SEMI_FINISHED|FINISHED|CONSUMABLE]
zanjir report parallel-work
Add --json for JSON instead of a table.`;

const list = (v: string | undefined) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function reportCommand(args: ParsedArgs): Promise<void> {
  const [name, ...ids] = args.positionals;
  if (!name || !(REPORTS as readonly string[]).includes(name)) throw new UsageError(REPORT_USAGE);
  const json = args.options.has('json');
  const needId = () => {
    if (!ids[0]) throw new UsageError(`zanjir report ${name} needs a node id\n${REPORT_USAGE}`);
    return ids[0];
  };
  await withDatabase(async (db) => {
    const deps = { store: db.store };
    const out = (data: unknown, table: () => string) => process.stdout.write(`${json ? JSON.stringify(data, null, 2) : table()}\n`);
    switch (name) {
      case 'import-content': {
        const r = await importContentReport(deps, needId());
        return out(r, () =>
          [
            `${r.item.name} (${r.item.nameFa})`,
            `direct import share ${pct(r.directImportShare)}, total import content ${pct(r.totalImportContent)}, domestic content ${pct(r.domesticContent)}${r.converged ? '' : ' (did not converge)'}`,
            '',
            formatTable(['where the imports enter', 'id', 'share of value'], r.contributions.map((c) => [c.item.name, c.item.id, c.share])),
            r.unmodeled.length ? `\nunmodeled (counted as home-made): ${r.unmodeled.map((n) => n.id).join(', ')}` : '',
            r.assumptions.length ? `\nassumptions:\n${r.assumptions.map((a) => `  ${a.code}: ${a.message}`).join('\n')}` : '',
          ].join('\n'),
        );
      }
      case 'links': {
        const r = await importReliantLinksReport(deps, needId(), numberOption(args, 'threshold'));
        return out(r, () =>
          formatTable(['item', 'direct import', 'only foreign', 'countries', 'contribution', 'path'], r.map((l) => [l.item.name, l.directImportShare, l.onlyForeign ? 'yes' : '', l.countries.join(' '), l.contribution, l.path.map((n) => n.id).join(' → ')])),
        );
      }
      case 'disruption': {
        const r = await disruptionReport(deps, { countries: list(stringOption(args, 'countries')), nodeIds: list(stringOption(args, 'nodes')), allImports: args.options.has('all-imports') });
        const items = await Promise.all(r.losses.map(async (l) => (await l.item)!));
        return out(r, () => formatTable(['item', 'id', 'loss'], r.losses.map((l, i) => [items[i]!.name, l.itemId, l.loss])));
      }
      case 'chokepoints': {
        const r = await chokepointsReport(deps, needId(), numberOption(args, 'min-impact'), parseKinds(stringOption(args, 'kinds')));
        return out(r, () => formatTable(['node', 'kind', 'id', 'impact'], r.map((c) => [c.node.name, c.node.kind, c.node.id, c.impact])));
      }
      case 'balance': {
        const r = await chainBalanceReport(deps, ids.length ? ids : null, stringOption(args, 'stage') ?? null);
        return out(r, () => formatTable(['item', 'home capacity', 'imports', 'demand', 'balance'], r.map((b) => [b.item.name, Math.round(b.homeCapacity), Math.round(b.imports), Math.round(b.demand), Math.round(b.balance)])));
      }
      case 'parallel-work': {
        const r = await parallelWorkReport(deps);
        return out(r, () => formatTable(['item', 'project', 'owner', 'status', 'progress'], r.flatMap((p) => p.projects.map((x, i) => [i === 0 ? p.item.name : '', x.project.name, x.owner as string, x.status as string, typeof x.progress === 'number' ? pct(x.progress) : '']))));
      }
    }
  });
}
