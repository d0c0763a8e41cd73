// A static estimate of what a GraphQL operation will cost, before anything runs: its selection
// depth, its aliases, and a cost where every object field counts 1, list fields multiply what
// they select by how many items they may return (`first`, `maxNodes`, or a default fan-out), and
// the expensive analytics add their known weight once. A 2 KB query nested 50 deep, or a thousand
// aliased walks, is refused here instead of taking the process down.

import {
  getArgumentValues,
  getVariableValues,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface QueryShape {
  depth: number;
  aliases: number;
  cost: number;
}

export interface CostSettings {
  /** Items a list field is assumed to return when nothing in the query bounds it. */
  defaultFanOut: number;
  /** The walks' maxNodes and maxDepth when the query leaves them out. */
  defaultWalkNodes: number;
  defaultWalkDepth: number;
  /** Fixed weights of expensive fields, by "Type.field". */
  weights: Readonly<Record<string, number>>;
}

/** What the analytics cost beyond their answers' size: each solves over a subgraph or the whole graph. */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  'Query.importContent': 200,
  'Query.importReliantLinks': 200,
  'Query.valueFlows': 200,
  'Query.chokepoints': 2_000,
  'Query.disruption': 5_000,
  'Query.chainBalance': 1_000,
  'Query.parallelWork': 500,
  'Query.search': 50,
  'Query.exportGraph': 5_000,
  'Query.cypher': 2_000,
  'Query.importBills': 1_000,
  'Query.localizationImpact': 300,
  'Query.localizationPlan': 2_000,
  'LocalizationPlan.importContentAfter': 500,
  'Mutation.importGraph': 1_000,
  'Query.holdings': 300,
  'Query.organizationChokepoints': 3_000,
  'Query.staleFigures': 1_000,
  // Paid per walked node (a walk multiplies what it selects by its size): one lookup of the
  // organisations behind the walked nodes, about the cost of the walk itself.
  'DependencyGraph.organizations': 10,
  'Query.datasets': 20,
  'Mutation.removeDataset': 2_000,
};

/** Arguments that bound how many items a field returns. */
const SIZE_ARGUMENTS = ['first', 'last'] as const;
/** Fields whose list size comes from maxNodes (default: the server's cap). */
const WALK_FIELDS = new Set(['Query.upstream', 'Query.downstream']);

export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Readonly<Record<string, unknown>>,
  settings: CostSettings,
): QueryShape {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { depth: 0, aliases: 0, cost: 0 };
  const walker = new Walker(schema, fragments, valuesExecutionWillUse(schema, operation, variables), settings);
  return walker.selection(operation.selectionSet, root, 1, false);
}

/**
 * The variables as execution will see them: sent values coerced, and a variable left out takes its
 * default. Pricing the raw request instead let `($f: Int! = 500)` pass as an unbounded list of 5.
 * When they do not coerce, execution refuses the request anyway; the raw values are priced then.
 */
function valuesExecutionWillUse(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables as Record<string, unknown>, { maxErrors: 1 });
  return result.coerced ?? variables;
}

