// An in-memory analytic snapshot of the chain, the way Neo4j GDS projects a graph for its
// algorithms: every chain node and chain edge of one graph version in compact typed arrays, with
// in- and out-adjacency (CSR) for walks. Neo4j stays the source of truth; a snapshot is built
// from it (src/db/snapshot-cache.ts), labelled with the version it was read at, and thrown away
// when the graph changes. Pure: no I/O, built record by record so loading can stream.

import { CHAIN_EDGE_TYPES, NODE_KINDS, STAGES, type ChainEdgeType, type NodeKind } from '../model/kinds.js';
import type { ChainGraph } from '../model/graph.js';
import type { EdgeRecord, NodeRecord } from '../model/records.js';
import { collectFigureDates, hasFigures, type FigureDates } from './dates.js';

/** What the snapshot keeps of a node: what walks order by and what the metrics read. */
export interface SnapshotNodeInput {
  id: string;
  kind: NodeKind;
  name: string;
  country?: string | null;
  stage?: string | null;
  unitValueUsd?: number | null;
  finalDemand?: number | null;
  /** The date of its figures (docs/domain.md, Dates). */
  asOf?: string | null;
  /** It stands for many firms or sites. */
  group?: boolean | null;
  /** It holds a figure its kind dates; worked out from the input's own properties when not given. */
  figured?: boolean;
}

/** A chain edge with every property it may hold. */
export interface SnapshotEdgeInput {
  type: ChainEdgeType;
  from: string;
  to: string;
  share?: number | null;
  capacityTpy?: number | null;
  volumePerYear?: number | null;
  originCountry?: string | null;
  quantityPerUnit?: number | null;
  quantity?: number | null;
  valueShare?: number | null;
  output?: string | null;
  estimate?: boolean | null;
  note?: string | null;
  sources?: readonly string[] | null;
  asOf?: string | null;
}

const KIND_CODE = new Map<string, number>(NODE_KINDS.map((k, i) => [k, i]));
const STAGE_CODE = new Map<string, number>(STAGES.map((s, i) => [s, i]));
const TYPE_CODE = new Map<string, number>(CHAIN_EDGE_TYPES.map((t, i) => [t, i]));
export const KIND = Object.fromEntries(NODE_KINDS.map((k, i) => [k, i])) as Record<NodeKind, number>;
export const TYPE = Object.fromEntries(CHAIN_EDGE_TYPES.map((t, i) => [t, i])) as Record<ChainEdgeType, number>;
export const FINISHED_STAGE = STAGE_CODE.get('FINISHED')!;

/** Rarely set edge properties, kept aside by edge index instead of an array slot for every edge. */
interface EdgeExtras {
  estimate?: boolean;
  note?: string;
  sources?: string[];
}

