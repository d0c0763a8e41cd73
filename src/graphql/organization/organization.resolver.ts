import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requireRole, type Context } from '../../context.js';
import { DependencyGraphType } from '../walk/dependency-graph.type.js';
import { BackerType, HoldingsType, OrganizationChokepointType, StaleFiguresType } from './organization.type.js';
import { holdingsReport, organizationChokepointsReport, organizationsBehind, staleFiguresReport } from '../../services/organization.js';

@Resolver()
export class OrganizationResolver {
  @Query(() => HoldingsType, { description: 'What an organisation holds through ownership chains (cycle-safe, effective shares multiplied along each chain), the sites it and its holdings operate, and the suppliers they are.' })
  holdings(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('maxDepth', () => Int, { nullable: true, description: 'OWNS hops to follow (default 6, at most 12).' }) maxDepth?: number,
  ) {
    requireRole(ctx, 'read');
    return holdingsReport(ctx, id, maxDepth);
  }

  @Query(() => [OrganizationChokepointType], { description: 'Organisations whose sites and supplier identities, stopped together, cost the item at least minImpact (default 1): “which companies would stop it”.' })
  organizationChokepoints(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Arg('minImpact', () => Float, { nullable: true }) minImpact?: number) {
    requireRole(ctx, 'read');
    return organizationChokepointsReport(ctx, id, minImpact);
  }

  @Query(() => StaleFiguresType, { description: 'Nodes and edges whose figures (capacities, volumes, shares, progress, budgets, values) are dated before this year minus olderThan years, oldest first.' })
  staleFigures(
    @Ctx() ctx: Context,
    @Arg('olderThan', () => Int, { nullable: true, description: 'Age in years (default 3).' }) olderThan?: number,
    @Arg('undated', () => Boolean, { nullable: true, description: 'Also list records with figures and no asOf (after the dated ones).' }) undated?: boolean,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (default 100, at most 1,000).' }) first?: number,
  ) {
    requireRole(ctx, 'read');
    return staleFiguresReport(ctx, olderThan, { undated, first });
  }
}

@Resolver(() => DependencyGraphType)
export class DependencyOrganizationsResolver {
  @FieldResolver(() => [BackerType], { description: 'The walk rolled up to organisations: who operates, owns or is the walked nodes, and who controls those, most nodes first.' })
  organizations(@Root() graph: { nodes: { id: string }[] }, @Ctx() ctx: Context) {
    return organizationsBehind(ctx, graph.nodes.map((n) => n.id), (id) => ctx.loaders.node.load(id));
  }
}
