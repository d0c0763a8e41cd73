// The in-memory chain, the way Neo4j GDS projects a graph for its algorithms: every chain node
// and chain edge (and the few others the metrics read: LOCALIZES, OWNS, OPERATES, IS) in compact
// typed columns, with in- and out-adjacency, labelled with the graph version it holds. Neo4j stays
// the source of truth; the snapshot is built from it once (src/db/snapshot-cache.ts) and then kept
// current by the changes themselves: a write's delta (the nodes it touched, the node pairs whose
// edges it touched) is applied in place, so the next answer after an edit costs what a warm
// answer costs. Pure: no I/O.
//
// Layout. Node i and edge e are slots in columns that live in shared memory (worker threads read
// them too). A deleted node or edge becomes a tombstone (kind or type -1) until a compaction.
// Each node's incident edges are a run of a pool, start[v] .. start[v] + len[v]; a node whose
// edges change gets a fresh run at the pool's end (the old run becomes garbage), so a delta costs
// the degree of the nodes it touches, never the graph.

import { CATEGORY_CODES } from '../model/categories.js';
import { CHAIN_EDGE_TYPES, NODE_KINDS, STAGES, type NodeKind } from '../model/kinds.js';
import type { ChainGraph, OwnershipGraph } from '../model/graph.js';
import type { EdgeRecord, NodeRecord } from '../model/records.js';
import { collectFigureDates, hasFigures, type FigureDates } from './dates.js';
import { ENGINE_EDGE_TYPES, type GraphDelta, type ProjectFields, type SnapshotEdgeInput, type SnapshotNodeInput } from '../model/snapshot-rows.js';

export type { GraphDelta, ProjectFields, SnapshotEdgeInput, SnapshotNodeInput };
import { capacityFor, grown, sharedArray, type ColumnArray } from './shared-columns.js';

/** The edge types the snapshot holds: the chain's first (codes 0..4), then those metrics read beside it. */
export const SNAPSHOT_EDGE_TYPES = ENGINE_EDGE_TYPES;
export type SnapshotEdgeType = (typeof SNAPSHOT_EDGE_TYPES)[number];

export const KIND = Object.fromEntries(NODE_KINDS.map((k, i) => [k, i])) as Record<NodeKind, number>;
export const TYPE = Object.fromEntries(SNAPSHOT_EDGE_TYPES.map((t, i) => [t, i])) as Record<SnapshotEdgeType, number>;
/** Edge types 0..LAST_CHAIN_TYPE carry material: walks and the supply model follow only those. */
export const LAST_CHAIN_TYPE = CHAIN_EDGE_TYPES.length - 1;
export const FINISHED_STAGE = STAGES.indexOf('FINISHED');
const KIND_CODE = new Map<string, number>(NODE_KINDS.map((k, i) => [k, i]));
const STAGE_CODE = new Map<string, number>(STAGES.map((s, i) => [s, i]));
const CATEGORY_CODE = new Map<string, number>(CATEGORY_CODES.map((c, i) => [c, i]));
const TYPE_CODE = new Map<string, number>(SNAPSHOT_EDGE_TYPES.map((t, i) => [t, i]));

/** Node flags. */
export const NODE_FIGURED = 1;
export const NODE_GROUP = 2;
/** Edge flags. */
export const EDGE_FIGURED = 1;
/** A source edge whose goods come from abroad (kept by the supply model). */
export const EDGE_FOREIGN = 2;

/** What a delta touched, for the supply model's refresh: node slots. */
export interface DeltaEffect {
  /** Nodes whose properties changed, or that were added. */
  nodes: Set<number>;
  /** Nodes whose incident edges changed (both ends of every touched pair, the neighbours of removed nodes). */
  edgesOf: Set<number>;
  /** Items that lost or gained an incoming edge or a source's properties: what the supply model recomputes. */
  items: Set<number>;
}

/** Rarely set edge properties, kept aside by edge slot instead of a column for every edge. */
interface EdgeExtras {
  estimate?: boolean;
  note?: string;
  sources?: string[];
}

const NODE_COLUMNS = {
  kind: [Int8Array, -1],
  country: [Int16Array, -1],
  stage: [Int8Array, -1],
  /** Products and parts: the index of their category in CATEGORY_CODES, -1 for none. */
  category: [Int8Array, -1],
  unitValue: [Float64Array, NaN],
  finalDemand: [Float64Array, NaN],
  nodeFlags: [Uint8Array, 0],
  inStart: [Int32Array, 0],
  inLen: [Int32Array, 0],
  outStart: [Int32Array, 0],
  outLen: [Int32Array, 0],
  /** m_i, the direct import share (the supply model's). */
  m: [Float64Array, 0],
  /** The supply model's per-item flags (src/analytics/supply-model.ts). */
  supplyFlags: [Uint16Array, 0],
} as const;

