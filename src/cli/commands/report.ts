// `zanjir report …`: the localization analytics as tables, or JSON with --json.

import {
  chainBalanceReport,
  chokepointsReport,
  disruptionReport,
  importContentReport,
  importReliantLinksReport,
  parallelWorkReport,
} from '../../graphql/analytics/analytics.service.js';
import { importBillsReport, importContentAfterReport, localizationImpactReport, localizationPlanReport } from '../../graphql/currency/currency.service.js';
import { holdingsReport, organizationChokepointsReport, staleFiguresReport } from '../../graphql/organization/organization.service.js';
import { numberOption, stringOption, UsageError, type ParsedArgs } from '../args.js';
import { formatTable } from '../table.js';
import { parseKinds } from '../../io/export/request.js';
import { withDatabase } from './common.js';

const REPORTS = ['import-content', 'links', 'disruption', 'chokepoints', 'balance', 'parallel-work', 'bills', 'impact', 'plan', 'holdings', 'companies', 'stale'] as const;

export const REPORT_USAGE = `zanjir report import-content ID
zanjir report links ID [--threshold 0.5]
zanjir report disruption [--countries CN,DE] [--nodes ID,ID] [--all-imports] [--sanctioned [--regimes US-OFAC,EU]]
zanjir report chokepoints ID [--min-impact 1] [--kinds Supplier,Plant,Mine]
zanjir report companies ID [--min-impact 1]   (organisations that would stop it)
zanjir report holdings ORG_ID [--max-depth 6]
zanjir report stale [--older-than 3] [--undated] [--first 100]
zanjir report balance [ID…] [--stage ORE|CONCENTRATE|INTERMEDIATE|SEMI_FINISHED|FINISHED|CONSUMABLE]
zanjir report parallel-work
zanjir report bills [--stage ORE|…|FINISHED] [--first 50]
zanjir report impact PROJECT_ID
zanjir report plan --budget 5e8 [--min-progress 0.75] [--statuses ACTIVE,STALLED,PLANNED] [--content ID,ID]
Add --json for JSON instead of a table.`;

const list = (v: string | undefined) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const usd = (x: number) => `$${Math.round(x).toLocaleString('en')}`;
const assumptionLines = (list: { code: string; message: string }[]) => (list.length ? `\nassumptions:\n${list.map((a) => `  ${a.code}: ${a.message}`).join('\n')}` : '');

