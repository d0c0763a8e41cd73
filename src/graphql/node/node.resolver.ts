import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import type { NodeKind } from '../../model/kinds.js';
import { NodeKindEnum, SortDirection } from '../common/enums.js';
import { ChainNode } from './chain-node.type.js';
import { GraphInfoType, NodeConnectionType, NodeFilterInput, NodeOrderInput, SearchHitType } from './connection.type.js';
import { pageNodes, requireNode, searchNodes } from './node.service.js';
import { graphInfo } from './graph-info.service.js';

@Resolver()
export class NodeResolver {
  @Query(() => ChainNode, { description: 'One node by id. An unknown id is a NOT_FOUND error.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return requireNode(ctx, id);
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

  @Query(() => [SearchHitType], { description: 'Ranked search over English and Persian names and aliases («صنايع كوچك» finds «صنایع کوچک»).' })
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