const EDGE_COLUMNS = {
  eType: [Int8Array, -1],
  eFrom: [Int32Array, -1],
  eTo: [Int32Array, -1],
  /** share (EXTRACTS, PRODUCES, SUPPLIES, OWNS), valueShare (FEEDS, COMPONENT_OF), inputImportShare (LOCALIZES). */
  eA: [Float64Array, NaN],
  /** capacityTpy (EXTRACTS, PRODUCES, LOCALIZES), volumePerYear (SUPPLIES), quantityPerUnit (FEEDS), quantity (COMPONENT_OF). */
  eB: [Float64Array, NaN],
  /** originCountry's code (SUPPLIES), output's node (FEEDS; -2: an id the snapshot does not hold), else -1. */
  eRef: [Int32Array, -1],
  eFlags: [Uint8Array, 0],
  /** w_e, the normalised weight of a source edge (the supply model's); NaN otherwise. */
  eWeight: [Float64Array, NaN],
} as const;


/** What a worker needs to read the engine: the shared columns and how much of them is in use. */
export interface CoreLayout {
  version: number;
  homeCode: number;
  nodeSlots: number;
  edgeSlots: number;
  arrays: Record<string, ColumnArray>;
}

/**
 * The typed half of the snapshot: everything the solves read, and nothing but typed arrays, so a
 * worker thread can hold it over the same shared memory (GraphCore.fromLayout).
 */
export class GraphCore {
  version = 0;
  homeCode = -1;
  /** Slots in use, tombstones included. */
  nodeSlots = 0;
  edgeSlots = 0;

  kind!: Int8Array;
  country!: Int16Array;
  stage!: Int8Array;
  category!: Int8Array;
  unitValue!: Float64Array;
  finalDemand!: Float64Array;
  nodeFlags!: Uint8Array;
  inStart!: Int32Array;
  inLen!: Int32Array;
  outStart!: Int32Array;
  outLen!: Int32Array;
  m!: Float64Array;
  supplyFlags!: Uint16Array;

  eType!: Int8Array;
  eFrom!: Int32Array;
  eTo!: Int32Array;
  eA!: Float64Array;
  eB!: Float64Array;
  eRef!: Int32Array;
  eFlags!: Uint8Array;
  eWeight!: Float64Array;

  inPool!: Int32Array;
  outPool!: Int32Array;
  inPoolUsed = 0;
  outPoolUsed = 0;

  static fromLayout(layout: CoreLayout): GraphCore {
    const core = new GraphCore();
    core.adopt(layout);
    return core;
  }

  /** Takes another thread's layout (after a delta or a growth). */
  adopt(layout: CoreLayout): void {
    this.version = layout.version;
    this.homeCode = layout.homeCode;
    this.nodeSlots = layout.nodeSlots;
    this.edgeSlots = layout.edgeSlots;
    Object.assign(this, layout.arrays);
  }

  layout(): CoreLayout {
    const arrays: Record<string, ColumnArray> = {};
    for (const name of [...Object.keys(NODE_COLUMNS), ...Object.keys(EDGE_COLUMNS), 'inPool', 'outPool']) arrays[name] = (this as unknown as Record<string, ColumnArray>)[name]!;
    return { version: this.version, homeCode: this.homeCode, nodeSlots: this.nodeSlots, edgeSlots: this.edgeSlots, arrays };
  }

  forIn(v: number, visit: (e: number) => void): void {
    const s = this.inStart[v]!;
    const end = s + this.inLen[v]!;
    for (let k = s; k < end; k += 1) visit(this.inPool[k]!);
  }

  forOut(v: number, visit: (e: number) => void): void {
    const s = this.outStart[v]!;
    const end = s + this.outLen[v]!;
    for (let k = s; k < end; k += 1) visit(this.outPool[k]!);
  }

  /** The edges into v (every snapshot type). */
  inEdges(v: number): Int32Array {
    return this.inPool.subarray(this.inStart[v]!, this.inStart[v]! + this.inLen[v]!);
  }

  /** The edges out of v (every snapshot type). */
  outEdges(v: number): Int32Array {
    return this.outPool.subarray(this.outStart[v]!, this.outStart[v]! + this.outLen[v]!);
  }

  isItem(v: number): boolean {
    const k = this.kind[v];
    return k === KIND.Product || k === KIND.Part;
  }

  isSite(v: number): boolean {
    const k = this.kind[v];
    return k === KIND.Mine || k === KIND.Plant || k === KIND.Supplier;
  }

