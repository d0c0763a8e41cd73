// Every localization report as one flat table (a header row, then one row per line), the shape
// spreadsheets and the CSV downloads take. Each table calls the same service as GraphQL and the
// CLI, so its figures are the same figures; numbers stay numbers (formatting is the reader's).

import {
  chainBalanceReport,
  chokepointsReport,
  disruptionWithRecords,
  importContentReport,
  importReliantLinksReport,
  parallelWorkReport,
  valueFlowsReport,
  type AnalyticsDeps,
} from '../graphql/analytics/analytics.service.js';
import {
  importBillsReport,
  importContentAfterReport,
  localizationImpactReport,
  localizationPlanReport,
  type CurrencyDeps,
} from '../graphql/currency/currency.service.js';
import { holdingsReport, organizationChokepointsReport, staleFiguresReport } from '../graphql/organization/organization.service.js';
import { localizationScheduleReport, optimalPlanReport } from '../services/plan.js';
import { BadUserInputError } from '../errors/index.js';
import { CATEGORIES, isCategory } from '../model/categories.js';
import { parseKinds } from '../io/export/request.js';
import type { NodeRecord } from '../model/records.js';

export type Cell = string | number | boolean | null;

/** What the reports read through: the analytics' store, and the executor the currency fetches use. */
export type ReportDeps = AnalyticsDeps & CurrencyDeps;

export interface Table {
  columns: string[];
  rows: Cell[][];
}

/** The parameters of a report, as strings (URL query parameters or CLI options). */
export type ReportParams = Map<string, string>;

export interface ReportDef {
  /** What the report answers, for listings and errors. */
  title: string;
  /** The parameters it reads; any other is refused, so a typo cannot silently widen a report. */
  params: readonly string[];
  required?: readonly string[];
  run(deps: ReportDeps, params: ReportParams): Promise<Table>;
}

/** Most ids a report takes in one list parameter. */
export const MAX_LIST = 500;

const list = (params: ReportParams, name: string): string[] | undefined => {
  const v = params.get(name);
  if (v === undefined) return undefined;
  const items = v.split(',').map((x) => x.trim()).filter(Boolean);
  if (items.length > MAX_LIST) throw new BadUserInputError(`${name} may list at most ${MAX_LIST} values; got ${items.length}.`, name);
  return items;
};

const number = (params: ReportParams, name: string): number | undefined => {
  const v = params.get(name);
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new BadUserInputError(`${name} must be a number; got ${JSON.stringify(v)}.`, name);
  return n;
};

