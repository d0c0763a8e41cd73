// Enforces the document limits on every operation once it is parsed and validated, before any
// resolver runs: selection depth, aliases and estimated cost (query-cost.ts). Lexical tokens are
// limited by the parser itself (parseOptions.maxTokens in server.ts). Each refusal names the
// limit, its value and what the query asked.

import type { ApolloServerPlugin } from '@apollo/server';
import type { FragmentDefinitionNode } from 'graphql';
import type { Config } from '../../config.js';
import { QueryTooComplexError } from '../../errors/index.js';
import { FIELD_WEIGHTS, measureOperation } from './query-cost.js';

/** Items an unbounded list is assumed to hold: about what a chain node has of suppliers or inputs. */
export const DEFAULT_FAN_OUT = 5;

export function costSettings(limits: Pick<Config['limits'], 'maxNodes' | 'defaultDepth' | 'maxDepth'>) {
  return { defaultFanOut: DEFAULT_FAN_OUT, defaultWalkNodes: limits.maxNodes, defaultWalkDepth: Math.min(limits.defaultDepth, limits.maxDepth), weights: FIELD_WEIGHTS };
}

export function queryLimitsPlugin<T extends object>(limits: Config['limits']): ApolloServerPlugin<T> {
  const settings = costSettings(limits);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === 'FragmentDefinition') fragments[d.name.value] = d;
          const shape = measureOperation(schema, operation, fragments, request.variables ?? {}, settings);
          if (shape.depth > limits.maxQueryDepth) {
            throw new QueryTooComplexError('selection depth', shape.depth, limits.maxQueryDepth, 'Nest fewer levels; walk the chain with upstream/downstream instead of nesting suppliers in suppliers (ZANJIR_MAX_QUERY_DEPTH).');
          }
          if (shape.aliases > limits.maxAliases) {
            throw new QueryTooComplexError('number of aliases', shape.aliases, limits.maxAliases, 'Send fewer aliased fields per request (ZANJIR_MAX_ALIASES).');
          }
          if (shape.cost > limits.maxCost) {
            throw new QueryTooComplexError(
              'estimated cost',
              Math.ceil(shape.cost),
              limits.maxCost,
              `Lists count by their first/maxNodes (or ${DEFAULT_FAN_OUT} when unbounded), walks by the nodes they may return, analytics by their weight; ask for fewer items, fields or aliases (ZANJIR_MAX_COST).`,
            );
          }
        },
      };
    },
  };
}
