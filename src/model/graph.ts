// An in-memory chain subgraph: what the database hands the analytics (one round trip) and what
// tests build by hand. Nodes by id, chain edges as records; the index answers the questions the
// metrics ask of an item (its sources, a plant's feeds, an item's bill of materials).

import type { EdgeRecord, NodeRecord } from './records.js';
import { DEFAULT_HOME_COUNTRY } from './records.js';

export interface ChainGraph {
  homeCountry: string;
  nodes: ReadonlyMap<string, NodeRecord>;
  /** Chain edges (EXTRACTS, PRODUCES, SUPPLIES, FEEDS, COMPONENT_OF) among `nodes`; LOCALIZES allowed for parallel work. */
  edges: readonly EdgeRecord[];
}

/** Organisations and the OWNS, OPERATES and IS edges that tie them to sites, suppliers and each other. */
export interface OwnershipGraph {
  nodes: ReadonlyMap<string, NodeRecord>;
  edges: readonly EdgeRecord[];
}

export function chainGraph(
  nodes: Iterable<NodeRecord>,
  edges: Iterable<EdgeRecord>,
  homeCountry: string = DEFAULT_HOME_COUNTRY,
): ChainGraph {
  return { homeCountry, nodes: new Map([...nodes].map((n) => [n.id, n])), edges: [...edges] };
}

/** Edges grouped by endpoint, built once per graph. */
export class ChainIndex {
  private readonly incoming = new Map<string, EdgeRecord[]>();
  private readonly outgoing = new Map<string, EdgeRecord[]>();

  constructor(readonly graph: ChainGraph) {
    for (const e of graph.edges) {
      push(this.incoming, e.to, e);
      push(this.outgoing, e.from, e);
    }
  }

  node(id: string): NodeRecord | undefined {
    return this.graph.nodes.get(id);
  }

  incomingOf(id: string, ...types: string[]): EdgeRecord[] {
    const all = this.incoming.get(id) ?? [];
    return types.length === 0 ? all : all.filter((e) => types.includes(e.type));
  }

  outgoingOf(id: string, ...types: string[]): EdgeRecord[] {
    const all = this.outgoing.get(id) ?? [];
    return types.length === 0 ? all : all.filter((e) => types.includes(e.type));
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
