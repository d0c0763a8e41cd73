// A second, independent implementation of the supply model, kept under test/ as the reference the
// engine (src/analytics/supply-model.ts, on typed arrays) is held against: records and maps, the
// plain reading of DOMAIN.md, no attention to speed. Nothing in src/ imports it.
//
// The supply model of DOMAIN.md ("Supply sources and shares"): for an item, its sources with
// normalised weights and whether each is foreign; for a home source, its recipe with value
// coefficients. Every fallback taken because data is missing is recorded as an Assumption, so
// a report can say exactly what its numbers rest on.

import { ChainIndex, chainGraph, type ChainGraph } from '../../src/model/graph.js';
import { isSourceEdgeType } from '../../src/model/kinds.js';
import type { EdgeRecord, NodeRecord } from '../../src/model/records.js';

export type AssumptionCode =
  | 'EQUAL_WEIGHTS'
  | 'CAPACITY_WEIGHTS'
  | 'ZERO_CAPACITY'
  | 'SHARES_NORMALISED'
  | 'IMPLICIT_ASSEMBLY'
  | 'ORIGIN'
  | 'QUANTITY_VALUE_COEFFICIENT'
  | 'EQUAL_COEFFICIENT'
  | 'SCALED_RECIPE';

export interface Assumption {
  code: AssumptionCode;
  /** The item (or, for recipes, the item made) the assumption is about. */
  nodeId: string;
  message: string;
}

export interface SupplySource {
  /** The source edge; null for the implicit home assembly of an item with only a bill of materials. */
  edge: EdgeRecord | null;
  sourceId: string | null;
  weight: number;
  /** Origin country: SUPPLIES' originCountry, else the source node's country, else home. */
  origin: string;
  foreign: boolean;
}

export interface RecipeLine {
  itemId: string;
  edge: EdgeRecord;
  coefficient: number;
}

export interface ItemSupply {
  itemId: string;
  sources: SupplySource[];
  /** m: the summed weight of the foreign sources. */
  directImportShare: number;
  /** No source edge and no bill of materials: counted as home-made, listed as unmodeled. */
  origin: boolean;
}

const EPS = 1e-9;

/** Where a source edge's goods come from: SUPPLIES' originCountry, else the source's country, else home. */
export function originCountry(edge: EdgeRecord, source: NodeRecord | undefined, homeCountry: string): string {
  if (edge.type === 'SUPPLIES' && typeof edge.originCountry === 'string') return edge.originCountry;
  return typeof source?.country === 'string' ? source.country : homeCountry;
}

export class SupplyModel {
  readonly index: ChainIndex;
  readonly homeCountry: string;
  private readonly supplies = new Map<string, ItemSupply>();
  private readonly recipes = new Map<string, RecipeLine[]>();
  private readonly assumed = new Map<string, Assumption>();

  constructor(graph: ChainGraph) {
    this.index = new ChainIndex(graph);
    this.homeCountry = graph.homeCountry;
  }

  get assumptions(): Assumption[] {
    return [...this.assumed.values()];
  }

  /** Assumptions about a set of items only (those a report actually used). */
  assumptionsFor(itemIds: ReadonlySet<string>): Assumption[] {
    return this.assumptions.filter((a) => itemIds.has(a.nodeId));
  }

  node(id: string): NodeRecord | undefined {
    return this.index.node(id);
  }

  isItem(id: string): boolean {
    const kind = this.index.node(id)?.kind;
    return kind === 'Product' || kind === 'Part';
  }

  /** The country a node is in: its `country`, else home. */
  countryOf(node: NodeRecord | undefined): string {
    return typeof node?.country === 'string' ? node.country : this.homeCountry;
  }

  originOf(edge: EdgeRecord): string {
    return originCountry(edge, this.index.node(edge.from), this.homeCountry);
  }

  supplyOf(itemId: string): ItemSupply {
    let supply = this.supplies.get(itemId);
    if (!supply) {
      supply = this.computeSupply(itemId);
      this.supplies.set(itemId, supply);
    }
    return supply;
  }

  /** The recipe of one home source of an item (see DOMAIN.md), with value coefficients. */
  recipeOf(itemId: string, source: SupplySource): RecipeLine[] {
    const key = `${itemId}\u0000${source.sourceId ?? '(assembly)'}`;
    let recipe = this.recipes.get(key);
    if (!recipe) {
      recipe = this.computeRecipe(itemId, source);
      this.recipes.set(key, recipe);
    }
    return recipe;
  }

