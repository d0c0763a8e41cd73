// The reference for disruption: DOMAIN.md's least fixed point by plain iteration over every item
// until nothing changes, on the reference supply model. The engine's worklist solver
// (src/analytics/disruption.ts) is held against it on random graphs (test/reference/engine.test.ts).
//
// Disruption what-ifs (DOMAIN.md): remove named nodes, whole countries or every import, and see
// what share of each item's supply is lost. A source with a recipe loses as much as its scarcest
// input (fixed proportions). The least fixed point is found by iterating up from zero.

import type { ChainGraph } from '../../src/model/graph.js';
import { CHAIN_EDGE_TYPES } from '../../src/model/kinds.js';
import { SupplyModel } from './supply.js';
import { rankKey } from '../../src/analytics/rank.js';
import { UnknownNodeError } from '../../src/analytics/errors.js';

export interface DisruptionScenario {
  nodeIds?: readonly string[];
  countries?: readonly string[];
  allImports?: boolean;
}

/** A set of nodes removed together: an organisation's reach, say (see ownership.ts). */
export interface RemovalSet {
  key: string;
  nodeIds: readonly string[];
}

export interface ItemLoss {
  itemId: string;
  loss: number;
}

export interface DisruptionReport {
  /** Every item with a loss above 0, largest first. */
  losses: ItemLoss[];
  /** The FINISHED products among them. */
  finishedGoodsHit: ItemLoss[];
  /** Mines, plants and suppliers the scenario removes (named, or in a removed country). */
  removedSources: string[];
  /** Those of them that stand for many firms or sites (`group: true`). */
  removedGroups: string[];
  converged: boolean;
  iterations: number;
}

export interface Chokepoint {
  nodeId: string;
  impact: number;
}

const TOLERANCE = 1e-12;
const MAX_ITERATIONS = 100_000;
const IMPACT_TOLERANCE = 1e-9;

/** Losses of every item of the graph under the scenario. */
export function disruption(graph: ChainGraph, scenario: DisruptionScenario): DisruptionReport {
  const model = new SupplyModel(graph);
  const items = [...graph.nodes.values()].filter((n) => n.kind === 'Product' || n.kind === 'Part').map((n) => n.id);
  const { loss, converged, iterations } = solveLosses(model, items, scenario);
  const losses = items
    .map((itemId) => ({ itemId, loss: loss.get(itemId) ?? 0 }))
    .filter((l) => l.loss > TOLERANCE)
    .sort((a, b) => rankKey(b.loss) - rankKey(a.loss) || a.itemId.localeCompare(b.itemId));
  const finishedGoodsHit = losses.filter((l) => model.node(l.itemId)?.stage === 'FINISHED');
  const removed = removalPredicate(model, scenario);
  const removedSources = [...graph.nodes.values()]
    .filter((n) => (n.kind === 'Mine' || n.kind === 'Plant' || n.kind === 'Supplier') && removed(n.id))
    .map((n) => n.id)
    .sort();
  const removedGroups = removedSources.filter((id) => graph.nodes.get(id)?.group === true);
  return { losses, finishedGoodsHit, removedSources, removedGroups, converged, iterations };
}

/** How a caller bounds work of one solve per candidate. */
export interface SolveOptions {
  /**
   * Called before each solve; throwing stops the work (a server passes its request's deadline
   * check, so a big chain cannot hold it past the request's time budget).
   */
  checkpoint?: () => void;
}

/**
 * For each set, the loss at `rootId` when everything in it is removed at once; the sets whose
 * loss reaches `minImpact`, largest first. `graph` should be the root's upstream subgraph.
 */
export function setChokepoints(graph: ChainGraph, rootId: string, sets: readonly RemovalSet[], minImpact = 1, options: SolveOptions = {}): Chokepoint[] {
  const model = new SupplyModel(graph);
  if (!model.node(rootId)) throw new UnknownNodeError(rootId);
  return chokepointsOf(model, rootId, upstreamOf(model, rootId), sets, minImpact, options);
}