const flag = (params: ReportParams, name: string): boolean => {
  const v = params.get(name);
  if (v === undefined) return false;
  if (['', 'true', '1', 'yes'].includes(v.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(v.toLowerCase())) return false;
  throw new BadUserInputError(`${name} must be true or false; got ${JSON.stringify(v)}.`, name);
};

/** The kind as GraphQL spells it: SUPPLIER, PRODUCT. */
export const kindName = (kind: string): string => kind.toUpperCase();

const categoryName = (node: NodeRecord): string | null => (isCategory(node.category) ? CATEGORIES[node.category].name : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export const REPORTS: Record<string, ReportDef> = {
  'import-content': {
    title: 'Where an item’s imports enter, through every tier (importContent)',
    params: ['id', 'table'],
    required: ['id'],
    async run(deps, params) {
      const r = await importContentReport(deps, params.get('id')!);
      const which = params.get('table') ?? 'contributions';
      if (which === 'assumptions') {
        return {
          columns: ['item_id', 'code', 'node_id', 'message'],
          rows: r.assumptions.map((a) => [r.item.id, a.code, a.nodeId, a.message]),
        };
      }
      if (which !== 'contributions') throw new BadUserInputError(`table must be contributions or assumptions; got ${JSON.stringify(which)}.`, 'table');
      return {
        columns: ['item_id', 'item_name', 'item_name_fa', 'direct_import_share', 'total_import_content', 'domestic_content', 'contributor_id', 'contributor_name', 'contributor_name_fa', 'contributor_kind', 'contribution'],
        rows: r.contributions.map((c) => [r.item.id, r.item.name, r.item.nameFa, r.directImportShare, r.totalImportContent, r.domesticContent, c.item.id, c.item.name, c.item.nameFa, kindName(c.item.kind), c.share]),
      };
    },
  },
  'import-reliant-links': {
    title: 'Items upstream that lean on imports (importReliantLinks)',
    params: ['id', 'threshold'],
    required: ['id'],
    async run(deps, params) {
      const r = await importReliantLinksReport(deps, params.get('id')!, number(params, 'threshold'));
      return {
        columns: ['item_id', 'item_name', 'item_name_fa', 'direct_import_share', 'only_foreign', 'countries', 'contribution', 'foreign_suppliers', 'path'],
        rows: r.map((l) => [
          l.item.id,
          l.item.name,
          l.item.nameFa,
          l.directImportShare,
          l.onlyForeign,
          l.countries.join(' '),
          l.contribution,
          l.foreignSuppliers.map((s) => `${s.supplier.name} (${s.country})`).join('; '),
          l.path.map((n) => n.id).join(' > '),
        ]),
      };
    },
  },
  disruption: {
    title: 'Supply lost if nodes, countries or all imports stop (disruption); finished goods first',
    params: ['countries', 'nodes', 'allImports', 'sanctioned', 'sanctionRegimes'],
    async run(deps, params) {
      const r = await disruptionWithRecords(deps, {
        countries: list(params, 'countries')?.map((c) => c.toUpperCase()),
        nodeIds: list(params, 'nodes'),
        allImports: flag(params, 'allImports'),
        sanctioned: flag(params, 'sanctioned'),
        sanctionRegimes: list(params, 'sanctionRegimes') ?? null,
      });
      const finished = new Set(r.finishedGoodsHit.map((l) => l.item.id));
      const rows = [...r.finishedGoodsHit, ...r.losses.filter((l) => !finished.has(l.item.id))];
      return {
        columns: ['item_id', 'item_name', 'item_name_fa', 'kind', 'stage', 'category', 'finished_good', 'loss'],
        rows: rows.map((l) => [l.item.id, l.item.name, l.item.nameFa, kindName(l.item.kind), text(l.item.stage), categoryName(l.item), finished.has(l.item.id), l.loss]),
      };
    },
  },
  chokepoints: {
    title: 'Upstream nodes whose loss alone costs an item its supply (chokepoints)',
    params: ['id', 'minImpact', 'kinds'],
    required: ['id'],
    async run(deps, params) {
      const r = await chokepointsReport(deps, params.get('id')!, number(params, 'minImpact'), parseKinds(params.get('kinds')));
      return {
        columns: ['node_id', 'node_name', 'node_name_fa', 'kind', 'country', 'impact'],
        rows: r.map((c) => [c.node.id, c.node.name, c.node.nameFa, kindName(c.node.kind), text(c.node.country), c.impact]),
      };
    },
  },
  'organization-chokepoints': {
    title: 'Organisations whose sites and suppliers, stopped together, cost an item its supply (organizationChokepoints)',
    params: ['id', 'minImpact'],
    required: ['id'],
    async run(deps, params) {
      const r = await organizationChokepointsReport(deps, params.get('id')!, number(params, 'minImpact'));
      return {
        columns: ['organization_id', 'organization_name', 'organization_name_fa', 'type', 'impact', 'nodes', 'groups', 'node_ids'],
        rows: r.map((c) => [c.organization.id, c.organization.name, c.organization.nameFa, text(c.organization.type), c.impact, c.nodes.length, c.groups.length, c.nodes.map((n) => n.id).join(' ')]),
      };
    },
  },
  holdings: {
    title: 'What an organisation holds through ownership chains, and the sites and suppliers behind it (holdings)',
    params: ['id', 'maxDepth'],
    required: ['id'],
    async run(deps, params) {
      const r = await holdingsReport(deps, params.get('id')!, number(params, 'maxDepth'));
      const row = (what: string, node: NodeRecord, by: NodeRecord | null, share: number, exact: boolean | null, depth: number | null, via: NodeRecord[] | null): Cell[] =>
        [what, node.id, node.name, node.nameFa, kindName(node.kind), by?.id ?? null, share, exact, depth, via ? via.map((v) => v.id).join(' > ') : null];
      return {
        columns: ['what', 'node_id', 'node_name', 'node_name_fa', 'kind', 'operator_id', 'effective_share', 'exact', 'depth', 'via'],
        rows: [
          ...r.holdings.map((x) => row('holding', x.node, null, x.effectiveShare, x.exact, x.depth, x.via)),
          ...r.sites.map((x) => row('site', x.node, x.operator, x.effectiveShare, null, null, null)),
          ...r.suppliers.map((x) => row('supplier', x.node, x.organization, x.effectiveShare, null, null, null)),
        ],
      };
    },
  },
  'stale-figures': {
    title: 'Figures dated before this year minus olderThan years, oldest first (staleFigures)',
    params: ['olderThan', 'undated', 'first'],
    async run(deps, params) {
      const r = await staleFiguresReport(deps, number(params, 'olderThan'), { undated: flag(params, 'undated'), first: number(params, 'first') ?? null });
      return {
        columns: ['as_of', 'figures', 'node_id', 'node_name', 'edge_type', 'edge_from', 'edge_to'],
        rows: r.records.map((x) => [x.asOf, x.figures.join(' '), x.node?.id ?? null, x.node?.name ?? null, x.edge?.type ?? null, x.edge?.from ?? null, x.edge?.to ?? null]),
      };
    },
  },
  balance: {
    title: 'Home capacity against demand per item (chainBalance)',
    params: ['ids', 'stage'],
    async run(deps, params) {
      const r = await chainBalanceReport(deps, list(params, 'ids') ?? null, params.get('stage')?.toUpperCase() ?? null);
      return {
        columns: ['item_id', 'item_name', 'item_name_fa', 'stage', 'unit', 'home_capacity', 'imports', 'demand', 'balance', 'missing'],
        rows: r.map((b) => [b.item.id, b.item.name, b.item.nameFa, text(b.item.stage), text(b.item.unit), b.homeCapacity, b.imports, b.demand, b.balance, b.missing.join('; ')]),
      };
    },
  },
  'parallel-work': {
    title: 'Items localized by several owners at once (parallelWork)',
    params: [],
    async run(deps) {
      const r = await parallelWorkReport(deps);
      return {
        columns: ['item_id', 'item_name', 'item_name_fa', 'owner_count', 'project_id', 'project_name', 'owner', 'status', 'progress', 'budget'],
        rows: r.flatMap((p) => p.projects.map((x) => [p.item.id, p.item.name, p.item.nameFa, p.ownerCount, x.project.id, x.project.name, text(x.owner), text(x.status), num(x.progress), num(x.project.budget)])),
      };
    },
  },
  'value-flows': {
    title: 'Where the value of one unit of an item comes from, as Sankey links or nodes (valueFlows)',
    params: ['id', 'minShare', 'detail', 'table'],
    required: ['id'],
    async run(deps, params) {
      const detail = params.get('detail')?.toLowerCase();
      if (detail && detail !== 'items' && detail !== 'sites') throw new BadUserInputError(`detail must be items or sites; got ${JSON.stringify(detail)}.`, 'detail');
      const r = await valueFlowsReport(deps, params.get('id')!, number(params, 'minShare'), (detail as 'items' | 'sites' | undefined) ?? null);
      const which = params.get('table') ?? 'links';
      const byKey = new Map(r.nodes.map((n) => [n.key, n]));
      if (which === 'nodes') {
        return {
          columns: ['key', 'role', 'node_id', 'name', 'name_fa', 'foreign', 'value', 'value_added', 'import_share', 'count'],
          rows: r.nodes.map((n) => [n.key, n.role, n.node?.id ?? null, n.name, n.nameFa, n.foreign, n.value, n.valueAdded, n.importShare, n.count]),
        };
      }
      if (which !== 'links') throw new BadUserInputError(`table must be links or nodes; got ${JSON.stringify(which)}.`, 'table');
      return {
        columns: ['source_key', 'source_name', 'source_name_fa', 'target_key', 'target_name', 'target_name_fa', 'value', 'import_share'],
        rows: r.links.map((l) => [l.source, byKey.get(l.source)?.name ?? null, byKey.get(l.source)?.nameFa ?? null, l.target, byKey.get(l.target)?.name ?? null, byKey.get(l.target)?.nameFa ?? null, l.value, l.importShare]),
      };
    },
  },
  'import-bills': {
    title: 'Items ranked by import bill: where the foreign currency goes (importBills)',
    params: ['stage', 'first'],
    async run(deps, params) {
      const stage = params.get('stage')?.toUpperCase() ?? null;
      const r = await importBillsReport(deps, { stage, first: number(params, 'first') ?? null });
      return {
        columns: ['item_id', 'name', 'name_fa', 'import_volume', 'volume_from_demand', 'unit_value_usd', 'import_bill_usd', 'countries'],
        rows: r.map((b) => [b.item.id, b.item.name, b.item.nameFa, b.importVolume, b.volumeFromDemand, b.unitValueUsd, b.importBillUsd, b.countries.map((c) => c.country).join(' ')]),
      };
    },
  },
  'localization-impact': {
    title: 'What one localization project saves in foreign currency a year, per item (localizationImpact)',
    params: ['id'],
    required: ['id'],
    async run(deps, params) {
      const r = await localizationImpactReport(deps, params.get('id')!);
      return {
        columns: ['project_id', 'item_id', 'item_name', 'import_volume', 'displaced_volume', 'home_import_content', 'gross_saving_usd', 'induced_imports_usd', 'net_saving_usd', 'project_remaining_cost_usd', 'project_payback_years'],
        rows: r.items.map((i) => [r.project.id, i.item.id, i.item.name, i.importVolume, i.displacedVolume, i.homeImportContent, i.grossSavingUsd, i.inducedImportsUsd, i.netSavingUsd, r.remainingCostUsd, r.paybackYears]),
      };
    },
  },
  'localization-plan': {
    title: 'Which projects a budget should finish first, in order, and those left out with why (localizationPlan)',
    params: ['budget', 'minProgress', 'statuses', 'content'],
    required: ['budget'],
    async run(deps, params) {
      const plan = await localizationPlanReport(deps, { budgetUsd: number(params, 'budget')!, minProgress: number(params, 'minProgress') ?? null, statuses: list(params, 'statuses')?.map((x) => x.toUpperCase()) ?? null });
      const content = list(params, 'content');
      if (content) {
        const after = await importContentAfterReport(deps, plan.effects, content);
        return {
          columns: ['item_id', 'name', 'import_content_before', 'import_content_after', 'domestic_content_before', 'domestic_content_after'],
          rows: after.map((c) => [c.item.id, c.item.name, c.before, c.after, c.domesticContentBefore, c.domesticContentAfter]),
        };
      }
      return {
        columns: ['order', 'project_id', 'name', 'picked', 'reason', 'net_saving_usd', 'remaining_cost_usd', 'saving_per_usd', 'cumulative_cost_usd', 'cumulative_saving_usd', 'expected_completion'],
        rows: [
          ...plan.steps.map((x, i) => [i + 1, x.project.id, x.project.name, true, null, x.netSavingUsd, x.remainingCostUsd, x.savingPerUsd, x.cumulativeCostUsd, x.cumulativeSavingUsd, text(x.project.expectedCompletion)] as Cell[]),
          ...plan.skipped.map((x) => [null, x.project.id, x.project.name, false, x.reason, x.standaloneNetSavingUsd, x.remainingCostUsd, null, null, null, text(x.project.expectedCompletion)] as Cell[]),
        ],
      };
    },
  },
  'optimal-plan': {
    title: 'The best set of projects for a budget (an exact MILP), beside the greedy plan, and why they differ (optimalPlan)',
    params: ['budget', 'minJobs', 'minProgress', 'statuses'],
    required: ['budget'],
    async run(deps, params) {
      const plan = await optimalPlanReport(deps, {
        budgetUsd: number(params, 'budget')!,
        minJobs: number(params, 'minJobs') ?? null,
        minProgress: number(params, 'minProgress') ?? null,
        statuses: list(params, 'statuses')?.map((x) => x.toUpperCase()) ?? null,
      });
      const why = new Map(plan.differences.map((d) => [d.project.id, d.explanation]));
      return {
        columns: ['status', 'project_id', 'name', 'picked', 'reason', 'net_saving_usd', 'remaining_cost_usd', 'displaced_volume', 'jobs', 'differs_from_greedy'],
        rows: [
          ...plan.projects.map((x) => [plan.status, x.project.id, x.project.name, true, null, x.netSavingUsd, x.remainingCostUsd, x.displacedVolume, x.jobs, why.get(x.project.id) ?? null] as Cell[]),
          ...plan.skipped.map((x) => [plan.status, x.project.id, x.project.name, false, x.reason, null, null, null, num(x.project.jobs), why.get(x.project.id) ?? null] as Cell[]),
        ],
      };
    },
  },
  schedule: {
    title: 'Which projects to fund in which year from yearly budgets (localizationSchedule); table=years for the years',
    params: ['budgets', 'startYear', 'horizonYears', 'discountRate', 'minJobs', 'minProgress', 'statuses', 'table'],
    required: ['budgets', 'startYear'],
    async run(deps, params) {
      const budgetsUsd = list(params, 'budgets')!.map((b) => {
        const n = Number(b);
        if (!Number.isFinite(n)) throw new BadUserInputError(`budgets must be numbers of US dollars separated by commas; got ${JSON.stringify(b)}.`, 'budgets');
        return n;
      });
      const table = params.get('table') ?? 'projects';
      if (table !== 'projects' && table !== 'years') throw new BadUserInputError(`table must be projects or years; got ${JSON.stringify(table)}.`, 'table');
      const s = await localizationScheduleReport(deps, {
        budgetsUsd,
        startYear: number(params, 'startYear')!,
        horizonYears: number(params, 'horizonYears') ?? null,
        discountRate: number(params, 'discountRate') ?? null,
        minJobs: number(params, 'minJobs') ?? null,
        minProgress: number(params, 'minProgress') ?? null,
        statuses: list(params, 'statuses')?.map((x) => x.toUpperCase()) ?? null,
      });
      if (table === 'years') {
        return {
          columns: ['status', 'year', 'available_usd', 'spent_usd', 'saving_usd', 'jobs'],
          rows: s.years.map((y) => [s.status, y.year, y.availableUsd, y.spentUsd, y.savingUsd, y.jobs]),
        };
      }
      return {
        columns: ['status', 'year', 'project_id', 'name', 'reason', 'net_saving_usd', 'remaining_cost_usd'],
        rows: [
          ...s.projects.map((x) => [s.status, x.year, x.project.id, x.project.name, null, x.netSavingUsd, x.remainingCostUsd] as Cell[]),
          ...s.skipped.map((x) => [s.status, null, x.project.id, x.project.name, x.reason, null, null] as Cell[]),
        ],
      };
    },
  },
};

/** The CLI's short names: `links` is import-reliant-links, `companies` organization-chokepoints. */
export const REPORT_ALIASES: Record<string, string> = {
  links: 'import-reliant-links',
  bills: 'import-bills',
  impact: 'localization-impact',
  plan: 'localization-plan',
  companies: 'organization-chokepoints',
  stale: 'stale-figures',
};

export function reportNamed(name: string): ReportDef | undefined {
  return REPORTS[REPORT_ALIASES[name] ?? name];
}

/** Runs a report after checking its parameters: unknown ones and missing required ones are refused. */
export async function runReport(deps: ReportDeps, name: string, params: ReportParams): Promise<Table> {
  const def = reportNamed(name);
  if (!def) throw new BadUserInputError(`No report ${JSON.stringify(name)}; the reports are ${Object.keys(REPORTS).join(', ')}.`, 'report');
  const unknown = [...params.keys()].filter((p) => !def.params.includes(p));
  if (unknown.length > 0) {
    throw new BadUserInputError(`${name} takes ${def.params.length ? def.params.join(', ') : 'no parameters'}; unknown: ${unknown.join(', ')}.`, unknown[0]);
  }
  for (const p of def.required ?? []) {
    if (!params.get(p)?.trim()) throw new BadUserInputError(`${name} needs ${p}.`, p);
  }
  return def.run(deps, params);
}