  isGroup(v: number): boolean {
    return (this.nodeFlags[v]! & NODE_GROUP) !== 0;
  }

  isLive(v: number): boolean {
    return this.kind[v]! >= 0;
  }

  /** The country a node is in: its own, else home. */
  countryOf(v: number): number {
    const c = this.country[v]!;
    return c >= 0 ? c : this.homeCode;
  }

  /** Where a source edge's goods come from: SUPPLIES' originCountry, else the source's country, else home. */
  originOf(e: number): number {
    if (this.eType[e] === TYPE.SUPPLIES && this.eRef[e]! >= 0) return this.eRef[e]!;
    return this.countryOf(this.eFrom[e]!);
  }

  /** The kinds of edge the supply model counts as an item's sources. */
  isSourceEdge(e: number): boolean {
    const t = this.eType[e]!;
    return t === TYPE.EXTRACTS || t === TYPE.PRODUCES || t === TYPE.SUPPLIES;
  }
}

const collator = new Intl.Collator();

/**
 * The snapshot: the typed core plus what only the main thread needs (ids, names, the id index,
 * dates, projects' and organisations' fields, rarely set edge properties).
 */
export class GraphSnapshot extends GraphCore {
  readonly homeCountry: string;
  readonly ids: string[] = [];
  readonly names: string[] = [];
  readonly index = new Map<string, number>();
  readonly countries: string[] = [];
  private readonly countryCode = new Map<string, number>();
  readonly asOfTable: string[] = [];
  private readonly asOfCode = new Map<string, number>();
  /** Dates by slot: most records carry none. */
  readonly nodeAsOf = new Map<number, number>();
  readonly edgeAsOf = new Map<number, number>();
  readonly projects = new Map<number, ProjectFields>();
  /** Organisation type, by node. */
  readonly organizationTypes = new Map<number, string>();
  /** Sanction regimes a node is listed under, by node (organisations and suppliers). */
  readonly sanctionRegimes = new Map<number, string[]>();
  private readonly extras = new Map<number, EdgeExtras>();
  /** FEEDS outputs naming an id the snapshot does not hold (eRef -2). */
  private readonly outputIds = new Map<number, string>();
  /** Things derived on first use (figure dates, the ownership graph); dropped at every change. */
  readonly derived = new Map<string, unknown>();
  /** Dead slots and pool entries, for deciding when to compact. */
  private deadNodes = 0;
  private deadEdges = 0;
  private poolGarbage = 0;
  private building = true;

  constructor(version: number, homeCountry: string) {
    super();
    this.version = version;
    this.homeCountry = homeCountry;
    for (const [name, [ctor, fill]] of Object.entries(NODE_COLUMNS)) (this as unknown as Record<string, ColumnArray>)[name] = sharedArray(ctor as never, 1024, fill);
    for (const [name, [ctor, fill]] of Object.entries(EDGE_COLUMNS)) (this as unknown as Record<string, ColumnArray>)[name] = sharedArray(ctor as never, 1024, fill);
    this.inPool = sharedArray(Int32Array, 1024);
    this.outPool = sharedArray(Int32Array, 1024);
    this.homeCode = this.countryCodeOf(homeCountry);
  }

  get nodeCount(): number {
    return this.nodeSlots - this.deadNodes;
  }