/** The sets whose removal costs `rootId` at least `minImpact`, each solved over the items of `upstream`. */
function chokepointsOf(model: SupplyModel, rootId: string, upstream: Set<string>, sets: readonly RemovalSet[], minImpact: number, options: SolveOptions): Chokepoint[] {
  const items = [...upstream].filter((id) => model.isItem(id));
  const found: Chokepoint[] = [];
  for (const set of sets) {
    const nodeIds = set.nodeIds.filter((id) => id !== rootId && model.node(id));
    if (nodeIds.length === 0) continue;
    options.checkpoint?.();
    const impact = solveLosses(model, items, { nodeIds }).loss.get(rootId) ?? 0;
    if (impact + IMPACT_TOLERANCE >= minImpact) found.push({ nodeId: set.key, impact });
  }
  return found.sort((a, b) => rankKey(b.impact) - rankKey(a.impact) || a.nodeId.localeCompare(b.nodeId));
}

/** Whether the scenario removes a node: named, or a site or supplier in a removed country. */
function removalPredicate(model: SupplyModel, scenario: DisruptionScenario): (id: string | null) => boolean {
  const removedNodes = new Set(scenario.nodeIds ?? []);
  const removedCountries = new Set(scenario.countries ?? []);
  return (id: string | null): boolean => {
    if (id === null) return false;
    if (removedNodes.has(id)) return true;
    const node = model.node(id);
    if (!node || (node.kind !== 'Mine' && node.kind !== 'Plant' && node.kind !== 'Supplier')) return false;
    return removedCountries.has(model.countryOf(node));
  };
}

/**
 * The upstream nodes of `rootId` whose removal alone costs it at least `minImpact` of its supply,
 * largest impact first. `graph` should be the root's upstream subgraph: one solve per node in it.
 */
export function chokepoints(graph: ChainGraph, rootId: string, minImpact = 1, options: SolveOptions = {}): Chokepoint[] {
  const model = new SupplyModel(graph);
  if (!model.node(rootId)) throw new UnknownNodeError(rootId);
  // Each upstream node alone is a set of one.
  const upstream = upstreamOf(model, rootId);
  const candidates = [...upstream].filter((id) => id !== rootId).map((id) => ({ key: id, nodeIds: [id] }));
  return chokepointsOf(model, rootId, upstream, candidates, minImpact, options);
}

function upstreamOf(model: SupplyModel, rootId: string): Set<string> {
  const seen = new Set([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const e of model.index.incomingOf(id, ...CHAIN_EDGE_TYPES)) {
      if (!seen.has(e.from)) {
        seen.add(e.from);
        stack.push(e.from);
      }
    }
  }
  return seen;
}

function solveLosses(model: SupplyModel, items: string[], scenario: DisruptionScenario) {
  const removedNodes = new Set(scenario.nodeIds ?? []);
  const removedCountries = new Set(scenario.countries ?? []);
  const nodeRemoved = removalPredicate(model, scenario);

  // Precompute, per item, its sources as (weight, cut?, recipe inputs).
  const plan = new Map<string, { weight: number; cut: boolean; inputs: string[] }[]>();
  for (const itemId of items) {
    const supply = model.supplyOf(itemId);
    plan.set(
      itemId,
      supply.sources.map((source) => {
        const cut =
          nodeRemoved(source.sourceId) ||
          (source.edge?.type === 'SUPPLIES' && removedCountries.has(source.origin)) ||
          (scenario.allImports === true && source.foreign);
        const inputs = cut || source.foreign ? [] : model.recipeOf(itemId, source).map((l) => l.itemId).filter((id) => model.isItem(id));
        return { weight: source.weight, cut, inputs };
      }),
    );
  }

  const loss = new Map<string, number>(items.map((id) => [id, removedNodes.has(id) ? 1 : 0]));
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration += 1) {
    let change = 0;
    for (const itemId of items) {
      if (removedNodes.has(itemId)) continue;
      let value = 0;
      for (const source of plan.get(itemId)!) {
        if (source.cut) value += source.weight;
        else if (source.inputs.length > 0) value += source.weight * Math.max(...source.inputs.map((j) => loss.get(j) ?? 0));
      }
      value = Math.min(1, value);
      change = Math.max(change, Math.abs(value - loss.get(itemId)!));
      loss.set(itemId, value);
    }
    if (change < TOLERANCE) return { loss, converged: true, iterations: iteration };
  }
  return { loss, converged: false, iterations: MAX_ITERATIONS };
}