class Growable {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  take(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

class GrowableInt {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  take(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Node flags. */
const FIGURED = 1;
const GROUP = 2;

const num = (v: number | null | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);

/** Collects nodes, then edges, one at a time; build() freezes them into a GraphSnapshot. */
export class SnapshotBuilder {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly kinds = new GrowableInt();
  private readonly countries = new GrowableInt();
  private readonly stages = new GrowableInt();
  private readonly unitValues = new Growable();
  private readonly finalDemands = new Growable();
  private readonly nodeAsOf = new GrowableInt();
  private readonly nodeFlags = new GrowableInt();
  private readonly asOfTable: string[] = [];
  private readonly asOfCode = new Map<string, number>();
  private readonly eAsOf = new GrowableInt();
  private readonly eFigured = new GrowableInt();
  private readonly countryTable: string[] = [];
  private readonly countryCode = new Map<string, number>();
  private readonly eType = new GrowableInt();
  private readonly eFrom = new GrowableInt();
  private readonly eTo = new GrowableInt();
  private readonly eShare = new Growable();
  private readonly eAmount = new Growable();
  private readonly eQuantity = new Growable();
  private readonly eValueShare = new Growable();
  private readonly eOrigin = new GrowableInt();
  private readonly eOutput = new GrowableInt();
  private readonly extras = new Map<number, EdgeExtras>();
  /** Ids named as a FEEDS output that are not chain nodes (cannot happen after the importer's checks). */
  private readonly outputIds = new Map<number, string>();

  constructor(
    readonly version: number,
    readonly homeCountry: string,
  ) {}

  country(code: string | null | undefined): number {
    if (typeof code !== 'string') return -1;
    let c = this.countryCode.get(code);
    if (c === undefined) {
      c = this.countryTable.length;
      this.countryTable.push(code);
      this.countryCode.set(code, c);
    }
    return c;
  }

  private asOf(value: string | null | undefined): number {
    if (typeof value !== 'string') return -1;
    let c = this.asOfCode.get(value);
    if (c === undefined) {
      c = this.asOfTable.length;
      this.asOfTable.push(value);
      this.asOfCode.set(value, c);
    }
    return c;
  }

  addNode(n: SnapshotNodeInput): void {
    if (this.index.has(n.id)) return;
    this.index.set(n.id, this.ids.length);
    this.ids.push(n.id);
    this.names.push(n.name);
    this.kinds.push(KIND_CODE.get(n.kind) ?? -1);
    this.countries.push(this.country(n.country));
    this.stages.push(typeof n.stage === 'string' ? STAGE_CODE.get(n.stage) ?? -1 : -1);
    this.unitValues.push(num(n.unitValueUsd));
    this.finalDemands.push(num(n.finalDemand));
    this.nodeAsOf.push(this.asOf(n.asOf));
    const figured = n.figured ?? hasFigures(n as unknown as NodeRecord);
    this.nodeFlags.push((figured ? FIGURED : 0) | (n.group === true ? GROUP : 0));
  }

  /** Adds an edge between two nodes already added; an edge naming an unknown node is skipped. */
  addEdge(e: SnapshotEdgeInput): void {
    const from = this.index.get(e.from);
    const to = this.index.get(e.to);
    const type = TYPE_CODE.get(e.type);
    if (from === undefined || to === undefined || type === undefined) return;
    const at = this.eType.length;
    this.eType.push(type);
    this.eFrom.push(from);
    this.eTo.push(to);
    this.eShare.push(num(e.share));
    this.eAmount.push(num(e.type === 'SUPPLIES' ? e.volumePerYear : e.capacityTpy));
    this.eQuantity.push(num(e.type === 'FEEDS' ? e.quantityPerUnit : e.quantity));
    this.eValueShare.push(num(e.valueShare));
    this.eOrigin.push(this.country(e.originCountry));
    this.eAsOf.push(this.asOf(e.asOf));
    this.eFigured.push(hasFigures(e as unknown as EdgeRecord) ? 1 : 0);
    if (typeof e.output === 'string') {
      const o = this.index.get(e.output);
      if (o === undefined) this.outputIds.set(at, e.output);
      this.eOutput.push(o ?? -2);
    } else this.eOutput.push(-1);
    if (typeof e.estimate === 'boolean' || typeof e.note === 'string' || Array.isArray(e.sources)) {
      const x: EdgeExtras = {};
      if (typeof e.estimate === 'boolean') x.estimate = e.estimate;
      if (typeof e.note === 'string') x.note = e.note;
      if (Array.isArray(e.sources)) x.sources = [...e.sources];
      this.extras.set(at, x);
    }
  }

  build(): GraphSnapshot {
    const n = this.ids.length;
    const eFrom = this.eFrom.take();
    const eTo = this.eTo.take();
    return new GraphSnapshot({
      version: this.version,
      homeCountry: this.homeCountry,
      homeCode: this.country(this.homeCountry),
      ids: this.ids,
      index: this.index,
      names: this.names,
      kind: Int8Array.from(this.kinds.take()),
      country: this.countries.take(),
      stage: Int8Array.from(this.stages.take()),
      unitValue: this.unitValues.take(),
      finalDemand: this.finalDemands.take(),
      nodeAsOf: this.nodeAsOf.take(),
      nodeFlags: Uint8Array.from(this.nodeFlags.take()),
      asOfTable: this.asOfTable,
      eAsOf: this.eAsOf.take(),
      eFigured: Uint8Array.from(this.eFigured.take()),
      countries: this.countryTable,
      eType: Int8Array.from(this.eType.take()),
      eFrom,
      eTo,
      eShare: this.eShare.take(),
      eAmount: this.eAmount.take(),
      eQuantity: this.eQuantity.take(),
      eValueShare: this.eValueShare.take(),
      eOrigin: this.eOrigin.take(),
      eOutput: this.eOutput.take(),
      extras: this.extras,
      outputIds: this.outputIds,
      inAdj: csr(n, eTo),
      outAdj: csr(n, eFrom),
    });
  }
}

/** Compressed sparse rows: the edges of node v are edge[start[v] .. start[v+1]), in load order. */
export interface Csr {
  start: Int32Array;
  edge: Int32Array;
}

function csr(n: number, key: Int32Array): Csr {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < key.length; e += 1) start[key[e]! + 1]! += 1;
  for (let v = 0; v < n; v += 1) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const edge = new Int32Array(key.length);
  for (let e = 0; e < key.length; e += 1) edge[fill[key[e]!]!++] = e;
  return { start, edge };
}

interface SnapshotParts {
  version: number;
  homeCountry: string;
  homeCode: number;
  ids: string[];
  index: Map<string, number>;
  names: string[];
  kind: Int8Array;
  country: Int32Array;
  stage: Int8Array;
  unitValue: Float64Array;
  finalDemand: Float64Array;
  nodeAsOf: Int32Array;
  nodeFlags: Uint8Array;
  asOfTable: string[];
  eAsOf: Int32Array;
  eFigured: Uint8Array;
  countries: string[];
  eType: Int8Array;
  eFrom: Int32Array;
  eTo: Int32Array;
  eShare: Float64Array;
  eAmount: Float64Array;
  eQuantity: Float64Array;
  eValueShare: Float64Array;
  eOrigin: Int32Array;
  eOutput: Int32Array;
  extras: Map<number, EdgeExtras>;
  outputIds: Map<number, string>;
  inAdj: Csr;
  outAdj: Csr;
}

export class GraphSnapshot {
  readonly version: number;
  readonly homeCountry: string;
  readonly homeCode: number;
  readonly ids: string[];
  readonly index: Map<string, number>;
  readonly names: string[];
  readonly kind: Int8Array;
  readonly country: Int32Array;
  readonly stage: Int8Array;
  readonly unitValue: Float64Array;
  readonly finalDemand: Float64Array;
  /** Dates: an index into asOfTable, -1 for none. */
  readonly nodeAsOf: Int32Array;
  readonly nodeFlags: Uint8Array;
  readonly asOfTable: string[];
  readonly eAsOf: Int32Array;
  readonly eFigured: Uint8Array;
  readonly countries: string[];
  readonly eType: Int8Array;
  readonly eFrom: Int32Array;
  readonly eTo: Int32Array;
  readonly eShare: Float64Array;
  readonly eAmount: Float64Array;
  readonly eQuantity: Float64Array;
  readonly eValueShare: Float64Array;
  readonly eOrigin: Int32Array;
  readonly eOutput: Int32Array;
  readonly inAdj: Csr;
  readonly outAdj: Csr;
  private readonly extras: Map<number, EdgeExtras>;
  private readonly outputIds: Map<number, string>;
  /** Things derived from the snapshot on first use (supply plans, id order), dropped with it. */
  readonly derived = new Map<string, unknown>();

  constructor(p: SnapshotParts) {
    this.version = p.version;
    this.homeCountry = p.homeCountry;
    this.homeCode = p.homeCode;
    this.ids = p.ids;
    this.index = p.index;
    this.names = p.names;
    this.kind = p.kind;
    this.country = p.country;
    this.stage = p.stage;
    this.unitValue = p.unitValue;
    this.finalDemand = p.finalDemand;
    this.nodeAsOf = p.nodeAsOf;
    this.nodeFlags = p.nodeFlags;
    this.asOfTable = p.asOfTable;
    this.eAsOf = p.eAsOf;
    this.eFigured = p.eFigured;
    this.countries = p.countries;
    this.eType = p.eType;
    this.eFrom = p.eFrom;
    this.eTo = p.eTo;
    this.eShare = p.eShare;
    this.eAmount = p.eAmount;
    this.eQuantity = p.eQuantity;
    this.eValueShare = p.eValueShare;
    this.eOrigin = p.eOrigin;
    this.eOutput = p.eOutput;
    this.extras = p.extras;
    this.outputIds = p.outputIds;
    this.inAdj = p.inAdj;
    this.outAdj = p.outAdj;
  }

  get nodeCount(): number {
    return this.ids.length;
  }

  get edgeCount(): number {
    return this.eType.length;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  kindOf(v: number): NodeKind {
    return NODE_KINDS[this.kind[v]!]!;
  }

  isItem(v: number): boolean {
    const k = this.kind[v];
    return k === KIND.Product || k === KIND.Part;
  }

  /** Whether node v stands for many firms or sites (`group: true`). */
  isGroup(v: number): boolean {
    return (this.nodeFlags[v]! & GROUP) !== 0;
  }

  /**
   * How old the figures are (src/analytics/dates.ts) of the nodes `ids` names and the chain edges
   * between them, or, without `ids`, of the supply chain: every node but projects (their progress
   * and budgets are not supply) and every chain edge. The whole chain's answer is kept with the
   * snapshot; a subgraph's costs what the subgraph holds, not the graph.
   */
  figureDates(ids?: Iterable<string>): FigureDates {
    const date = (code: number) => (code >= 0 ? this.asOfTable[code]! : null);
    const collect = collectFigureDates();
    if (!ids) {
      const kept = this.derived.get('figureDates') as FigureDates | undefined;
      if (kept) return kept;
      for (let v = 0; v < this.nodeCount; v += 1) if (this.kind[v] !== KIND.Project && this.nodeFlags[v]! & FIGURED) collect.see(date(this.nodeAsOf[v]!));
      for (let e = 0; e < this.edgeCount; e += 1) if (this.eFigured[e]) collect.see(date(this.eAsOf[e]!));
      const whole = collect.result();
      this.derived.set('figureDates', whole);
      return whole;
    }
    const members: number[] = [];
    const inside = new Set<number>();
    for (const id of ids) {
      const v = this.index.get(id);
      if (v !== undefined && !inside.has(v)) {
        inside.add(v);
        members.push(v);
      }
    }
    const { start, edge } = this.inAdj;
    for (const v of members) {
      if (this.nodeFlags[v]! & FIGURED) collect.see(date(this.nodeAsOf[v]!));
      // Each edge is counted once, at its head, when its tail is inside too.
      for (let k = start[v]!; k < start[v + 1]!; k += 1) {
        const e = edge[k]!;
        if (this.eFigured[e] && inside.has(this.eFrom[e]!)) collect.see(date(this.eAsOf[e]!));
      }
    }
    return collect.result();
  }

  /** The node as the metrics see it: the properties they read, nothing more. */
  nodeRecord(v: number): NodeRecord {
    const r: NodeRecord = { id: this.ids[v]!, kind: this.kindOf(v), name: this.names[v]!, nameFa: '' };
    if (this.country[v]! >= 0) r.country = this.countries[this.country[v]!]!;
    if (this.stage[v]! >= 0) r.stage = STAGES[this.stage[v]!]!;
    if (!Number.isNaN(this.unitValue[v]!)) r.unitValueUsd = this.unitValue[v]!;
    if (!Number.isNaN(this.finalDemand[v]!)) r.finalDemand = this.finalDemand[v]!;
    if (this.nodeAsOf[v]! >= 0) r.asOf = this.asOfTable[this.nodeAsOf[v]!]!;
    if (this.isGroup(v)) r.group = true;
    return r;
  }

  /** The edge with every property it holds, as the database gives it. */
  edgeRecord(e: number): EdgeRecord {
    const type = CHAIN_EDGE_TYPES[this.eType[e]!]!;
    const r: EdgeRecord = { type, from: this.ids[this.eFrom[e]!]!, to: this.ids[this.eTo[e]!]! };
    if (!Number.isNaN(this.eShare[e]!)) r.share = this.eShare[e]!;
    if (!Number.isNaN(this.eAmount[e]!)) r[type === 'SUPPLIES' ? 'volumePerYear' : 'capacityTpy'] = this.eAmount[e]!;
    if (!Number.isNaN(this.eQuantity[e]!)) r[type === 'FEEDS' ? 'quantityPerUnit' : 'quantity'] = this.eQuantity[e]!;
    if (!Number.isNaN(this.eValueShare[e]!)) r.valueShare = this.eValueShare[e]!;
    if (this.eOrigin[e]! >= 0) r.originCountry = this.countries[this.eOrigin[e]!]!;
    if (this.eAsOf[e]! >= 0) r.asOf = this.asOfTable[this.eAsOf[e]!]!;
    const output = this.eOutput[e]!;
    if (output >= 0) r.output = this.ids[output]!;
    else if (output === -2) r.output = this.outputIds.get(e)!;
    const x = this.extras.get(e);
    if (x) Object.assign(r, x.sources ? { ...x, sources: [...x.sources] } : x);
    return r;
  }

  /** Every node with a chain path to `rootId` (itself included) and every chain edge into them: what fetchUpstream returns. */
  upstreamGraph(rootId: string): ChainGraph | null {
    const root = this.index.get(rootId);
    if (root === undefined) return null;
    const seen = new Uint8Array(this.nodeCount);
    const order: number[] = [root];
    seen[root] = 1;
    const { start, edge } = this.inAdj;
    for (let i = 0; i < order.length; i += 1) {
      const v = order[i]!;
      for (let k = start[v]!; k < start[v + 1]!; k += 1) {
        const u = this.eFrom[edge[k]!]!;
        if (!seen[u]) {
          seen[u] = 1;
          order.push(u);
        }
      }
    }
    const nodes = new Map<string, NodeRecord>();
    const edges: EdgeRecord[] = [];
    for (const v of order) {
      nodes.set(this.ids[v]!, this.nodeRecord(v));
      for (let k = start[v]!; k < start[v + 1]!; k += 1) edges.push(this.edgeRecord(edge[k]!));
    }
    return { homeCountry: this.homeCountry, nodes, edges };
  }

  /** The whole chain as a ChainGraph (what fetchAll returns): for tests and small graphs. */
  wholeGraph(): ChainGraph {
    const nodes = new Map<string, NodeRecord>();
    for (let v = 0; v < this.nodeCount; v += 1) nodes.set(this.ids[v]!, this.nodeRecord(v));
    const edges: EdgeRecord[] = [];
    for (let e = 0; e < this.edgeCount; e += 1) edges.push(this.edgeRecord(e));
    return { homeCountry: this.homeCountry, nodes, edges };
  }

  /** Rough bytes held by the typed arrays and strings, for the README's memory figure. */
  approximateBytes(): number {
    const arrays = [this.kind, this.country, this.stage, this.unitValue, this.finalDemand, this.nodeAsOf, this.nodeFlags, this.eAsOf, this.eFigured, this.eType, this.eFrom, this.eTo, this.eShare, this.eAmount, this.eQuantity, this.eValueShare, this.eOrigin, this.eOutput, this.inAdj.start, this.inAdj.edge, this.outAdj.start, this.outAdj.edge];
    let bytes = arrays.reduce((sum, a) => sum + a.byteLength, 0);
    for (let v = 0; v < this.nodeCount; v += 1) bytes += 2 * (this.ids[v]!.length + this.names[v]!.length) + 32;
    return bytes + this.index.size * 40;
  }
}
