// `zanjir report …`: the localization analytics as tables, JSON (--json) or CSV (--csv, the same
// bytes as GET /report/<name>.csv). Wherever an id is asked, a name works too: search picks the
// best hit and says which on stderr.

import {
  chainBalanceReport,
  chokepointsReport,
  disruptionWithRecords,
  importContentReport,
  importReliantLinksReport,
  parallelWorkReport,
} from '../../graphql/analytics/analytics.service.js';
import { importBillsReport, importContentAfterReport, localizationImpactReport, localizationPlanReport } from '../../graphql/currency/currency.service.js';
import { localizationScheduleReport, optimalPlanReport } from '../../services/plan.js';
import type { ChainStore } from '../../db/chain-store.js';
import { NotFoundError } from '../../errors/index.js';
import { isItemKind, type NodeKind } from '../../model/kinds.js';
import { MAX_SEARCH_CHARS } from '../../model/search-rank.js';
import { snapshotCacheFor } from '../../context.js';
import { holdingsReport, organizationChokepointsReport, staleFiguresReport } from '../../graphql/organization/organization.service.js';
import { parseKinds } from '../../io/export/request.js';
import { toCsv } from '../../reports/csv.js';
import { runReport, type ReportParams } from '../../reports/tables.js';
import { numberOption, stringOption, UsageError, type ParsedArgs } from '../args.js';
import { formatTable, percent, type Cell } from '../table.js';
import { log, withDatabase } from './common.js';

const REPORTS = ['import-content', 'links', 'disruption', 'chokepoints', 'balance', 'parallel-work', 'bills', 'impact', 'plan', 'holdings', 'companies', 'stale', 'optimal-plan', 'schedule'] as const;

export const REPORT_USAGE = `zanjir report import-content ID|NAME [--assumptions]
zanjir report links ID|NAME [--threshold 0.5]
zanjir report disruption [--countries CN,DE] [--nodes ID,ID] [--all-imports] [--sanctioned [--regimes US-OFAC,EU]]
zanjir report chokepoints ID|NAME [--min-impact 1] [--kinds SUPPLIER,PLANT,MINE]
zanjir report companies ID|NAME [--min-impact 1]   (organisations that would stop it)
zanjir report holdings ORG_ID|NAME [--max-depth 6]
zanjir report stale [--older-than 3] [--undated] [--first 100]
zanjir report balance [ID|NAME…] [--stage ORE|CONCENTRATE|INTERMEDIATE|SEMI_FINISHED|FINISHED|CONSUMABLE]
zanjir report parallel-work
zanjir report bills [--stage ORE|…|FINISHED] [--first 50]
zanjir report impact PROJECT_ID
zanjir report plan --budget 5e8 [--min-progress 0.75] [--statuses ACTIVE,STALLED,PLANNED] [--content ID,ID]
zanjir report optimal-plan --budget 3e8 [--min-jobs 500] [--min-progress 0.75] [--statuses ACTIVE,STALLED,PLANNED]
zanjir report schedule --budgets 1e8,1e8,1e8 --start 2027 [--horizon 10] [--discount-rate 0.05] [--min-jobs 500] [--years]
A name is looked up by search ("Peugeot Pars"); the match used is printed on stderr.
Add --json for JSON, or --csv for a spreadsheet table (what GET /report/<name>.csv serves).`;

const list = (v: string | undefined) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const usd = (x: number) => `$${Math.round(x).toLocaleString('en')}`;
const assumptionLines = (list: { code: string; message: string }[]) => (list.length ? `\nassumptions:\n${list.map((a) => `  ${a.code}: ${a.message}`).join('\n')}` : '');
const kindName = (kind: string) => kind.toUpperCase();
/**
 * An id as typed, or the best search hit for a name (products and parts only, for the item
 * reports). Says on stderr which node a name was taken to mean.
 */
