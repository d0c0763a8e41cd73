import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import type { NodeKind } from '../../model/kinds.js';
import { NodeKindEnum, SortDirection } from '../common/enums.js';
import { ChainNode } from './chain-node.type.js';
import { GraphInfoType, NodeConnectionType, NodeFilterInput, NodeOrderInput, SearchHitType } from './connection.type.js';
import { nodesByIds, pageNodes, requireNode, searchNodes } from '../../services/nodes.js';
import { graphInfo } from '../../services/graph-info.js';

@Resolver()
export class NodeResolver {
  @Query(() => ChainNode, {
    nullable: true,
    description: 'One node by id. An unknown id answers null with a NOT_FOUND error for this field only (with the nearest ids in extensions.suggestions), so the rest of the query still arrives.',
  })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return requireNode(ctx, id);
  }

  @Query(() => [ChainNode], {
    nullable: 'items',
    description:
      'Nodes for a batch of ids, in the order given (at most 500). An unknown id is null at its place with a NOT_FOUND error for that index. (Relay calls this `nodes(ids:)`; here `nodes` is the paginated listing.)',
  })
  nodesByIds(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context) {
    return nodesByIds(ctx, ids);
  }

  @Query(() => NodeConnectionType, { description: 'Nodes of one kind (or all), filtered and ordered, a page at a time (Relay cursors).' })
  nodes(
    @Ctx() ctx: Context,
    @Arg('kind', () => NodeKindEnum, { nullable: true }) kind?: NodeKindEnum,
    @Arg('filter', () => NodeFilterInput, { nullable: true }) filter?: NodeFilterInput,
    @Arg('orderBy', () => NodeOrderInput, { nullable: true }) orderBy?: NodeOrderInput,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return pageNodes(ctx, {
      kind: (kind as NodeKind | undefined) ?? null,
      filter: { ...filter },
      orderField: orderBy?.field ?? 'name',
      descending: orderBy?.direction === SortDirection.DESC,
      first,
      after: after ?? null,
    });
  }

  @Query(() => [SearchHitType], {
    description:
      'Ranked search over names, aliases, operators, categories and HS codes, in English and Persian: typos, plurals and other spellings across scripts are found (Sungoon, «سنگون» → Sungun; Isfahan → Esfahan Steel; car, «خودرو» → the cars; 7601 → the 7601 lines). At most 12 words.',
  })
  search(
    @Arg('text', () => String) text: string,
    @Ctx() ctx: Context,
    @Arg('kind', () => NodeKindEnum, { nullable: true }) kind?: NodeKindEnum,
    @Arg('first', () => Int, { defaultValue: 10 }) first = 10,
  ) {
    return searchNodes(ctx, text, (kind as NodeKind | undefined) ?? null, first);
  }

  @Query(() => GraphInfoType, { description: 'What the graph holds and the limits this server enforces.' })
  graphInfo(@Ctx() ctx: Context) {
    return graphInfo(ctx);
  }
}
