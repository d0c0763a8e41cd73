// The fields a selection asks of one object type, collected as graphql-js's execution collects
// them (fragments and type conditions applied, @skip and @include evaluated), so a look-ahead sees
// exactly the fields execution will resolve. graphql-js keeps its own collector internal.

import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  Kind,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

type Variables = GraphQLResolveInfo['variableValues'];

/** Response key → the field nodes merged under it, in query order. */
export function collectSubfields(info: Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>, type: GraphQLObjectType, fieldNodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  for (const node of fieldNodes) if (node.selectionSet) collect(info, type, node.selectionSet, fields, visited);
  return fields;
}

function collect(info: Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>, type: GraphQLObjectType, set: SelectionSetNode, fields: Map<string, FieldNode[]>, visited: Set<string>): void {
  for (const selection of set.selections) {
    if (!included(info.variableValues, selection)) continue;
    switch (selection.kind) {
      case Kind.FIELD: {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
        break;
      }
      case Kind.INLINE_FRAGMENT:
        if (matches(info, selection, type)) collect(info, type, selection.selectionSet, fields, visited);
        break;
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = info.fragments[name];
        if (fragment && matches(info, fragment, type)) collect(info, type, fragment.selectionSet, fields, visited);
        break;
      }
    }
  }
}

function included(variables: Variables, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

function matches(info: Pick<GraphQLResolveInfo, 'schema'>, fragment: FragmentDefinitionNode | InlineFragmentNode, type: GraphQLObjectType): boolean {
  const condition = fragment.typeCondition;
  if (!condition) return true;
  const conditionType = typeFromAST(info.schema, condition);
  if (conditionType === type) return true;
  return conditionType !== undefined && isAbstractType(conditionType) && info.schema.isSubType(conditionType, type);
}
