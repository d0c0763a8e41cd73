// `zanjir report …`: the localization analytics as tables, JSON (--json) or CSV (--csv, the same
// bytes as GET /report/<name>.csv). Wherever an id is asked, a name works too: search picks the
// best hit and says which on stderr.

import {
  chainBalanceReport,
  chokepointsReport,
  disruptionReport,
  importContentReport,
  importReliantLinksReport,
  parallelWorkReport,
} from '../../graphql/analytics/analytics.service.js';
import type { ChainStore } from '../../db/chain-store.js';
import { NotFoundError } from '../../errors/index.js';
import { isItemKind, type NodeKind } from '../../model/kinds.js';
import { MAX_SEARCH_CHARS } from '../../model/search-rank.js';
import { parseKinds } from '../../io/export/request.js';
import { toCsv } from '../../reports/csv.js';
import { runReport, type ReportParams } from '../../reports/tables.js';
import { numberOption, stringOption, UsageError, type ParsedArgs } from '../args.js';
import { formatTable, percent, type Cell } from '../table.js';
import { log, withDatabase } from './common.js';

const REPORTS = ['import-content', 'links', 'disruption', 'chokepoints', 'balance', 'parallel-work'] as const;

export const REPORT_USAGE = `zanjir report import-content ID|NAME [--assumptions]
zanjir report links ID|NAME [--threshold 0.5]
zanjir report disruption [--countries CN,DE] [--nodes ID,ID] [--all-imports]
zanjir report chokepoints ID|NAME [--min-impact 1] [--kinds SUPPLIER,PLANT,MINE]
zanjir report balance [ID|NAME…] [--stage ORE|CONCENTRATE|INTERMEDIATE|SEMI_FINISHED|FINISHED|CONSUMABLE]
zanjir report parallel-work
A name is looked up by search ("Peugeot Pars"); the match used is printed on stderr.
Add --json for JSON, or --csv for a spreadsheet table (what GET /report/<name>.csv serves).`;

const list = (v: string | undefined) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const kindName = (kind: string) => kind.toUpperCase();

/**
 * An id as typed, or the best search hit for a name (products and parts only, for the item
 * reports). Says on stderr which node a name was taken to mean.
 */
export async function resolveNode(store: ChainStore, text: string, itemsOnly: boolean): Promise<string> {
  const [exact] = await store.nodesByIds([text]);
  if (exact) return exact.id;
  if (text.length > MAX_SEARCH_CHARS) throw new UsageError(`a node id or name is at most ${MAX_SEARCH_CHARS} characters`);
  const hits = (await store.search(text, null, 20)).filter((h) => !itemsOnly || isItemKind(h.node.kind as NodeKind));
  if (hits.length === 0) {
    const error = await store.unknownIdError([text]);
    const suggestions = (error.extensions.suggestions as string[]) ?? [];
    throw new NotFoundError(itemsOnly ? 'product or part' : 'node', text, suggestions);
  }
  const [best, ...rest] = hits;
  const others = rest.slice(0, 3).map((h) => h.node.id);
  log(`"${text}" is taken to be ${best!.node.id} (${best!.node.name}; matched ${best!.matched})${others.length ? `; other matches: ${others.join(', ')}` : ''}`);
  return best!.node.id;
}