  get edgeCount(): number {
    return this.edgeSlots - this.deadEdges;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  kindOf(v: number): NodeKind {
    return NODE_KINDS[this.kind[v]!]!;
  }

  countryCodeOf(code: string | null | undefined): number {
    if (typeof code !== 'string') return -1;
    let c = this.countryCode.get(code);
    if (c === undefined) {
      c = this.countries.length;
      this.countries.push(code);
      this.countryCode.set(code, c);
    }
    return c;
  }

  /** The code of a country the snapshot has seen, or -1: a scenario naming another removes nothing. */
  knownCountry(code: string): number {
    return this.countryCode.get(code) ?? -1;
  }

  private dateCode(value: string | null | undefined): number {
    if (typeof value !== 'string') return -1;
    let c = this.asOfCode.get(value);
    if (c === undefined) {
      c = this.asOfTable.length;
      this.asOfTable.push(value);
      this.asOfCode.set(value, c);
    }
    return c;
  }

  // ----- building and changing -----------------------------------------------------------

  private ensureNodes(needed: number): void {
    const cap = this.kind.length;
    if (needed <= cap) return;
    const next = capacityFor(cap, needed);
    for (const [name, [, fill]] of Object.entries(NODE_COLUMNS)) {
      const self = this as unknown as Record<string, ColumnArray>;
      self[name] = grown(self[name]!, next, fill);
    }
  }

  private ensureEdges(needed: number): void {
    const cap = this.eType.length;
    if (needed <= cap) return;
    const next = capacityFor(cap, needed);
    for (const [name, [, fill]] of Object.entries(EDGE_COLUMNS)) {
      const self = this as unknown as Record<string, ColumnArray>;
      self[name] = grown(self[name]!, next, fill);
    }
  }

  /** Adds a node (a new slot), or, during a delta, rewrites the slot of one it already holds. */
  addNode(n: SnapshotNodeInput): number {
    const known = this.index.get(n.id);
    if (known !== undefined) {
      if (this.building) return known;
      this.writeNode(known, n);
      return known;
    }
    const v = this.nodeSlots;
    this.ensureNodes(v + 1);
    this.nodeSlots += 1;
    this.ids[v] = n.id;
    this.index.set(n.id, v);
    this.inStart[v] = 0;
    this.inLen[v] = 0;
    this.outStart[v] = 0;
    this.outLen[v] = 0;
    this.writeNode(v, n);
    return v;
  }

  private writeNode(v: number, n: SnapshotNodeInput): void {
    this.names[v] = n.name;
    this.kind[v] = KIND_CODE.get(n.kind) ?? -1;
    this.country[v] = this.countryCodeOf(n.country);
    this.stage[v] = typeof n.stage === 'string' ? STAGE_CODE.get(n.stage) ?? -1 : -1;
    this.category[v] = typeof n.category === 'string' ? CATEGORY_CODE.get(n.category) ?? -1 : -1;
    this.unitValue[v] = num(n.unitValueUsd);
    this.finalDemand[v] = num(n.finalDemand);
    const figured = n.figured ?? hasFigures(n as unknown as NodeRecord);
    this.nodeFlags[v] = (figured ? NODE_FIGURED : 0) | (n.group === true ? NODE_GROUP : 0);
    setOrDelete(this.nodeAsOf, v, this.dateCode(n.asOf));
    if (n.kind === 'Project') {
      this.projects.set(v, {
        owner: str(n.owner),
        status: str(n.status),
        progress: numOrNull(n.progress),
        budget: numOrNull(n.budget),
        jobs: numOrNull(n.jobs),
        expectedCompletion: str(n.expectedCompletion),
      });
    } else this.projects.delete(v);
    if (typeof n.type === 'string') this.organizationTypes.set(v, n.type);
    else this.organizationTypes.delete(v);
    const regimes = Array.isArray(n.sanctionRegimes) ? n.sanctionRegimes.filter((r): r is string => typeof r === 'string' && r !== '') : [];
    if (regimes.length > 0) this.sanctionRegimes.set(v, regimes);
    else this.sanctionRegimes.delete(v);
  }

  /** Adds an edge between two nodes already held; one naming an unknown node, or of another type, is skipped. */
  addEdge(r: SnapshotEdgeInput): number {
    const from = this.index.get(r.from);
    const to = this.index.get(r.to);
    const type = TYPE_CODE.get(r.type);
    if (from === undefined || to === undefined || type === undefined) return -1;
    const e = this.edgeSlots;
    this.ensureEdges(e + 1);
    this.edgeSlots += 1;
    this.eType[e] = type;
    this.eFrom[e] = from;
    this.eTo[e] = to;
    const [a, b] = edgeFigures(r);
    this.eA[e] = a;
    this.eB[e] = b;
    this.eWeight[e] = NaN;
    if (r.type === 'SUPPLIES') this.eRef[e] = this.countryCodeOf(r.originCountry);
    else if (r.type === 'FEEDS' && typeof r.output === 'string') {
      const o = this.index.get(r.output);
      if (o === undefined) this.outputIds.set(e, r.output);
      this.eRef[e] = o ?? -2;
    } else this.eRef[e] = -1;
    this.eFlags[e] = hasFigures(r as unknown as EdgeRecord) ? EDGE_FIGURED : 0;
    setOrDelete(this.edgeAsOf, e, this.dateCode(r.asOf));
    if (typeof r.estimate === 'boolean' || typeof r.note === 'string' || Array.isArray(r.sources)) {
      const x: EdgeExtras = {};
      if (typeof r.estimate === 'boolean') x.estimate = r.estimate;
      if (typeof r.note === 'string') x.note = r.note;
      if (Array.isArray(r.sources)) x.sources = [...r.sources];
      this.extras.set(e, x);
    }
    if (!this.building) {
      this.appendIncident(from, e, 'out');
      this.appendIncident(to, e, 'in');
    }
    return e;
  }

  /** Ends a full build: lays the adjacency out in one pass (like CSR), in load order. */
  build(): this {
    const n = this.nodeSlots;
    const m = this.edgeSlots;
    this.inPool = sharedArray(Int32Array, capacityFor(0, m + 1));
    this.outPool = sharedArray(Int32Array, capacityFor(0, m + 1));
    this.inLen.fill(0);
    this.outLen.fill(0);
    for (let e = 0; e < m; e += 1) {
      if (this.eType[e]! < 0) continue;
      this.inLen[this.eTo[e]!]! += 1;
      this.outLen[this.eFrom[e]!]! += 1;
    }
    let inAt = 0;
    let outAt = 0;
    for (let v = 0; v < n; v += 1) {
      this.inStart[v] = inAt;
      this.outStart[v] = outAt;
      inAt += this.inLen[v]!;
      outAt += this.outLen[v]!;
      this.inLen[v] = 0;
      this.outLen[v] = 0;
    }
    for (let e = 0; e < m; e += 1) {
      if (this.eType[e]! < 0) continue;
      const to = this.eTo[e]!;
      const from = this.eFrom[e]!;
      this.inPool[this.inStart[to]! + this.inLen[to]!++] = e;
      this.outPool[this.outStart[from]! + this.outLen[from]!++] = e;
    }
    this.inPoolUsed = inAt;
    this.outPoolUsed = outAt;
    this.poolGarbage = 0;
    this.building = false;
    this.derived.clear();
    return this;
  }

  /** Gives `v` a fresh run at the pool's end holding its old edges and `e` (so a delta costs v's degree). */
  private appendIncident(v: number, e: number, side: 'in' | 'out'): void {
    const start = side === 'in' ? this.inStart : this.outStart;
    const len = side === 'in' ? this.inLen : this.outLen;
    const used = side === 'in' ? this.inPoolUsed : this.outPoolUsed;
    const s = start[v]!;
    const l = len[v]!;
    let pool = side === 'in' ? this.inPool : this.outPool;
    if (s + l === used && used < pool.length) {
      // The run already ends the pool: it grows in place.
      pool[used] = e;
      len[v] = l + 1;
      this.setUsed(side, used + 1);
      return;
    }
    if (used + l + 1 > pool.length) {
      pool = grown(pool, capacityFor(pool.length, used + l + 1));
      if (side === 'in') this.inPool = pool;
      else this.outPool = pool;
    }
    pool.copyWithin(used, s, s + l);
    pool[used + l] = e;
    start[v] = used;
    len[v] = l + 1;
    this.poolGarbage += l;
    this.setUsed(side, used + l + 1);
  }

  private setUsed(side: 'in' | 'out', used: number): void {
    if (side === 'in') this.inPoolUsed = used;
    else this.outPoolUsed = used;
  }

  /** Takes edge e out of v's run (swapping the last one in: runs are unordered sets). */
  private dropIncident(v: number, e: number, side: 'in' | 'out'): void {
    const pool = side === 'in' ? this.inPool : this.outPool;
    const start = side === 'in' ? this.inStart : this.outStart;
    const len = side === 'in' ? this.inLen : this.outLen;
    const s = start[v]!;
    const l = len[v]!;
    for (let k = s; k < s + l; k += 1) {
      if (pool[k] === e) {
        pool[k] = pool[s + l - 1]!;
        len[v] = l - 1;
        this.poolGarbage += 1;
        return;
      }
    }
  }

  private removeEdge(e: number): void {
    if (this.eType[e]! < 0) return;
    this.dropIncident(this.eFrom[e]!, e, 'out');
    this.dropIncident(this.eTo[e]!, e, 'in');
    this.eType[e] = -1;
    this.eWeight[e] = NaN;
    this.edgeAsOf.delete(e);
    this.extras.delete(e);
    this.outputIds.delete(e);
    this.deadEdges += 1;
  }

  /**
   * Applies a write's delta in place and says what it touched. Nodes first (so new edges find
   * their ends), then every touched pair's edges are replaced by the pair's current edges, then
   * removed nodes go with whatever edges they still had.
   */
  applyDelta(delta: GraphDelta): DeltaEffect {
    const effect: DeltaEffect = { nodes: new Set(), edgesOf: new Set(), items: new Set() };
    const touchItemsOf = (v: number) => {
      // v's sources' weights, or v as a source of items: both change what the items' supply is.
      if (this.isItem(v)) effect.items.add(v);
      this.forOut(v, (e) => {
        const to = this.eTo[e]!;
        if (this.isItem(to)) effect.items.add(to);
      });
    };
    for (const row of delta.nodes) {
      const v = this.addNode(row);
      effect.nodes.add(v);
      touchItemsOf(v);
    }
    for (const pair of delta.pairs) {
      const from = this.index.get(pair.from);
      const to = this.index.get(pair.to);
      if (from === undefined || to === undefined) continue;
      const old: number[] = [];
      this.forOut(from, (e) => {
        if (this.eTo[e] === to) old.push(e);
      });
      for (const e of old) this.removeEdge(e);
      for (const edge of pair.edges) if (edge.from === pair.from && edge.to === pair.to) this.addEdge(edge);
      effect.edgesOf.add(from).add(to);
      touchItemsOf(to);
      // A plant's FEEDS change the recipes of what it makes, which the model derives on demand;
      // nothing it keeps depends on them, so `from` needs no refresh of its own.
    }
    for (const id of delta.removedNodes) {
      const v = this.index.get(id);
      if (v === undefined) continue;
      touchItemsOf(v);
      const incident: number[] = [];
      this.forIn(v, (e) => incident.push(e));
      this.forOut(v, (e) => incident.push(e));
      for (const e of incident) {
        effect.edgesOf.add(this.eFrom[e]!).add(this.eTo[e]!);
        this.removeEdge(e);
      }
      this.kind[v] = -1;
      this.index.delete(id);
      this.projects.delete(v);
      this.organizationTypes.delete(v);
      this.sanctionRegimes.delete(v);
      this.nodeAsOf.delete(v);
      this.deadNodes += 1;
      effect.items.delete(v);
      effect.nodes.delete(v);
      effect.edgesOf.delete(v);
    }
    // FEEDS outputs that named a node only now added.
    if (this.outputIds.size > 0) {
      for (const [e, id] of this.outputIds) {
        const o = this.index.get(id);
        if (o !== undefined) {
          this.eRef[e] = o;
          this.outputIds.delete(e);
        }
      }
    }
    this.version = delta.version;
    this.derived.clear();
    return effect;
  }

  /** Whether dead slots and pool garbage are worth a compaction (a full rebuild from the snapshot itself). */
  get wasteful(): boolean {
    const live = this.edgeCount + this.nodeCount;
    return this.deadNodes + this.deadEdges + this.poolGarbage > Math.max(100_000, live);
  }

  /** A compact copy (not yet built: finishBuild lays it out): live slots only, renumbered in their current order. */
  compacted(): GraphSnapshot {
    const copy = new GraphSnapshot(this.version, this.homeCountry);
    for (let v = 0; v < this.nodeSlots; v += 1) if (this.kind[v]! >= 0) copy.addNode(this.nodeInput(v));
    for (let e = 0; e < this.edgeSlots; e += 1) if (this.eType[e]! >= 0) copy.addEdge(this.edgeInput(e));
    return copy;
  }

  // ----- reading ------------------------------------------------------------------------------

  typeOf(e: number): SnapshotEdgeType {
    return SNAPSHOT_EDGE_TYPES[this.eType[e]!]!;
  }

  asOfOfNode(v: number): string | null {
    const c = this.nodeAsOf.get(v);
    return c === undefined ? null : this.asOfTable[c]!;
  }

  asOfOfEdge(e: number): string | null {
    const c = this.edgeAsOf.get(e);
    return c === undefined ? null : this.asOfTable[c]!;
  }

  /** The node as the metrics see it: the properties they read, nothing more. */
  nodeRecord(v: number): NodeRecord {
    const r: NodeRecord = { id: this.ids[v]!, kind: this.kindOf(v), name: this.names[v]!, nameFa: '' };
    if (this.country[v]! >= 0) r.country = this.countries[this.country[v]!]!;
    if (this.stage[v]! >= 0) r.stage = STAGES[this.stage[v]!]!;
    if (this.category[v]! >= 0) r.category = CATEGORY_CODES[this.category[v]!]!;
    if (!Number.isNaN(this.unitValue[v]!)) r.unitValueUsd = this.unitValue[v]!;
    if (!Number.isNaN(this.finalDemand[v]!)) r.finalDemand = this.finalDemand[v]!;
    const asOf = this.asOfOfNode(v);
    if (asOf !== null) r.asOf = asOf;
    if (this.isGroup(v)) r.group = true;
    const p = this.projects.get(v);
    if (p) for (const [k, value] of Object.entries(p)) if (value !== null) (r as Record<string, unknown>)[k] = value;
    const type = this.organizationTypes.get(v);
    if (type) r.type = type;
    const regimes = this.sanctionRegimes.get(v);
    if (regimes) r.sanctionRegimes = [...regimes];
    return r;
  }

  private nodeInput(v: number): SnapshotNodeInput {
    const r = this.nodeRecord(v) as SnapshotNodeInput;
    return { ...r, figured: (this.nodeFlags[v]! & NODE_FIGURED) !== 0 };
  }

  private edgeInput(e: number): SnapshotEdgeInput {
    return this.edgeRecord(e) as unknown as SnapshotEdgeInput;
  }

  /** The edge with every property the snapshot holds, as the database gives it. */
  edgeRecord(e: number): EdgeRecord {
    const type = this.typeOf(e);
    const r: EdgeRecord = { type, from: this.ids[this.eFrom[e]!]!, to: this.ids[this.eTo[e]!]! };
    const a = this.eA[e]!;
    const b = this.eB[e]!;
    const set = (name: string, value: number) => {
      if (!Number.isNaN(value)) (r as Record<string, unknown>)[name] = value;
    };
    switch (type) {
      case 'EXTRACTS':
      case 'PRODUCES':
        set('share', a);
        set('capacityTpy', b);
        break;
      case 'SUPPLIES':
        set('share', a);
        set('volumePerYear', b);
        if (this.eRef[e]! >= 0) r.originCountry = this.countries[this.eRef[e]!]!;
        break;
      case 'FEEDS':
        set('valueShare', a);
        set('quantityPerUnit', b);
        if (this.eRef[e]! >= 0) r.output = this.ids[this.eRef[e]!]!;
        else if (this.eRef[e] === -2) r.output = this.outputIds.get(e)!;
        break;
      case 'COMPONENT_OF':
        set('valueShare', a);
        set('quantity', b);
        break;
      case 'LOCALIZES':
        set('inputImportShare', a);
        set('capacityTpy', b);
        break;
      case 'OWNS':
        set('share', a);
        break;
      case 'OPERATES':
      case 'IS':
        break;
    }
    const asOf = this.asOfOfEdge(e);
    if (asOf !== null) r.asOf = asOf;
    const x = this.extras.get(e);
    if (x) Object.assign(r, x.sources ? { ...x, sources: [...x.sources] } : x);
    return r;
  }

  /**
   * How old the figures are (src/analytics/dates.ts) of the nodes `ids` names and the chain edges
   * between them, or, without `ids`, of the supply chain: every node but projects (their progress
   * and budgets are not supply) and every chain edge. The whole chain's answer is kept until the
   * next change; a subgraph's costs what the subgraph holds, not the graph.
   */
  figureDates(ids?: Iterable<string>): FigureDates {
    const collect = collectFigureDates();
    if (!ids) {
      const kept = this.derived.get('figureDates') as FigureDates | undefined;
      if (kept) return kept;
      for (let v = 0; v < this.nodeSlots; v += 1) {
        const k = this.kind[v]!;
        if (k >= 0 && k !== KIND.Project && this.nodeFlags[v]! & NODE_FIGURED) collect.see(this.asOfOfNode(v));
      }
      for (let e = 0; e < this.edgeSlots; e += 1) {
        const t = this.eType[e]!;
        if (t >= 0 && t <= LAST_CHAIN_TYPE && this.eFlags[e]! & EDGE_FIGURED) collect.see(this.asOfOfEdge(e));
      }
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
    for (const v of members) {
      if (this.nodeFlags[v]! & NODE_FIGURED) collect.see(this.asOfOfNode(v));
      // Each edge is counted once, at its head, when its tail is inside too.
      this.forIn(v, (e) => {
        if (this.eType[e]! <= LAST_CHAIN_TYPE && this.eFlags[e]! & EDGE_FIGURED && inside.has(this.eFrom[e]!)) collect.see(this.asOfOfEdge(e));
      });
    }
    return collect.result();
  }

  /** Every node with a chain path to `root` (itself included), nearest first: what a metric on X solves over. */
  upstreamOf(root: number): number[] {
    const seen = new Uint8Array(this.nodeSlots);
    const order = [root];
    seen[root] = 1;
    for (let i = 0; i < order.length; i += 1) {
      const v = order[i]!;
      const s = this.inStart[v]!;
      const end = s + this.inLen[v]!;
      for (let k = s; k < end; k += 1) {
        const e = this.inPool[k]!;
        if (this.eType[e]! > LAST_CHAIN_TYPE) continue;
        const u = this.eFrom[e]!;
        if (!seen[u]) {
          seen[u] = 1;
          order.push(u);
        }
      }
    }
    return order;
  }

  /** Every node with a chain path to `rootId` and every chain edge into them, as records (for tests and exports). */
  upstreamGraph(rootId: string): ChainGraph | null {
    const root = this.index.get(rootId);
    if (root === undefined) return null;
    const nodes = new Map<string, NodeRecord>();
    const edges: EdgeRecord[] = [];
    for (const v of this.upstreamOf(root)) {
      nodes.set(this.ids[v]!, this.nodeRecord(v));
      this.forIn(v, (e) => {
        if (this.eType[e]! <= LAST_CHAIN_TYPE) edges.push(this.edgeRecord(e));
      });
    }
    return { homeCountry: this.homeCountry, nodes, edges };
  }

  /** The whole snapshot as records (what a fresh load of the same graph holds): for tests and small graphs. */
  wholeGraph(): ChainGraph {
    const nodes = new Map<string, NodeRecord>();
    for (let v = 0; v < this.nodeSlots; v += 1) if (this.kind[v]! >= 0) nodes.set(this.ids[v]!, this.nodeRecord(v));
    const edges: EdgeRecord[] = [];
    for (let e = 0; e < this.edgeSlots; e += 1) if (this.eType[e]! >= 0) edges.push(this.edgeRecord(e));
    return { homeCountry: this.homeCountry, nodes, edges };
  }

  /** The organisations and the OWNS, OPERATES and IS edges (src/analytics/ownership.ts reads these). */
  ownershipGraph(): OwnershipGraph {
    const kept = this.derived.get('ownership') as OwnershipGraph | undefined;
    if (kept) return kept;
    const nodes = new Map<string, NodeRecord>();
    const edges: EdgeRecord[] = [];
    for (let e = 0; e < this.edgeSlots; e += 1) {
      const t = this.eType[e]!;
      if (t !== TYPE.OWNS && t !== TYPE.OPERATES && t !== TYPE.IS) continue;
      edges.push(this.edgeRecord(e));
      for (const v of [this.eFrom[e]!, this.eTo[e]!]) if (!nodes.has(this.ids[v]!)) nodes.set(this.ids[v]!, this.nodeRecord(v));
    }
    for (const v of this.organizationTypes.keys()) if (!nodes.has(this.ids[v]!)) nodes.set(this.ids[v]!, this.nodeRecord(v));
    // Listed sites with no organisation behind them: a sanctions scenario removes them too.
    for (const v of this.sanctionRegimes.keys()) if (this.isLive(v) && !nodes.has(this.ids[v]!)) nodes.set(this.ids[v]!, this.nodeRecord(v));
    for (let v = 0; v < this.nodeSlots; v += 1) if (this.kind[v] === KIND.Organization && !nodes.has(this.ids[v]!)) nodes.set(this.ids[v]!, this.nodeRecord(v));
    const graph = { nodes, edges };
    this.derived.set('ownership', graph);
    return graph;
  }

  /** Ids in a stable order for ties: plain code-unit order (the same in every process and test). */
  compareIds(a: number, b: number): number {
    return compareIds(this.ids[a]!, this.ids[b]!);
  }

  /** Names in reading order, for walks. */
  compareNames(a: number, b: number): number {
    return collator.compare(this.names[a]!, this.names[b]!) || collator.compare(this.ids[a]!, this.ids[b]!);
  }

  /** Rough bytes held by the typed columns, strings and maps, for the README's memory figure. */
  approximateBytes(): number {
    let bytes = 0;
    for (const [name, array] of Object.entries(this.layout().arrays)) {
      const slots = name in EDGE_COLUMNS ? this.edgeSlots : name === 'inPool' ? this.inPoolUsed : name === 'outPool' ? this.outPoolUsed : this.nodeSlots;
      bytes += array.BYTES_PER_ELEMENT * slots;
    }
    for (let v = 0; v < this.nodeSlots; v += 1) bytes += 2 * ((this.ids[v]?.length ?? 0) + (this.names[v]?.length ?? 0)) + 32;
    return bytes + this.index.size * 40 + (this.nodeAsOf.size + this.edgeAsOf.size + this.extras.size + this.projects.size * 4) * 40;
  }
}

/** Ids in plain code-unit order: what every ranked answer's ties fall back to. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds a snapshot record by record; build() lays out the adjacency. (Kept as its own name for readers.) */
export class SnapshotBuilder extends GraphSnapshot {}

/** The two numeric columns of an edge, by its type (see EDGE_COLUMNS). */
function edgeFigures(r: SnapshotEdgeInput): [number, number] {
  switch (r.type) {
    case 'EXTRACTS':
    case 'PRODUCES':
      return [num(r.share), num(r.capacityTpy)];
    case 'SUPPLIES':
      return [num(r.share), num(r.volumePerYear)];
    case 'FEEDS':
      return [num(r.valueShare), num(r.quantityPerUnit)];
    case 'COMPONENT_OF':
      return [num(r.valueShare), num(r.quantity)];
    case 'LOCALIZES':
      return [num(r.inputImportShare), num(r.capacityTpy)];
    case 'OWNS':
      return [num(r.share), NaN];
    default:
      return [NaN, NaN];
  }
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
}

function numOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function setOrDelete(map: Map<number, number>, key: number, code: number): void {
  if (code >= 0) map.set(key, code);
  else map.delete(key);
}