  private computeSupply(itemId: string): ItemSupply {
    const edges = this.index.incomingOf(itemId).filter((e) => isSourceEdgeType(e.type));
    if (edges.length === 0) {
      if (this.index.incomingOf(itemId, 'COMPONENT_OF').length > 0) {
        this.assume('IMPLICIT_ASSEMBLY', itemId, 'no supplier, plant or mine is modelled; its bill of materials is taken as assembled at home');
        return { itemId, sources: [{ edge: null, sourceId: null, weight: 1, origin: this.homeCountry, foreign: false }], directImportShare: 0, origin: false };
      }
      this.assume('ORIGIN', itemId, 'no source and no bill of materials is modelled; counted as home-made');
      return { itemId, sources: [], directImportShare: 0, origin: true };
    }
    const weights = this.weights(itemId, edges);
    const sources = edges.map((edge, i) => {
      const origin = this.originOf(edge);
      return { edge, sourceId: edge.from, weight: weights[i]!, origin, foreign: origin !== this.homeCountry };
    });
    const directImportShare = sources.reduce((sum, s) => sum + (s.foreign ? s.weight : 0), 0);
    return { itemId, sources, directImportShare, origin: false };
  }

  private weights(itemId: string, edges: EdgeRecord[]): number[] {
    if (edges.length === 1) return [1];
    const shares = edges.map((e) => e.share);
    if (shares.every((s) => typeof s === 'number')) {
      const sum = (shares as number[]).reduce((a, b) => a + b, 0);
      if (sum > EPS) {
        if (Math.abs(sum - 1) > 1e-6) this.assume('SHARES_NORMALISED', itemId, `source shares sum to ${round(sum)}; normalised to 1`);
        return (shares as number[]).map((s) => s / sum);
      }
    }
    const volumes = edges.map((e) => (e.type === 'SUPPLIES' ? e.volumePerYear : e.capacityTpy));
    if (volumes.every((v) => typeof v === 'number')) {
      const sum = (volumes as number[]).reduce((a, b) => a + b, 0);
      if (sum > EPS) {
        this.assume('CAPACITY_WEIGHTS', itemId, 'not every source has a share; weighted by capacity and volume');
        return (volumes as number[]).map((v) => v / sum);
      }
      this.assume('ZERO_CAPACITY', itemId, 'every source capacity is 0; weighted equally');
      return edges.map(() => 1 / edges.length);
    }
    this.assume('EQUAL_WEIGHTS', itemId, `neither shares nor capacities for all ${edges.length} sources; weighted equally`);
    return edges.map(() => 1 / edges.length);
  }

  private computeRecipe(itemId: string, source: SupplySource): RecipeLine[] {
    const sourceNode = source.sourceId ? this.index.node(source.sourceId) : undefined;
    if (sourceNode?.kind === 'Mine') return [];
    let lines: EdgeRecord[] = [];
    if (sourceNode?.kind === 'Plant') {
      lines = this.index.incomingOf(sourceNode.id, 'FEEDS').filter((e) => e.output === undefined || e.output === itemId);
    }
    if (lines.length === 0) lines = this.index.incomingOf(itemId, 'COMPONENT_OF');
    if (lines.length === 0) return [];
    return this.coefficients(itemId, lines);
  }

  private coefficients(itemId: string, lines: EdgeRecord[]): RecipeLine[] {
    const itemValue = numeric(this.index.node(itemId)?.unitValueUsd);
    const recipe = lines.map((edge) => {
      const inputId = edge.from;
      if (typeof edge.valueShare === 'number') return { itemId: inputId, edge, coefficient: edge.valueShare };
      const quantity = numeric(edge.type === 'FEEDS' ? edge.quantityPerUnit : edge.quantity);
      const inputValue = numeric(this.index.node(inputId)?.unitValueUsd);
      if (quantity !== null && inputValue !== null && itemValue !== null && itemValue > 0) {
        this.assume('QUANTITY_VALUE_COEFFICIENT', itemId, `value share of ${inputId} taken as quantity × unit value ratio`);
        return { itemId: inputId, edge, coefficient: (quantity * inputValue) / itemValue };
      }
      this.assume('EQUAL_COEFFICIENT', itemId, `no value share, quantity or unit values for ${inputId}; taken as 1/${lines.length} of the value`);
      return { itemId: inputId, edge, coefficient: 1 / lines.length };
    });
    const sum = recipe.reduce((a, r) => a + r.coefficient, 0);
    if (sum > 1 + EPS) {
      this.assume('SCALED_RECIPE', itemId, `input value shares sum to ${round(sum)}; scaled to sum to 1`);
      for (const line of recipe) line.coefficient /= sum;
    }
    return recipe;
  }

  private assume(code: AssumptionCode, nodeId: string, detail: string): void {
    const name = this.index.node(nodeId)?.name ?? nodeId;
    const key = `${code}\u0000${nodeId}\u0000${detail}`;
    if (!this.assumed.has(key)) this.assumed.set(key, { code, nodeId, message: `${name}: ${detail}` });
  }
}

function numeric(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function round(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/**
 * One item's supply from just its own edges: its source edges with their source nodes, and whether
 * it has a bill of materials. What a node field needs, without fetching the item's upstream.
 */
export function supplyOfItem(
  item: NodeRecord,
  sources: readonly { edge: EdgeRecord; node: NodeRecord }[],
  components: readonly EdgeRecord[],
  homeCountry: string,
): ItemSupply {
  const graph = chainGraph([item, ...sources.map((s) => s.node)], [...sources.map((s) => s.edge), ...components], homeCountry);
  return new SupplyModel(graph).supplyOf(item.id);
}