class Walker {
  /**
   * Shapes already measured, by selection set, parent type and sizing, with depth taken relative
   * to where the set starts (a shape is the same wherever it sits, shifted). A fragment spread
   * many times, each spreading the last twice, is measured once per level, not 2^levels times.
   */
  private readonly measured = new WeakMap<SelectionSetNode, Map<string, QueryShape>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly settings: CostSettings,
  ) {}

  selection(set: SelectionSetNode, parent: GraphQLNamedType, depth: number, sized: boolean): QueryShape {
    const key = `${parent.name}|${sized}`;
    let byKey = this.measured.get(set);
    const known = byKey?.get(key);
    if (known) return { depth: depth + known.depth, aliases: known.aliases, cost: known.cost };
    const shape = this.measure(set, parent, depth, sized);
    if (!byKey) this.measured.set(set, (byKey = new Map()));
    byKey.set(key, { depth: shape.depth - depth, aliases: shape.aliases, cost: shape.cost });
    return shape;
  }

  /** Fields selected directly add up; fragments on different types are alternatives: the dearest counts. */
  private measure(set: SelectionSetNode, parent: GraphQLNamedType, depth: number, sized: boolean): QueryShape {
    const direct: QueryShape = { depth, aliases: 0, cost: 0 };
    const byType = new Map<string, QueryShape>();
    const add = (into: QueryShape, part: QueryShape) => {
      into.depth = Math.max(into.depth, part.depth);
      into.aliases += part.aliases;
      into.cost += part.cost;
    };
    for (const node of set.selections) {
      if (node.kind === Kind.FIELD) {
        add(direct, this.field(node, parent, depth, sized));
      } else {
        const fragment = node.kind === Kind.INLINE_FRAGMENT ? node : this.fragments[node.name.value];
        if (!fragment) continue;
        const typeName = fragment.typeCondition?.name.value ?? parent.name;
        const type = this.schema.getType(typeName) ?? parent;
        const part = this.selection(fragment.selectionSet, type, depth, sized);
        const sum = byType.get(typeName) ?? { depth, aliases: 0, cost: 0 };
        add(sum, part);
        byType.set(typeName, sum);
      }
    }
    const alternatives = [...byType.entries()];
    // A fragment on the parent's own type always applies; others exclude each other.
    for (const [name, part] of alternatives.filter(([n]) => n === parent.name)) {
      add(direct, part);
      byType.delete(name);
    }
    let dearest: QueryShape = { depth, aliases: 0, cost: 0 };
    for (const part of byType.values()) {
      if (part.cost > dearest.cost) dearest = { ...part, aliases: dearest.aliases };
      dearest.depth = Math.max(dearest.depth, part.depth);
      dearest.aliases = Math.max(dearest.aliases, part.aliases);
    }
    add(direct, dearest);
    return direct;
  }

  private field(node: FieldNode, parent: GraphQLNamedType, depth: number, sized: boolean): QueryShape {
    const name = node.name.value;
    const aliases = node.alias ? 1 : 0;
    // Introspection is governed by its own switch (ZANJIR_INTROSPECTION), not by the cost model.
    if (name.startsWith('__')) return { depth, aliases, cost: 0 };
    if (!isObjectType(parent) && !isInterfaceType(parent)) return { depth, aliases, cost: 0 };
    const def = parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
    if (!def) return { depth, aliases, cost: 0 };
    const type = getNamedType(def.type);
    const isList = isListType(getNullableType(def.type));
    const key = `${parent.name}.${name}`;
    const size = this.sizeOf(def, node, key);
    const child = node.selectionSet
      ? this.selection(node.selectionSet, type, depth + 1, size !== null)
      : { depth, aliases: 0, cost: 0 };
    const base = isLeafType(type) ? 0 : 1;
    const multiplier = size ?? (isList ? (sized ? 1 : this.settings.defaultFanOut) : 1);
    // An analytic's weight is paid once, for its solve; its answer's items count like any list's.
    const weight = this.settings.weights[key] ?? 0;
    return { depth: child.depth, aliases: aliases + child.aliases, cost: weight + multiplier * (base + child.cost) };
  }

  /** How many items a field may return, when an argument (or the walk's default) says so. */
  private sizeOf(def: GraphQLField<unknown, unknown>, node: FieldNode, key: string): number | null {
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(def, node, this.variables as Record<string, unknown>);
    } catch {
      return null;
    }
    if (WALK_FIELDS.has(key)) {
      // A walk returns at most maxNodes, and about fan-out^depth nodes before that.
      const maxNodes = typeof args.maxNodes === 'number' ? args.maxNodes : this.settings.defaultWalkNodes;
      const depth = typeof args.maxDepth === 'number' ? args.maxDepth : this.settings.defaultWalkDepth;
      return Math.max(1, Math.min(maxNodes, this.settings.defaultFanOut ** Math.max(0, depth)));
    }
    // A lookup by ids returns one item per id.
    if (Array.isArray(args.ids)) return Math.max(1, args.ids.length);
    for (const name of SIZE_ARGUMENTS) {
      const value = args[name];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.max(1, value);
    }
    return null;
  }
}