export async function reportCommand(args: ParsedArgs): Promise<void> {
  const [name, ...rest] = args.positionals;
  if (!name || !(REPORTS as readonly string[]).includes(name)) throw new UsageError(REPORT_USAGE);
  const json = args.options.has('json');
  const csv = args.options.has('csv');
  if (json && csv) throw new UsageError('--json and --csv: choose one');
  await withDatabase(async (db) => {
    const deps = { store: db.store };
    const needId = async () => {
      if (!rest[0]) throw new UsageError(`zanjir report ${name} needs a node id or name\n${REPORT_USAGE}`);
      // Several words without quotes are one name: zanjir report links Peugeot Pars
      return resolveNode(db.store, rest.join(' '), true);
    };
    const write = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    const out = (data: unknown, table: () => string) => write(json ? JSON.stringify(data, null, 2) : table());

    if (csv) {
      const params: ReportParams = new Map();
      const set = (key: string, value: string | number | undefined | boolean) => {
        if (value !== undefined && value !== false) params.set(key, String(value));
      };
      switch (name) {
        case 'import-content':
          set('id', await needId());
          if (args.options.has('assumptions')) set('table', 'assumptions');
          break;
        case 'links':
          set('id', await needId());
          set('threshold', numberOption(args, 'threshold'));
          break;
        case 'disruption':
          set('countries', stringOption(args, 'countries'));
          set('nodes', stringOption(args, 'nodes'));
          set('allImports', args.options.has('all-imports'));
          break;
        case 'chokepoints':
          set('id', await needId());
          set('minImpact', numberOption(args, 'min-impact'));
          set('kinds', stringOption(args, 'kinds'));
          break;
        case 'balance':
          if (rest.length) set('ids', (await Promise.all(rest.map((t) => resolveNode(db.store, t, true)))).join(','));
          set('stage', stringOption(args, 'stage'));
          break;
      }
      process.stdout.write(toCsv(await runReport(deps, name, params)));
      return;
    }

    switch (name) {
      case 'import-content': {
        const r = await importContentReport(deps, await needId());
        const byCode = new Map<string, string[]>();
        for (const a of r.assumptions) byCode.set(a.code, [...(byCode.get(a.code) ?? []), a.nodeId]);
        return out(r, () =>
          [
            `${r.item.name} (${r.item.nameFa})`,
            formatTable(['direct import share', 'total import content', 'domestic content'], [[percent(r.directImportShare), percent(r.totalImportContent), percent(r.domesticContent)]]),
            r.converged ? '' : 'The iteration did not converge.',
            formatTable(['where the imports enter', 'id', 'share of value'], r.contributions.map((c) => [c.item.name, c.item.id, percent(c.share)])),
            r.unmodeled.length ? `\nunmodeled (counted as home-made): ${r.unmodeled.map((n) => n.id).join(', ')}` : '',
            r.assumptions.length === 0
              ? ''
              : args.options.has('assumptions')
                ? `\nassumptions:\n${formatTable(['code', 'node', 'message'], r.assumptions.map((a) => [a.code, a.nodeId, a.message]))}`
                : `\nassumptions (${r.assumptions.length}; --assumptions lists each):\n${formatTable(
                    ['code', 'nodes', 'for example'],
                    [...byCode].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([code, ids]) => [code, ids.length, ids.slice(0, 3).join(', ') + (ids.length > 3 ? ', …' : '')]),
                  )}`,
          ]
            .filter((x) => x !== '')
            .join('\n'),
        );
      }
      case 'links': {
        const r = await importReliantLinksReport(deps, await needId(), numberOption(args, 'threshold'));
        return out(r, () =>
          formatTable(
            ['item', 'direct import', 'only foreign', 'countries', 'contribution', 'path'],
            r.map((l) => [l.item.name, percent(l.directImportShare), l.onlyForeign ? 'yes' : '', l.countries.join(' '), percent(l.contribution), l.path.map((n) => n.id).join(' → ')]),
          ),
        );
      }
      case 'disruption': {
        const r = await disruptionReport(deps, {
          countries: list(stringOption(args, 'countries'))?.map((c) => c.toUpperCase()),
          nodeIds: list(stringOption(args, 'nodes')),
          allImports: args.options.has('all-imports'),
        });
        const row = (l: { item: { name: string; id: string; kind: string }; loss: number }): Cell[] => [l.item.name, l.item.id, kindName(l.item.kind), percent(l.loss)];
        return out(r, () =>
          [
            `Finished goods hit: ${r.finishedGoodsHit.length}`,
            r.finishedGoodsHit.length ? formatTable(['finished good', 'id', 'kind', 'loss'], r.finishedGoodsHit.map(row)) : '(none)',
            '',
            `Every item losing supply: ${r.losses.length}`,
            formatTable(['item', 'id', 'kind', 'loss'], r.losses.map(row)),
          ].join('\n'),
        );
      }
      case 'chokepoints': {
        const r = await chokepointsReport(deps, await needId(), numberOption(args, 'min-impact'), parseKinds(stringOption(args, 'kinds')));
        return out(r, () => formatTable(['node', 'kind', 'id', 'impact'], r.map((c) => [c.node.name, kindName(c.node.kind), c.node.id, percent(c.impact)])));
      }
      case 'balance': {
        const ids = rest.length ? await Promise.all(rest.map((t) => resolveNode(db.store, t, true))) : null;
        const r = await chainBalanceReport(deps, ids, stringOption(args, 'stage')?.toUpperCase() ?? null);
        return out(r, () => formatTable(['item', 'home capacity', 'imports', 'demand', 'balance'], r.map((b) => [b.item.name, b.homeCapacity, b.imports, b.demand, b.balance])));
      }
      case 'parallel-work': {
        const r = await parallelWorkReport(deps);
        return out(r, () =>
          formatTable(['item', 'project', 'owner', 'status', 'progress'], r.flatMap((p) => p.projects.map((x, i) => [i === 0 ? p.item.name : '', x.project.name, x.owner as string, x.status as string, percent(x.progress as number | undefined)]))),
        );
      }
    }
  });
}
