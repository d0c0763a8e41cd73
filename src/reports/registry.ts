// The one list of reports: every localization report, once, with what each door needs from it.
// GraphQL answers it as the query `graphql` names, GET /report/<name>.csv as a flat table (a
// header row, then one row per line: what spreadsheets take), and `zanjir report <cli name>` as a
// text table, JSON or the same CSV, with its usage text made from the same entry. A report exists
// at every door or at none (test/report-registry.test.ts holds the registry against the schema).
// Every report calls the same service as GraphQL, so its figures are the same figures; numbers
// stay numbers in tables (formatting is the reader's).

import {
  chainBalanceReport,
  chokepointsReport,
  disruptionIds,
  disruptionReport,
  importContentReport,
  importReliantLinksReport,
  parallelWorkReport,
  recordsOf,
  valueFlowsReport,
} from '../services/analytics.js';
import { importBillsReport, importContentAfterReport, localizationImpactReport, localizationPlanReport } from '../services/currency.js';
import { holdingsReport, organizationChokepointsReport, staleFiguresReport } from '../services/organization.js';
import type { ServiceDeps } from '../services/deps.js';
import { localizationScheduleReport, optimalPlanReport } from '../services/plan.js';
import { BadUserInputError } from '../errors/index.js';
import { CATEGORIES, isCategory } from '../model/categories.js';
import { STAGES } from '../model/kinds.js';
import { SECTOR_CODES } from '../model/categories.js';
import { parseKinds } from '../io/export/request.js';
import type { NodeRecord } from '../model/records.js';
import { formatTable, percent, type Cell as TextCell } from './text-table.js';

export type Cell = string | number | boolean | null;

export interface Table {
  columns: string[];
  rows: Cell[][];
}

/** The parameters of a report, as strings (URL query parameters or CLI options). */
export type ReportParams = Map<string, string>;

/** A parameter, as every door spells it. */
export interface ParamSpec {
  /** The URL query parameter (and the key in ReportParams). */
  name: string;
  /** How its text reads: a number, a comma-separated list, true/false, or text. */
  type: 'number' | 'list' | 'flag' | 'text';
  /** The CLI option, without dashes, when it is not the name in kebab case. */
  option?: string;
  /** An example value for usage text (`--min-impact 1`). */
  example?: string;
  /** What the value is, for errors (`--budget USD`). */
  unit?: string;
  /** On the CLI, a flag that sets this parameter to a value (`--assumptions` → table=assumptions). */
  flagSets?: string;
  required?: boolean;
}

/** What the CLI reads from its positional words: a node named by id or by search. */
export interface SubjectSpec {
  param: string;
  /** What a name is looked up among: products and parts, any node, or a project. */
  among: 'items' | 'nodes';
  /** Several words each naming one node (balance), or all words one name. */
  many?: boolean;
  required: boolean;
  /** How the usage text names it (ID|NAME, PROJECT_ID). */
  usage: string;
  /** What a missing one is called in an error ("a project"). */
  what?: string;
}