export async function reportCommand(args: ParsedArgs): Promise<void> {
  const [name, ...ids] = args.positionals;
  if (!name || !(REPORTS as readonly string[]).includes(name)) throw new UsageError(REPORT_USAGE);
  const json = args.options.has('json');
  const needId = () => {
    if (!ids[0]) throw new UsageError(`zanjir report ${name} needs a node id\n${REPORT_USAGE}`);
    return ids[0];
  };
  await withDatabase(async (db) => {
    const deps = { store: db.store, executor: db.executor };
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
        const r = await disruptionReport(deps, {
          countries: list(stringOption(args, 'countries')),
          nodeIds: list(stringOption(args, 'nodes')),
          allImports: args.options.has('all-imports'),
          sanctioned: args.options.has('sanctioned'),
          sanctionRegimes: list(stringOption(args, 'regimes')) ?? null,
        });
        return out(r, () =>
          [
            r.sanctioned.length ? `${formatTable(['sanctioned source', 'id', 'why'], r.sanctioned.map((x) => [x.node.name, x.node.id, x.reason]))}\n` : '',
            formatTable(['item', 'id', 'loss'], r.losses.map((l) => [l.item.name, l.item.id, l.loss])),
            r.removedGroups.length ? `\ngroups removed whole (each stands for many firms or sites): ${r.removedGroups.map((g) => g.id).join(', ')}` : '',
            `\nfigures as of ${r.figures.oldestAsOf ?? 'unknown'} at the oldest (${r.figures.undated} records with figures are undated)`,
          ].join('\n'),
        );
      }
      case 'chokepoints': {
        const r = await chokepointsReport(deps, needId(), numberOption(args, 'min-impact'), parseKinds(stringOption(args, 'kinds')));
        return out(r, () => formatTable(['node', 'kind', 'id', 'impact', 'group'], r.map((c) => [c.node.name, c.node.kind, c.node.id, c.impact, c.group ? `group${c.memberCount ? ` of ${c.memberCount}` : ''}` : ''])));
      }
      case 'companies': {
        const r = await organizationChokepointsReport(deps, needId(), numberOption(args, 'min-impact'));
        return out(r, () => formatTable(['organisation', 'id', 'impact', 'what it reaches upstream'], r.map((c) => [c.organization.name, c.organization.id, c.impact, c.nodes.map((n) => n.id).join(' ')])));
      }
      case 'holdings': {
        const r = await holdingsReport(deps, needId(), numberOption(args, 'max-depth'));
        return out(r, () =>
          [
            `${r.organization.name}${r.cyclic ? ' (cross-holdings found: chains stop where they would go round)' : ''}`,
            formatTable(['holding', 'id', 'effective share', 'hops', 'chains', 'exact', 'via'], r.holdings.map((x) => [x.node.name, x.node.id, x.effectiveShare, x.depth, x.paths, x.exact ? 'yes' : 'no', x.via.map((v) => v.id).join(' → ')])),
            r.sites.length ? `\n${formatTable(['site', 'id', 'operator', 'share in operator'], r.sites.map((x) => [x.node.name, x.node.id, x.operator.name, x.effectiveShare]))}` : '',
          ].join('\n'),
        );
      }
      case 'stale': {
        const r = await staleFiguresReport(deps, numberOption(args, 'older-than'), { undated: args.options.has('undated'), first: numberOption(args, 'first') ?? null });
        return out(r, () =>
          [
            `figures dated before ${r.cutoff}${r.truncated ? ' (more than shown: raise --first)' : ''}`,
            formatTable(['as of', 'record', 'figures'], r.records.map((x) => [x.asOf ?? 'undated', x.node ? x.node.id : `${x.edge!.from} -${x.edge!.type}-> ${x.edge!.to}`, x.figures.join(' ')])),
          ].join('\n'),
        );
      }
      case 'balance': {
        const r = await chainBalanceReport(deps, ids.length ? ids : null, stringOption(args, 'stage') ?? null);
        return out(r, () => formatTable(['item', 'home capacity', 'imports', 'demand', 'balance'], r.map((b) => [b.item.name, Math.round(b.homeCapacity), Math.round(b.imports), Math.round(b.demand), Math.round(b.balance)])));
      }
      case 'bills': {
        const r = await importBillsReport(deps, { stage: stringOption(args, 'stage')?.toUpperCase() ?? null, first: numberOption(args, 'first') ?? null });
        return out(r, () =>
          formatTable(
            ['item', 'id', 'import volume', 'unit value $', 'import bill $/y', 'from'],
            r.map((b) => [b.item.name, b.item.id, Math.round(b.importVolume), b.unitValueUsd, b.importBillUsd === null ? null : Math.round(b.importBillUsd), b.countries.map((c) => c.country).join(' ')]),
          ),
        );
      }
      case 'impact': {
        const r = await localizationImpactReport(deps, needId());
        return out(r, () =>
          [
            `${r.project.name} (${r.project.nameFa})`,
            `net saving ${usd(r.netSavingUsd)}/y (gross ${usd(r.grossSavingUsd)}, induced imports ${usd(r.inducedImportsUsd)}); remaining cost ${r.remainingCostUsd === null ? 'unknown' : usd(r.remainingCostUsd)}; payback ${r.paybackYears === null ? 'n/a' : `${r.paybackYears.toFixed(1)} years`}`,
            '',
            formatTable(['item', 'import volume', 'displaced', 'h', 'net saving $/y'], r.items.map((i) => [i.item.name, Math.round(i.importVolume), Math.round(i.displacedVolume), i.homeImportContent, i.netSavingUsd === null ? null : Math.round(i.netSavingUsd)])),
            assumptionLines(r.assumptions),
          ].join('\n'),
        );
      }
      case 'plan': {
        const budget = numberOption(args, 'budget');
        if (budget === undefined) throw new UsageError(`zanjir report plan needs --budget USD\n${REPORT_USAGE}`);
        const plan = await localizationPlanReport(deps, { budgetUsd: budget, minProgress: numberOption(args, 'min-progress') ?? null, statuses: list(stringOption(args, 'statuses'))?.map((x) => x.toUpperCase()) ?? null });
        const ids = list(stringOption(args, 'content')) ?? [];
        const after = await importContentAfterReport(deps, plan.effects, ids);
        return out({ ...plan, importContentAfter: after }, () =>
          [
            `Plan for ${usd(plan.budgetUsd)}: ${plan.steps.length} of ${plan.candidates} candidate projects, ${usd(plan.spentUsd)} spent, saving ${usd(plan.totalSavingUsd)} a year`,
            '',
            formatTable(
              ['#', 'project', 'net saving $/y', 'remaining cost $', '$/y per $', 'cumulative cost $', 'cumulative saving $/y'],
              plan.steps.map((x, i) => [i + 1, x.project.name, Math.round(x.netSavingUsd), Math.round(x.remainingCostUsd), x.savingPerUsd, Math.round(x.cumulativeCostUsd), Math.round(x.cumulativeSavingUsd)]),
            ),
            plan.skipped.length ? `\n${formatTable(['not picked', 'why', 'alone $/y', 'remaining cost $'], plan.skipped.map((x) => [x.project.name, x.reason, x.standaloneNetSavingUsd === null ? null : Math.round(x.standaloneNetSavingUsd), x.remainingCostUsd === null ? null : Math.round(x.remainingCostUsd)]))}` : '',
            after.length ? `\n${formatTable(['item', 'import content before', 'after', 'domestic content before', 'after'], after.map((c) => [c.item.name, pct(c.before), pct(c.after), pct(c.domesticContentBefore), pct(c.domesticContentAfter)]))}` : '',
            assumptionLines(plan.assumptions),
          ].join('\n'),
        );
      }
      case 'parallel-work': {
        const r = await parallelWorkReport(deps);
        return out(r, () => formatTable(['item', 'project', 'owner', 'status', 'progress'], r.flatMap((p) => p.projects.map((x, i) => [i === 0 ? p.item.name : '', x.project.name, x.owner as string, x.status as string, typeof x.progress === 'number' ? pct(x.progress) : '']))));
      }
    }
  });
}
