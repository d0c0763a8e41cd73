import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { DependencyGraphType } from './dependency-graph.type.js';
import { walk, type WalkResult } from '../../services/walk.js';

/** Node records are read lazily: a query asking only ids, kinds, names and depths costs no database read. */
function toGraph(ctx: Context, result: WalkResult) {
  const load = (id: string) => ctx.loaders.node.load(id);
  return {
    ...result,
    get root() {
      return result.root ?? load(result.rootId);
    },
    nodes: result.nodes.map(({ id, kind, name, depth }) => ({
      id,
      kind,
      name,
      depth,
      get nameFa() {
        return load(id).then((n) => n?.nameFa ?? '');
      },
      get node() {
        return load(id);
      },
    })),
  };
}

@Resolver()
export class WalkResolver {
  @Query(() => DependencyGraphType, { description: 'What a node depends on: every node with a chain path to it, up to maxDepth hops.' })
  async upstream(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('maxDepth', () => Int, { nullable: true, description: 'Hops to walk; defaults to ZANJIR_DEFAULT_DEPTH, capped by ZANJIR_MAX_DEPTH.' }) maxDepth?: number,
    @Arg('maxNodes', () => Int, { nullable: true, description: 'Most nodes to return (root included); the answer says truncated when cut.' }) maxNodes?: number,
  ) {
    return toGraph(ctx, await walk(ctx, { id, direction: 'upstream', maxDepth, maxNodes }));
  }

  @Query(() => DependencyGraphType, { description: 'What depends on a node: everything it reaches along the chain, up to maxDepth hops.' })
  async downstream(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('maxDepth', () => Int, { nullable: true }) maxDepth?: number,
    @Arg('maxNodes', () => Int, { nullable: true }) maxNodes?: number,
  ) {
    return toGraph(ctx, await walk(ctx, { id, direction: 'downstream', maxDepth, maxNodes }));
  }
}