export async function resolveNode(store: ChainStore, text: string, itemsOnly: boolean): Promise<string> {
  const [exact] = await store.nodesByIds([text]);
  if (exact) return exact.id;
  // Something shaped like an id ("project:nope") is meant as one: a near miss is suggested, not guessed.
  if (/^[a-z]+:\S+$/.test(text)) throw await store.unknownIdError([text]);
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
    // The same snapshot the server answers from, so the CLI's figures are the server's to the last digit.
    const deps = { store: db.store, executor: db.executor, snapshots: snapshotCacheFor(db.executor) };
    const needId = async () => {
      if (!rest[0]) throw new UsageError(`zanjir report ${name} needs a node id or name\n${REPORT_USAGE}`);
      // Several words without quotes are one name: zanjir report links Peugeot Pars
      return resolveNode(db.store, rest.join(' '), true);
    };
    const needAnyId = async () => {
      if (!rest[0]) throw new UsageError(`zanjir report ${name} needs a node id or name\n${REPORT_USAGE}`);
      return resolveNode(db.store, rest.join(' '), false);
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
          set('sanctioned', args.options.has('sanctioned'));
          set('sanctionRegimes', stringOption(args, 'regimes'));
          break;
        case 'companies':
          set('id', await needId());
          set('minImpact', numberOption(args, 'min-impact'));
          break;
        case 'holdings':
          set('id', await needAnyId());
          set('maxDepth', numberOption(args, 'max-depth'));
          break;
        case 'stale':
          set('olderThan', numberOption(args, 'older-than'));
          set('undated', args.options.has('undated'));
          set('first', numberOption(args, 'first'));
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
        case 'bills':
          set('stage', stringOption(args, 'stage'));
          set('first', numberOption(args, 'first'));
          break;
        case 'impact':
          if (!rest[0]) throw new UsageError(`zanjir report impact needs a project id or name\n${REPORT_USAGE}`);
          set('id', await resolveNode(db.store, rest.join(' '), false));
          break;
        case 'plan':
          set('budget', numberOption(args, 'budget'));
          set('minProgress', numberOption(args, 'min-progress'));
          set('statuses', stringOption(args, 'statuses'));
          set('content', stringOption(args, 'content'));
          break;
        case 'optimal-plan':
          set('budget', numberOption(args, 'budget'));
          set('minJobs', numberOption(args, 'min-jobs'));
          set('minProgress', numberOption(args, 'min-progress'));
          set('statuses', stringOption(args, 'statuses'));
          break;
        case 'schedule':
          set('budgets', stringOption(args, 'budgets'));
          set('startYear', numberOption(args, 'start'));
          set('horizonYears', numberOption(args, 'horizon'));
          set('discountRate', numberOption(args, 'discount-rate'));
          set('minJobs', numberOption(args, 'min-jobs'));
          set('minProgress', numberOption(args, 'min-progress'));
          set('statuses', stringOption(args, 'statuses'));
          if (args.options.has('years')) set('table', 'years');
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
        const r = await disruptionWithRecords(deps, {
          countries: list(stringOption(args, 'countries'))?.map((c) => c.toUpperCase()),
          nodeIds: list(stringOption(args, 'nodes')),
          allImports: args.options.has('all-imports'),
          sanctioned: args.options.has('sanctioned'),
          sanctionRegimes: list(stringOption(args, 'regimes')) ?? null,
        });
        const row = (l: { item: { name: string; id: string; kind: string }; loss: number }): Cell[] => [l.item.name, l.item.id, kindName(l.item.kind), percent(l.loss)];
        return out(r, () =>
          [
            ...(r.sanctioned.length ? [formatTable(['sanctioned source', 'id', 'why'], r.sanctioned.map((x) => [x.node.name, x.node.id, x.reason])), ''] : []),
            `Finished goods hit: ${r.finishedGoodsHit.length}`,
            r.finishedGoodsHit.length ? formatTable(['finished good', 'id', 'kind', 'loss'], r.finishedGoodsHit.map(row)) : '(none)',
            '',
            `Every item losing supply: ${r.losses.length}`,
            formatTable(['item', 'id', 'kind', 'loss'], r.losses.map(row)),
            r.removedGroups.length ? `\ngroups removed whole (each stands for many firms or sites): ${r.removedGroups.map((g) => g.id).join(', ')}` : '',
            `\nfigures as of ${r.figures.oldestAsOf ?? 'unknown'} at the oldest (${r.figures.undated} records with figures are undated)`,
          ].join('\n'),
        );
      }
      case 'chokepoints': {
        const r = await chokepointsReport(deps, await needId(), numberOption(args, 'min-impact'), parseKinds(stringOption(args, 'kinds')));
        return out(r, () => formatTable(['node', 'kind', 'id', 'impact', 'group'], r.map((c) => [c.node.name, kindName(c.node.kind), c.node.id, percent(c.impact), c.group ? `group${c.memberCount ? ` of ${c.memberCount}` : ''}` : ''])));
      }
      case 'companies': {
        const r = await organizationChokepointsReport(deps, await needId(), numberOption(args, 'min-impact'));
        return out(r, () => formatTable(['organisation', 'id', 'impact', 'what it reaches upstream'], r.map((c) => [c.organization.name, c.organization.id, c.impact, c.nodes.map((n) => n.id).join(' ')])));
      }
      case 'holdings': {
        const r = await holdingsReport(deps, await needAnyId(), numberOption(args, 'max-depth'));
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
        const ids = rest.length ? await Promise.all(rest.map((t) => resolveNode(db.store, t, true))) : null;
        const r = await chainBalanceReport(deps, ids, stringOption(args, 'stage')?.toUpperCase() ?? null);
        return out(r, () => formatTable(['item', 'home capacity', 'imports', 'demand', 'balance'], r.map((b) => [b.item.name, b.homeCapacity, b.imports, b.demand, b.balance])));
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
        if (!rest[0]) throw new UsageError(`zanjir report impact needs a project id or name\n${REPORT_USAGE}`);
        const r = await localizationImpactReport(deps, await resolveNode(db.store, rest.join(' '), false));
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
      case 'optimal-plan': {
        const budget = numberOption(args, 'budget');
        if (budget === undefined) throw new UsageError(`zanjir report optimal-plan needs --budget USD\n${REPORT_USAGE}`);
        const plan = await optimalPlanReport(deps, {
          budgetUsd: budget,
          minJobs: numberOption(args, 'min-jobs') ?? null,
          minProgress: numberOption(args, 'min-progress') ?? null,
          statuses: list(stringOption(args, 'statuses'))?.map((x) => x.toUpperCase()) ?? null,
        });
        return out(plan, () =>
          [
            `Best plan for ${usd(plan.budgetUsd)}: ${plan.status}${plan.status === 'TIME_LIMIT' ? ` (gap ${plan.mipGap === null ? 'unknown' : pct(plan.mipGap)})` : ''}, ${plan.projects.length} projects, ${usd(plan.spentUsd)} spent, saving ${usd(plan.netSavingUsd)} a year, ${plan.jobs} jobs`,
            `The greedy plan saves ${usd(plan.greedyNetSavingUsd)} a year: the best plan gains ${usd(plan.gainOverGreedyUsd)}`,
            '',
            plan.projects.length ? formatTable(['project', 'id', 'net saving $/y', 'remaining cost $', 'jobs'], plan.projects.map((x) => [x.project.name, x.project.id, Math.round(x.netSavingUsd), Math.round(x.remainingCostUsd), x.jobs])) : '(no plan)',
            plan.differences.length ? `\nwhere it differs from the greedy plan:\n${plan.differences.map((d) => `  ${d.project.id}: ${d.explanation}`).join('\n')}` : '',
            plan.skipped.length ? `\n${formatTable(['not picked', 'id', 'why'], plan.skipped.map((x) => [x.project.name, x.project.id, x.reason]))}` : '',
            assumptionLines(plan.assumptions),
          ].join('\n'),
        );
      }
      case 'schedule': {
        const budgets = stringOption(args, 'budgets');
        const start = numberOption(args, 'start');
        if (budgets === undefined || start === undefined) throw new UsageError(`zanjir report schedule needs --budgets USD,USD,… and --start YEAR\n${REPORT_USAGE}`);
        const budgetsUsd = list(budgets)!.map((b) => {
          const n = Number(b);
          if (!Number.isFinite(n)) throw new UsageError(`--budgets must be numbers separated by commas, got ${JSON.stringify(b)}`);
          return n;
        });
        const s = await localizationScheduleReport(deps, {
          budgetsUsd,
          startYear: start,
          horizonYears: numberOption(args, 'horizon') ?? null,
          discountRate: numberOption(args, 'discount-rate') ?? null,
          minJobs: numberOption(args, 'min-jobs') ?? null,
          minProgress: numberOption(args, 'min-progress') ?? null,
          statuses: list(stringOption(args, 'statuses'))?.map((x) => x.toUpperCase()) ?? null,
        });
        return out(s, () =>
          [
            `Schedule from ${start} over ${s.years.length} years: ${s.status}${s.status === 'TIME_LIMIT' ? ` (gap ${s.mipGap === null ? 'unknown' : pct(s.mipGap)})` : ''}, ${s.projects.length} projects, saving ${usd(s.objectiveUsd)} over the horizon (discounted to ${start})`,
            '',
            formatTable(['year', 'available $', 'spent $', 'saving $/y', 'jobs'], s.years.map((y) => [String(y.year), Math.round(y.availableUsd), Math.round(y.spentUsd), Math.round(y.savingUsd), y.jobs])),
            s.projects.length ? `\n${formatTable(['year', 'project', 'id', 'net saving $/y', 'remaining cost $'], s.projects.map((x) => [String(x.year), x.project.name, x.project.id, Math.round(x.netSavingUsd), Math.round(x.remainingCostUsd)]))}` : '',
            assumptionLines(s.assumptions),
          ].join('\n'),
        );
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
