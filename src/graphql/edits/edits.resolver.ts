// Edits with a trail (editor): upsert and delete nodes and edges one at a time, undo a change, and
// read the change log. Records are given as in a zanjir/1 document and checked the same way.

import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireRole, type Context } from '../../context.js';
import { Edits } from '../../io/edits.js';
import { EdgeTypeEnum } from '../common/enums.js';
import { JSONScalar } from '../common/scalars.js';

@ObjectType('Change', { description: 'One entry of the change log: who changed what, when, and the record before and after.' })
export class ChangeType {
  @Field(() => ID) changeId!: string;
  @Field(() => String, { description: 'When, as an ISO date-time.' }) at!: string;
  @Field(() => String, { description: 'Who: an API key’s id and name, a JWT subject, or anonymous.' }) actor!: string;
  @Field(() => String, { description: 'UPSERT_NODE, DELETE_NODE, UPSERT_EDGE, DELETE_EDGE, UNDO, IMPORT or RESET.' }) op!: string;
  @Field(() => String, { description: 'NODE, EDGE or GRAPH.' }) targetKind!: string;
  @Field(() => String, { description: 'The node id, or the edge as "from -TYPE-> to".' }) targetId!: string;
  @Field(() => [ID]) nodeIds!: string[];
  @Field(() => JSONScalar, { nullable: true, description: 'The record before the change (a deleted node with its edges); null when there was none or it was purged.' }) before!: unknown;
  @Field(() => JSONScalar, { nullable: true }) after!: unknown;
  @Field(() => String) summary!: string;
  @Field(() => ID, { nullable: true, description: 'The change this one undid.' }) undoes!: string | null;
  @Field(() => ID, { nullable: true, description: 'The change that undid this one.' }) undoneBy!: string | null;
}

@ObjectType('NodeEdit')
export class NodeEditType {
  @Field(() => JSONScalar, { description: 'The node as it now stands, in zanjir/1 form.' }) node!: unknown;
  @Field(() => ChangeType) change!: ChangeType;
}

@ObjectType('EdgeEdit')
export class EdgeEditType {
  @Field(() => JSONScalar, { description: 'The edge as it now stands, in zanjir/1 form.' }) edge!: unknown;
  @Field(() => ChangeType) change!: ChangeType;
}

const asGraphQL = <T extends { before: string | null; after: string | null }>(change: T) => ({
  ...change,
  before: change.before === null ? null : JSON.parse(change.before),
  after: change.after === null ? null : JSON.parse(change.after),
});

@Resolver()
export class EditsResolver {
  @Mutation(() => NodeEditType, { description: 'Creates a node, or merges the given properties into it (editor). `unset` removes optional properties. Checked like an import record; logged.' })
  async upsertNode(@Arg('node', () => JSONScalar) node: unknown, @Ctx() ctx: Context, @Arg('unset', () => [String], { nullable: true }) unset?: string[]) {
    requireRole(ctx, 'edit');
    const r = await new Edits(ctx.executor).upsertNode(ctx.principal.subject, node, unset ?? []);
    return { node: r.node, change: asGraphQL(r.change) };
  }

  @Mutation(() => EdgeEditType, { description: 'Creates an edge, or merges the given properties into it (editor). Its ends must exist, of the kinds its type joins.' })
  async upsertEdge(@Arg('edge', () => JSONScalar) edge: unknown, @Ctx() ctx: Context, @Arg('unset', () => [String], { nullable: true }) unset?: string[]) {
    requireRole(ctx, 'edit');
    const r = await new Edits(ctx.executor).upsertEdge(ctx.principal.subject, edge, unset ?? []);
    return { edge: r.edge, change: asGraphQL(r.change) };
  }

  @Mutation(() => ChangeType, { description: 'Deletes a node and its edges (editor). Soft by default: the log keeps them and undoChange restores them; purge: true keeps nothing.' })
  async deleteNode(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Arg('purge', () => Boolean, { nullable: true, defaultValue: false }) purge?: boolean) {
    requireRole(ctx, 'edit');
    return asGraphQL(await new Edits(ctx.executor).deleteNode(ctx.principal.subject, id, purge ?? false));
  }

  @Mutation(() => ChangeType, { description: 'Deletes one edge (editor), named by type, from, to and (FEEDS) output. Soft by default, like deleteNode.' })
  async deleteEdge(
    @Arg('type', () => EdgeTypeEnum) type: EdgeTypeEnum,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Ctx() ctx: Context,
    @Arg('output', () => ID, { nullable: true }) output?: string,
    @Arg('purge', () => Boolean, { nullable: true, defaultValue: false }) purge?: boolean,
  ) {
    requireRole(ctx, 'edit');
    return asGraphQL(await new Edits(ctx.executor).deleteEdge(ctx.principal.subject, { type, from, to, output: output ?? null }, purge ?? false));
  }

  @Mutation(() => ChangeType, { description: 'Undoes one change (editor), if the graph still holds what it left; otherwise CONFLICT names what changed since.' })
  async undoChange(@Arg('changeId', () => ID) changeId: string, @Ctx() ctx: Context) {
    requireRole(ctx, 'edit');
    return asGraphQL(await new Edits(ctx.executor).undo(ctx.principal.subject, changeId));
  }

  @Query(() => [ChangeType], { description: 'The change log, newest first: since an ISO date-time, and/or touching one node.' })
  async changes(
    @Ctx() ctx: Context,
    @Arg('since', () => String, { nullable: true }) since?: string,
    @Arg('nodeId', () => ID, { nullable: true }) nodeId?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
  ) {
    requireRole(ctx, 'read');
    return (await new Edits(ctx.executor).list({ since, nodeId, first })).map(asGraphQL);
  }
}