export interface ReportDef<R = unknown> {
  /** What the report answers, for listings and errors. */
  title: string;
  /** The GraphQL query that answers the same question. */
  graphql: string;
  /** The CLI's name for it, when shorter than the report's own (`links`). */
  cli?: string;
  /** What the CLI's positional words fill. */
  subject?: SubjectSpec;
  /** The parameters it reads; any other is refused, so a typo cannot silently widen a report. */
  params: readonly ParamSpec[];
  /** A line of usage text after the options (what the report means). */
  note?: string;
  /** The answer, with the records it names. */
  compute(deps: ServiceDeps, params: ReportParams): Promise<R>;
  /** The answer as one flat table (CSV). */
  table(answer: R, params: ReportParams): Table;
  /** The answer as the CLI prints it; the table, formatted, when absent. */
  text?(answer: R, params: ReportParams): string;
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
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const usd = (x: number) => `$${Math.round(x).toLocaleString('en')}`;
const assumptionLines = (list: { code: string; message: string }[]) => (list.length ? `\nassumptions:\n${list.map((a) => `  ${a.code}: ${a.message}`).join('\n')}` : '');

/** A row's caveats in one cell: `CODE node: message`, separated by ` | ` (empty when it rests on none). */
const caveats = (list: readonly { code: string; nodeId: string; message: string }[]): string | null => (list.length ? list.map((a) => `${a.code} ${a.nodeId}: ${a.message}`).join(' | ') : null);

/** Which projects the plans consider: the same two filters on every plan report. */
const CANDIDATE_FILTERS: readonly ParamSpec[] = [
  { name: 'minProgress', type: 'number', example: '0.75' },
  { name: 'statuses', type: 'list', example: 'ACTIVE,STALLED,PLANNED' },
];
const MIN_JOBS: ParamSpec = { name: 'minJobs', type: 'number', example: '500' };
const candidateFilters = (params: ReportParams) => ({
  minProgress: number(params, 'minProgress') ?? null,
  statuses: list(params, 'statuses')?.map((x) => x.toUpperCase()) ?? null,
});

const ITEM: SubjectSpec = { param: 'id', among: 'items', required: true, usage: 'ID|NAME' };
const STAGE_EXAMPLE = STAGES.join('|');
const SECTOR_EXAMPLE = SECTOR_CODES.join('|');

/** Keeps each entry's answer type between its compute, table and text. */
const report = <R>(def: ReportDef<R>): ReportDef<unknown> => def as unknown as ReportDef<unknown>;

export const REPORTS: Record<string, ReportDef<unknown>> = {
  'import-content': report({
    title: 'Where an item’s imports enter, through every tier (importContent)',
    graphql: 'importContent',
    subject: ITEM,
    params: [
      { name: 'id', type: 'text', required: true },
      { name: 'table', type: 'text', example: 'contributions|assumptions', flagSets: 'assumptions', option: 'assumptions' },
    ],
    compute: (deps, params) => importContentReport(deps, params.get('id')!),
    table(r, params) {
      const which = params.get('table') ?? 'contributions';
      if (which === 'assumptions') {
        return { columns: ['item_id', 'code', 'node_id', 'message'], rows: r.assumptions.map((a) => [r.item.id, a.code, a.nodeId, a.message]) };
      }
      if (which !== 'contributions') throw new BadUserInputError(`table must be contributions or assumptions; got ${JSON.stringify(which)}.`, 'table');
      return {
        columns: ['item_id', 'item_name', 'item_name_fa', 'direct_import_share', 'total_import_content', 'domestic_content', 'contributor_id', 'contributor_name', 'contributor_name_fa', 'contributor_kind', 'contribution'],
        rows: r.contributions.map((c) => [r.item.id, r.item.name, r.item.nameFa, r.directImportShare, r.totalImportContent, r.domesticContent, c.item.id, c.item.name, c.item.nameFa, kindName(c.item.kind), c.share]),
      };
    },
    text(r, params) {
      const byCode = new Map<string, string[]>();
      for (const a of r.assumptions) byCode.set(a.code, [...(byCode.get(a.code) ?? []), a.nodeId]);
      return [
        `${r.item.name} (${r.item.nameFa})`,
        formatTable(['direct import share', 'total import content', 'domestic content'], [[percent(r.directImportShare), percent(r.totalImportContent), percent(r.domesticContent)]]),
        r.converged ? '' : 'The iteration did not converge.',
        formatTable(['where the imports enter', 'id', 'share of value'], r.contributions.map((c) => [c.item.name, c.item.id, percent(c.share)])),
        r.unmodeled.length ? `\nunmodeled (counted as home-made): ${r.unmodeled.map((n) => n.id).join(', ')}` : '',
        r.assumptions.length === 0
          ? ''
          : params.get('table') === 'assumptions'
            ? `\nassumptions:\n${formatTable(['code', 'node', 'message'], r.assumptions.map((a) => [a.code, a.nodeId, a.message]))}`
            : `\nassumptions (${r.assumptions.length}; --assumptions lists each):\n${formatTable(
                ['code', 'nodes', 'for example'],
                [...byCode].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([code, ids]) => [code, ids.length, ids.slice(0, 3).join(', ') + (ids.length > 3 ? ', …' : '')]),
              )}`,
      ]
        .filter((x) => x !== '')
        .join('\n');
    },
  }),
  'import-reliant-links': report({
    title: 'Items upstream that lean on imports (importReliantLinks)',
    graphql: 'importReliantLinks',
    cli: 'links',
    subject: ITEM,
    params: [
      { name: 'id', type: 'text', required: true },
      { name: 'threshold', type: 'number', example: '0.5' },
    ],
    compute: (deps, params) => importReliantLinksReport(deps, params.get('id')!, number(params, 'threshold')),
    table: (r) => ({
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
    }),
    text: (r) =>
      formatTable(
        ['item', 'direct import', 'only foreign', 'countries', 'contribution', 'path'],
        r.map((l) => [l.item.name, percent(l.directImportShare), l.onlyForeign ? 'yes' : '', l.countries.join(' '), percent(l.contribution), l.path.map((n) => n.id).join(' → ')]),
      ),
  }),
  disruption: report({
    title: 'Supply lost if nodes, countries or all imports stop (disruption); finished goods first',
    graphql: 'disruption',
    params: [
      { name: 'countries', type: 'list', example: 'CN,DE' },
      { name: 'nodes', type: 'list', example: 'ID,ID' },
      { name: 'allImports', type: 'flag' },
      { name: 'sanctioned', type: 'flag' },
      { name: 'sanctionRegimes', type: 'list', option: 'regimes', example: 'US-OFAC,EU' },
    ],
    async compute(deps, params) {
      const r = await disruptionReport(deps, {
        countries: list(params, 'countries')?.map((c) => c.toUpperCase()),
        nodeIds: list(params, 'nodes'),
        allImports: flag(params, 'allImports'),
        sanctioned: flag(params, 'sanctioned'),
        sanctionRegimes: list(params, 'sanctionRegimes') ?? null,
      });
      const node = await recordsOf(deps, disruptionIds(r));
      const withItem = <L extends { itemId: string }>(l: L) => ({ ...l, item: node(l.itemId) });
      return {
        losses: r.losses.map(withItem),
        finishedGoodsHit: r.finishedGoodsHit.map(withItem),
        removedSources: r.removedSourceIds.map(node),
        removedGroups: r.removedGroupIds.map(node),
        sanctioned: r.sanctioned.map((s) => ({ node: node(s.nodeId), reason: s.reason })),
        figures: r.figures,
        converged: r.converged,
        graphVersion: r.graphVersion,
      };
    },
    table(r) {
      const finished = new Set(r.finishedGoodsHit.map((l) => l.item.id));
      const rows = [...r.finishedGoodsHit, ...r.losses.filter((l) => !finished.has(l.item.id))];
      return {
        columns: ['item_id', 'item_name', 'item_name_fa', 'kind', 'stage', 'category', 'finished_good', 'loss', 'demand', 'unit', 'lost_units', 'lost_value_usd'],
        rows: rows.map((l) => [l.item.id, l.item.name, l.item.nameFa, kindName(l.item.kind), text(l.item.stage), categoryName(l.item), finished.has(l.item.id), l.loss, l.demand, text(l.item.unit), l.lostUnits, l.lostValueUsd]),
      };
    },
    text(r) {
      const row = (l: { item: NodeRecord; loss: number; lostUnits: number | null }): TextCell[] => [l.item.name, l.item.id, kindName(l.item.kind), percent(l.loss), l.lostUnits === null ? null : `${Math.round(l.lostUnits).toLocaleString('en')}${typeof l.item.unit === 'string' ? ` ${l.item.unit}` : ''}`];
      return [
        ...(r.sanctioned.length ? [formatTable(['sanctioned source', 'id', 'why'], r.sanctioned.map((x) => [x.node.name, x.node.id, x.reason])), ''] : []),
        `Finished goods hit: ${r.finishedGoodsHit.length}`,
        r.finishedGoodsHit.length ? formatTable(['finished good', 'id', 'kind', 'loss', 'lost a year'], r.finishedGoodsHit.map(row)) : '(none)',
        '',
        `Every item losing supply: ${r.losses.length}`,
        formatTable(['item', 'id', 'kind', 'loss', 'lost a year'], r.losses.map(row)),
        r.removedGroups.length ? `\ngroups removed whole (each stands for many firms or sites): ${r.removedGroups.map((g) => g.id).join(', ')}` : '',
        `\nfigures as of ${r.figures.oldestAsOf ?? 'unknown'} at the oldest (${r.figures.undated} records with figures are undated)`,
      ].join('\n');
    },
  }),
  chokepoints: report({
    title: 'Upstream nodes whose loss alone costs an item its supply (chokepoints)',
    graphql: 'chokepoints',
    subject: ITEM,
    params: [
      { name: 'id', type: 'text', required: true },
      { name: 'minImpact', type: 'number', example: '1' },
      { name: 'kinds', type: 'list', example: 'SUPPLIER,PLANT,MINE' },
    ],
    async compute(deps, params) {
      const kinds = parseKinds(params.get('kinds'));
      const found = await chokepointsReport(deps, params.get('id')!, number(params, 'minImpact'), kinds);
      // An empty answer says why and what to try: the largest impact any such node has.
      const largest = found.length > 0 ? null : ((await chokepointsReport(deps, params.get('id')!, 0, kinds))[0] ?? null);
      return { found, largest, minImpact: number(params, 'minImpact') ?? 1 };
    },
    table: (r) => ({
      columns: ['node_id', 'node_name', 'node_name_fa', 'kind', 'country', 'impact'],
      rows: r.found.map((c) => [c.node.id, c.node.name, c.node.nameFa, kindName(c.node.kind), text(c.node.country), c.impact]),
    }),
    text(r, params) {
      if (r.found.length === 0) {
        const kinds = params.get('kinds') ? ` among ${params.get('kinds')}` : '';
        return r.largest
          ? `No node${kinds} alone costs it ${pct(r.minImpact)} of its supply (the default asks for all of it). The largest impact found is ${pct(r.largest.impact)}, by ${r.largest.node.name} (${r.largest.node.id}): try --min-impact ${Math.floor(r.largest.impact * 1000) / 1000}.`
          : `No node${kinds} upstream costs it any supply when removed alone: every input has another source.`;
      }
      return formatTable(['node', 'kind', 'id', 'impact', 'group'], r.found.map((c) => [c.node.name, kindName(c.node.kind), c.node.id, percent(c.impact), c.group ? `group${c.memberCount ? ` of ${c.memberCount}` : ''}` : '']));
    },
  }),
  'organization-chokepoints': report({
    title: 'Organisations whose sites and suppliers, stopped together, cost an item its supply (organizationChokepoints)',
    graphql: 'organizationChokepoints',
    cli: 'companies',
    subject: ITEM,
    params: [
      { name: 'id', type: 'text', required: true },
      { name: 'minImpact', type: 'number', example: '1' },
    ],
    note: '(organisations that would stop it)',
    compute: (deps, params) => organizationChokepointsReport(deps, params.get('id')!, number(params, 'minImpact')),
    table: (r) => ({
      columns: ['organization_id', 'organization_name', 'organization_name_fa', 'type', 'impact', 'nodes', 'groups', 'node_ids'],
      rows: r.map((c) => [c.organization.id, c.organization.name, c.organization.nameFa, text(c.organization.type), c.impact, c.nodes.length, c.groups.length, c.nodes.map((n) => n.id).join(' ')]),
    }),
    text: (r) => formatTable(['organisation', 'id', 'impact', 'what it reaches upstream'], r.map((c) => [c.organization.name, c.organization.id, c.impact, c.nodes.map((n) => n.id).join(' ')])),
  }),
  holdings: report({
    title: 'What an organisation holds through ownership chains, and the sites and suppliers behind it (holdings)',
    graphql: 'holdings',
    subject: { param: 'id', among: 'nodes', required: true, usage: 'ORG_ID|NAME', what: 'an organisation' },
    params: [
      { name: 'id', type: 'text', required: true },
      { name: 'maxDepth', type: 'number', example: '6' },
    ],
    compute: (deps, params) => holdingsReport(deps, params.get('id')!, number(params, 'maxDepth')),
    table(r) {
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
    text: (r) =>
      [
        `${r.organization.name}${r.cyclic ? ' (cross-holdings found: chains stop where they would go round)' : ''}`,
        formatTable(['holding', 'id', 'effective share', 'hops', 'chains', 'exact', 'via'], r.holdings.map((x) => [x.node.name, x.node.id, x.effectiveShare, x.depth, x.paths, x.exact ? 'yes' : 'no', x.via.map((v) => v.id).join(' → ')])),
        r.sites.length ? `\n${formatTable(['site', 'id', 'operator', 'share in operator'], r.sites.map((x) => [x.node.name, x.node.id, x.operator.name, x.effectiveShare]))}` : '',
      ].join('\n'),
  }),
  'stale-figures': report({
    title: 'Figures dated before this year minus olderThan years, oldest first (staleFigures)',
    graphql: 'staleFigures',
    cli: 'stale',
    params: [
      { name: 'olderThan', type: 'number', example: '3' },
      { name: 'undated', type: 'flag' },
      { name: 'first', type: 'number', example: '100' },
    ],
    compute: (deps, params) => staleFiguresReport(deps, number(params, 'olderThan'), { undated: flag(params, 'undated'), first: number(params, 'first') ?? null }),
    table: (r) => ({
      columns: ['as_of', 'figures', 'node_id', 'node_name', 'edge_type', 'edge_from', 'edge_to'],
      rows: r.records.map((x) => [x.asOf, x.figures.join(' '), x.node?.id ?? null, x.node?.name ?? null, x.edge?.type ?? null, x.edge?.from ?? null, x.edge?.to ?? null]),
    }),
    text: (r) =>
      [
        `figures dated before ${r.cutoff}${r.truncated ? ' (more than shown: raise --first)' : ''}`,
        formatTable(['as of', 'record', 'figures'], r.records.map((x) => [x.asOf ?? 'undated', x.node ? x.node.id : `${x.edge!.from} -${x.edge!.type}-> ${x.edge!.to}`, x.figures.join(' ')])),
      ].join('\n'),
  }),
  balance: report({
    title: 'Home capacity against demand per item (chainBalance)',
    graphql: 'chainBalance',
    subject: { param: 'ids', among: 'items', many: true, required: false, usage: '[ID|NAME…]' },
    params: [
      { name: 'ids', type: 'list' },
      { name: 'stage', type: 'text', example: STAGE_EXAMPLE },
      { name: 'sector', type: 'text', example: SECTOR_EXAMPLE },
    ],
    compute: (deps, params) => chainBalanceReport(deps, list(params, 'ids') ?? null, params.get('stage')?.toUpperCase() ?? null, params.get('sector')),
    table: (r) => ({
      columns: ['item_id', 'item_name', 'item_name_fa', 'stage', 'unit', 'home_capacity', 'imports', 'demand', 'balance', 'missing'],
      rows: r.map((b) => [b.item.id, b.item.name, b.item.nameFa, text(b.item.stage), text(b.item.unit), b.homeCapacity, b.imports, b.demand, b.balance, b.missing.join('; ')]),
    }),
    text: (r) => formatTable(['item', 'home capacity', 'imports', 'demand', 'balance'], r.map((b) => [b.item.name, b.homeCapacity, b.imports, b.demand, b.balance])),
  }),
  'parallel-work': report({
    title: 'Items localized by several owners at once (parallelWork)',
    graphql: 'parallelWork',
    params: [],
    compute: (deps) => parallelWorkReport(deps),
    table: (r) => ({
      columns: ['item_id', 'item_name', 'item_name_fa', 'owner_count', 'project_id', 'project_name', 'owner', 'status', 'progress', 'budget'],
      rows: r.flatMap((p) => p.projects.map((x) => [p.item.id, p.item.name, p.item.nameFa, p.ownerCount, x.project.id, x.project.name, text(x.owner), text(x.status), num(x.progress), num(x.project.budget)])),
    }),
    text: (r) =>
      formatTable(['item', 'project', 'owner', 'status', 'progress'], r.flatMap((p) => p.projects.map((x, i) => [i === 0 ? p.item.name : '', x.project.name, text(x.owner), text(x.status), percent(num(x.progress))]))),
  }),
  'value-flows': report({
    title: 'Where the value of one unit of an item comes from, as Sankey links or nodes (valueFlows)',
    graphql: 'valueFlows',
    cli: 'flows',
    subject: ITEM,
    params: [
      { name: 'id', type: 'text', required: true },
      { name: 'minShare', type: 'number', example: '0.02' },
      { name: 'detail', type: 'text', example: 'items|sites' },
      { name: 'table', type: 'text', example: 'links|nodes' },
    ],
    compute(deps, params) {
      const detail = params.get('detail')?.toLowerCase();
      if (detail && detail !== 'items' && detail !== 'sites') throw new BadUserInputError(`detail must be items or sites; got ${JSON.stringify(detail)}.`, 'detail');
      return valueFlowsReport(deps, params.get('id')!, number(params, 'minShare'), (detail as 'items' | 'sites' | undefined) ?? null);
    },
    table(r, params) {
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
    text(r) {
      const byKey = new Map(r.nodes.map((n) => [n.key, n]));
      return [
        `${r.item.name} (${r.item.nameFa}): ${pct(r.importedShare)} of its value is imported`,
        formatTable(['from', 'to', 'value', 'imported'], r.links.map((l) => [byKey.get(l.source)?.name ?? l.source, byKey.get(l.target)?.name ?? l.target, l.value, percent(l.importShare)])),
      ].join('\n');
    },
  }),
  'import-bills': report({
    title: 'Items ranked by import bill: where the foreign currency goes (importBills)',
    graphql: 'importBills',
    cli: 'bills',
    params: [
      { name: 'stage', type: 'text', example: STAGE_EXAMPLE },
      { name: 'sector', type: 'text', example: SECTOR_EXAMPLE },
      { name: 'first', type: 'number', example: '50' },
    ],
    compute: (deps, params) => importBillsReport(deps, { stage: params.get('stage')?.toUpperCase() ?? null, sector: params.get('sector'), first: number(params, 'first') ?? null }),
    table: (r) => ({
      columns: ['item_id', 'name', 'name_fa', 'import_volume', 'volume_from_demand', 'volume_known', 'unit_value_usd', 'import_bill_usd', 'countries', 'country_bills_usd', 'assumptions'],
      rows: r.map((b) => [b.item.id, b.item.name, b.item.nameFa, b.importVolume, b.volumeFromDemand, b.volumeKnown, b.unitValueUsd, b.importBillUsd, b.countries.map((c) => c.country).join(' '), b.countries.map((c) => `${c.country} ${c.billUsd ?? ''}`.trim()).join(' '), caveats(b.assumptions)]),
    }),
    text: (r) =>
      formatTable(
        ['item', 'id', 'import volume', 'unit value $', 'import bill $/y', 'from'],
        r.map((b) => [b.item.name, b.item.id, b.volumeKnown ? Math.round(b.importVolume) : 'unknown', b.unitValueUsd, b.importBillUsd === null || !b.volumeKnown ? null : Math.round(b.importBillUsd), b.countries.map((c) => c.country).join(' ')]),
      ),
  }),
  'localization-impact': report({
    title: 'What one localization project saves in foreign currency a year, per item (localizationImpact)',
    graphql: 'localizationImpact',
    cli: 'impact',
    subject: { param: 'id', among: 'nodes', required: true, usage: 'PROJECT_ID|NAME', what: 'a project' },
    params: [{ name: 'id', type: 'text', required: true }],
    compute: (deps, params) => localizationImpactReport(deps, params.get('id')!),
    table: (r) => ({
      columns: ['project_id', 'project_name_fa', 'item_id', 'item_name', 'item_name_fa', 'import_volume', 'displaced_volume', 'home_import_content', 'gross_saving_usd', 'induced_imports_usd', 'net_saving_usd', 'project_remaining_cost_usd', 'project_payback_years', 'complete', 'assumptions'],
      rows: r.items.map((i) => [r.project.id, r.project.nameFa, i.item.id, i.item.name, i.item.nameFa, i.importVolume, i.displacedVolume, i.homeImportContent, i.grossSavingUsd, i.inducedImportsUsd, i.netSavingUsd, r.remainingCostUsd, r.paybackYears, r.complete, caveats(r.assumptions.filter((a) => a.nodeId === i.item.id || a.nodeId === r.project.id))]),
    }),
    text: (r) =>
      [
        `${r.project.name} (${r.project.nameFa})`,
        `net saving ${usd(r.netSavingUsd)}/y (gross ${usd(r.grossSavingUsd)}, induced imports ${usd(r.inducedImportsUsd)}); remaining cost ${r.remainingCostUsd === null ? 'unknown' : usd(r.remainingCostUsd)}; payback ${r.paybackYears === null ? 'n/a' : `${r.paybackYears.toFixed(1)} years`}`,
        '',
        formatTable(['item', 'import volume', 'displaced', 'h', 'net saving $/y'], r.items.map((i) => [i.item.name, Math.round(i.importVolume), Math.round(i.displacedVolume), i.homeImportContent, i.netSavingUsd === null ? null : Math.round(i.netSavingUsd)])),
        assumptionLines(r.assumptions),
      ].join('\n'),
  }),
  'localization-plan': report({
    title: 'Which projects a budget should finish first, in order, and those left out with why (localizationPlan)',
    graphql: 'localizationPlan',
    cli: 'plan',
    params: [
      { name: 'budget', type: 'number', example: '5e8', unit: 'USD', required: true },
      ...CANDIDATE_FILTERS,
      { name: 'content', type: 'list', example: 'ID,ID' },
    ],
    async compute(deps, params) {
      const plan = await localizationPlanReport(deps, { budgetUsd: number(params, 'budget')!, ...candidateFilters(params) });
      const importContentAfter = await importContentAfterReport(deps, plan.effects, list(params, 'content') ?? []);
      return { ...plan, importContentAfter };
    },
    table(plan, params) {
      if (params.has('content')) {
        return {
          columns: ['item_id', 'name', 'import_content_before', 'import_content_after', 'domestic_content_before', 'domestic_content_after'],
          rows: plan.importContentAfter.map((c) => [c.item.id, c.item.name, c.before, c.after, c.domesticContentBefore, c.domesticContentAfter]),
        };
      }
      return {
        // net_saving_usd is always marginal (given the plan's picks: 0 for a REDUNDANT project);
        // standalone_net_saving_usd is what the project would save alone.
        columns: ['order', 'project_id', 'name', 'name_fa', 'picked', 'reason', 'net_saving_usd', 'standalone_net_saving_usd', 'remaining_cost_usd', 'saving_per_usd', 'cumulative_cost_usd', 'cumulative_saving_usd', 'expected_completion', 'assumptions'],
        rows: [
          ...plan.steps.map((x, i) => [i + 1, x.project.id, x.project.name, x.project.nameFa, true, null, x.netSavingUsd, x.standaloneNetSavingUsd, x.remainingCostUsd, x.savingPerUsd, x.cumulativeCostUsd, x.cumulativeSavingUsd, text(x.project.expectedCompletion), caveats(x.assumptions)] as Cell[]),
          ...plan.skipped.map((x) => [null, x.project.id, x.project.name, x.project.nameFa, false, x.reason, x.marginalNetSavingUsd, x.standaloneNetSavingUsd, x.remainingCostUsd, null, null, null, text(x.project.expectedCompletion), caveats(x.assumptions)] as Cell[]),
        ],
      };
    },
    text(plan) {
      const after = plan.importContentAfter;
      return [
        `Plan for ${usd(plan.budgetUsd)}: ${plan.steps.length} of ${plan.candidates} candidate projects, ${usd(plan.spentUsd)} spent, saving ${usd(plan.totalSavingUsd)} a year`,
        '',
        formatTable(
          ['#', 'project', 'net saving $/y', 'remaining cost $', '$/y per $', 'cumulative cost $', 'cumulative saving $/y'],
          plan.steps.map((x, i) => [i + 1, x.project.name, Math.round(x.netSavingUsd), Math.round(x.remainingCostUsd), x.savingPerUsd, Math.round(x.cumulativeCostUsd), Math.round(x.cumulativeSavingUsd)]),
        ),
        plan.skipped.length ? `\n${formatTable(['not picked', 'why', 'alone $/y', 'remaining cost $'], plan.skipped.map((x) => [x.project.name, x.reason, x.standaloneNetSavingUsd === null ? null : Math.round(x.standaloneNetSavingUsd), x.remainingCostUsd === null ? null : Math.round(x.remainingCostUsd)]))}` : '',
        after.length ? `\n${formatTable(['item', 'import content before', 'after', 'domestic content before', 'after'], after.map((c) => [c.item.name, pct(c.before), pct(c.after), pct(c.domesticContentBefore), pct(c.domesticContentAfter)]))}` : '',
        assumptionLines(plan.assumptions),
      ].join('\n');
    },
  }),
  'optimal-plan': report({
    title: 'The best set of projects for a budget (an exact MILP), beside the greedy plan, and why they differ (optimalPlan)',
    graphql: 'optimalPlan',
    params: [
      { name: 'budget', type: 'number', example: '3e8', unit: 'USD', required: true },
      MIN_JOBS,
      ...CANDIDATE_FILTERS,
    ],
    compute: (deps, params) =>
      optimalPlanReport(deps, {
        budgetUsd: number(params, 'budget')!,
        minJobs: number(params, 'minJobs') ?? null,
        ...candidateFilters(params),
      }),
    table(plan) {
      const why = new Map(plan.differences.map((d) => [d.project.id, d.explanation]));
      return {
        columns: ['status', 'project_id', 'name', 'name_fa', 'picked', 'reason', 'net_saving_usd', 'remaining_cost_usd', 'displaced_volume', 'jobs', 'differs_from_greedy', 'assumptions'],
        rows: [
          ...plan.projects.map((x) => [plan.status, x.project.id, x.project.name, x.project.nameFa, true, null, x.netSavingUsd, x.remainingCostUsd, x.displacedVolume, x.jobs, why.get(x.project.id) ?? null, caveats(plan.assumptions.filter((a) => a.nodeId === x.project.id || x.items.some((i) => i.item.id === a.nodeId)))] as Cell[]),
          ...plan.skipped.map((x) => [plan.status, x.project.id, x.project.name, x.project.nameFa, false, x.reason, null, null, null, num(x.project.jobs), why.get(x.project.id) ?? null, caveats(plan.assumptions.filter((a) => a.nodeId === x.project.id))] as Cell[]),
        ],
      };
    },
    text: (plan) =>
      [
        `Best plan for ${usd(plan.budgetUsd)}: ${plan.status}${plan.status === 'TIME_LIMIT' ? ` (gap ${plan.mipGap === null ? 'unknown' : pct(plan.mipGap)})` : ''}, ${plan.projects.length} projects, ${usd(plan.spentUsd)} spent, saving ${usd(plan.netSavingUsd)} a year, ${plan.jobs} jobs`,
        `The greedy plan saves ${usd(plan.greedyNetSavingUsd)} a year: the best plan gains ${usd(plan.gainOverGreedyUsd)}`,
        '',
        plan.projects.length ? formatTable(['project', 'id', 'net saving $/y', 'remaining cost $', 'jobs'], plan.projects.map((x) => [x.project.name, x.project.id, Math.round(x.netSavingUsd), Math.round(x.remainingCostUsd), x.jobs])) : '(no plan)',
        plan.differences.length ? `\nwhere it differs from the greedy plan:\n${plan.differences.map((d) => `  ${d.project.name} (${d.project.id}): ${d.explanation}`).join('\n')}` : '',
        plan.skipped.length ? `\n${formatTable(['not picked', 'id', 'why'], plan.skipped.map((x) => [x.project.name, x.project.id, x.reason]))}` : '',
        assumptionLines(plan.assumptions),
      ].join('\n'),
  }),
  schedule: report({
    title: 'Which projects to fund in which year from yearly budgets (localizationSchedule); table=years for the years',
    graphql: 'localizationSchedule',
    params: [
      { name: 'budgets', type: 'list', example: '1e8,1e8,1e8', unit: 'USD,USD,…', required: true },
      { name: 'startYear', type: 'number', option: 'start', example: '2027', unit: 'YEAR', required: true },
      { name: 'horizonYears', type: 'number', option: 'horizon', example: '10' },
      { name: 'discountRate', type: 'number', example: '0.05' },
      MIN_JOBS,
      ...CANDIDATE_FILTERS,
      { name: 'table', type: 'text', example: 'projects|years', option: 'years', flagSets: 'years' },
    ],
    compute(deps, params) {
      const budgetsUsd = list(params, 'budgets')!.map((b) => {
        const n = Number(b);
        if (!Number.isFinite(n)) throw new BadUserInputError(`budgets must be numbers of US dollars separated by commas; got ${JSON.stringify(b)}.`, 'budgets');
        return n;
      });
      const table = params.get('table') ?? 'projects';
      if (table !== 'projects' && table !== 'years') throw new BadUserInputError(`table must be projects or years; got ${JSON.stringify(table)}.`, 'table');
      return localizationScheduleReport(deps, {
        budgetsUsd,
        startYear: number(params, 'startYear')!,
        horizonYears: number(params, 'horizonYears') ?? null,
        discountRate: number(params, 'discountRate') ?? null,
        minJobs: number(params, 'minJobs') ?? null,
        ...candidateFilters(params),
      });
    },
    table(s, params) {
      if (params.get('table') === 'years') {
        return {
          columns: ['status', 'year', 'available_usd', 'spent_usd', 'saving_usd', 'jobs'],
          rows: s.years.map((y) => [s.status, y.year, y.availableUsd, y.spentUsd, y.savingUsd, y.jobs]),
        };
      }
      return {
        columns: ['status', 'year', 'project_id', 'name', 'name_fa', 'reason', 'net_saving_usd', 'remaining_cost_usd'],
        rows: [
          ...s.projects.map((x) => [s.status, x.year, x.project.id, x.project.name, x.project.nameFa, null, x.netSavingUsd, x.remainingCostUsd] as Cell[]),
          ...s.skipped.map((x) => [s.status, null, x.project.id, x.project.name, x.project.nameFa, x.reason, null, null] as Cell[]),
        ],
      };
    },
    text(s, params) {
      const start = params.get('startYear');
      return [
        `Schedule from ${start} over ${s.years.length} years: ${s.status}${s.status === 'TIME_LIMIT' ? ` (gap ${s.mipGap === null ? 'unknown' : pct(s.mipGap)})` : ''}, ${s.projects.length} projects, saving ${usd(s.objectiveUsd)} over the horizon (discounted to ${start})`,
        '',
        formatTable(['year', 'available $', 'spent $', 'saving $/y', 'jobs'], s.years.map((y) => [String(y.year), Math.round(y.availableUsd), Math.round(y.spentUsd), Math.round(y.savingUsd), y.jobs])),
        s.projects.length ? `\n${formatTable(['year', 'project', 'id', 'net saving $/y', 'remaining cost $'], s.projects.map((x) => [String(x.year), x.project.name, x.project.id, Math.round(x.netSavingUsd), Math.round(x.remainingCostUsd)]))}` : '',
        assumptionLines(s.assumptions),
      ].join('\n');
    },
  }),
};

/** A report by its name or its CLI name (`links` is import-reliant-links, `companies` organization-chokepoints). */
export function reportNamed(name: string): ReportDef<unknown> | undefined {
  if (Object.hasOwn(REPORTS, name)) return REPORTS[name];
  return Object.values(REPORTS).find((def) => def.cli === name);
}

/** The name a report goes by on the CLI. */
export const cliName = (name: string): string => REPORTS[name]?.cli ?? name;

/** Checks a report's parameters: unknown ones and missing required ones are refused. */
function checkParams(name: string, def: ReportDef<unknown>, params: ReportParams): void {
  const known = def.params.map((p) => p.name);
  const unknown = [...params.keys()].filter((p) => !known.includes(p));
  if (unknown.length > 0) {
    throw new BadUserInputError(`${name} takes ${known.length ? known.join(', ') : 'no parameters'}; unknown: ${unknown.join(', ')}.`, unknown[0]);
  }
  for (const p of def.params) {
    if (p.required && !params.get(p.name)?.trim()) throw new BadUserInputError(`${name} needs ${p.name}.`, p.name);
  }
}

function requireReport(name: string): ReportDef<unknown> {
  const def = reportNamed(name);
  if (!def) throw new BadUserInputError(`No report ${JSON.stringify(name)}; the reports are ${Object.keys(REPORTS).join(', ')}.`, 'report');
  return def;
}

/** A report's answer, its parameters checked first. */
export async function computeReport(deps: ServiceDeps, name: string, params: ReportParams): Promise<{ def: ReportDef<unknown>; answer: unknown }> {
  const def = requireReport(name);
  checkParams(name, def, params);
  return { def, answer: await def.compute(deps, params) };
}

/** A report as its flat table (what GET /report/<name>.csv and `zanjir report … --csv` serve). */
export async function runReport(deps: ServiceDeps, name: string, params: ReportParams): Promise<Table> {
  const { def, answer } = await computeReport(deps, name, params);
  return def.table(answer, params);
}

/** The CLI option a parameter goes by: sanctionRegimes → regimes (declared), minImpact → min-impact. */
export const optionOf = (p: ParamSpec): string => p.option ?? p.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** One usage line per report, made from the registry: `zanjir report chokepoints ID|NAME [--min-impact 1] …`. */
export function reportUsageLines(): string[] {
  return Object.entries(REPORTS).map(([name, def]) => {
    const words = [`zanjir report ${cliName(name)}`];
    if (def.subject) words.push(def.subject.usage);
    for (const p of def.params) {
      if (def.subject && p.name === def.subject.param) continue;
      const option = `--${optionOf(p)}`;
      const spelled = p.type === 'flag' || p.flagSets ? option : `${option} ${p.example ?? p.name.toUpperCase()}`;
      words.push(p.required ? spelled : `[${spelled}]`);
    }
    if (def.note) words.push(`  ${def.note}`);
    return words.join(' ');
  });
}
