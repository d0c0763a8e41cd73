import { Arg, Ctx, Float, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { FlowDetailEnum, NodeKindEnum, SectorEnum, StageEnum } from '../common/enums.js';
import type { Sector } from '../../model/categories.js';
import type { NodeKind } from '../../model/kinds.js';
import {
  BalanceRowType,
  ChokepointType,
  DisruptionInput,
  DisruptionType,
  ImportContentType,
  ImportReliantLinkType,
  ParallelWorkType,
  ValueFlowsType,
} from './analytics.type.js';
import {
  chainBalanceReport,
  chokepointsReport,
  disruptionReport,
  importContentReport,
  importReliantLinksReport,
  parallelWorkReport,
  valueFlowsReport,
} from '../../services/analytics.js';

@Resolver()
export class AnalyticsResolver {
  @Query(() => ImportContentType, { description: 'How much of an item’s value is imported, through every tier (DOMAIN.md, Import reliance).' })
  importContent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return importContentReport(ctx, id);
  }

  @Query(() => ValueFlowsType, { description: 'Where the value of one unit of an item comes from, as a Sankey: what /view/flows draws.' })
  valueFlows(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('minShare', () => Float, { nullable: true, description: 'Nodes carrying less than this share of the item’s value are gathered into “other” nodes (default 0.02; 0 draws everything).' }) minShare?: number,
    @Arg('detail', () => FlowDetailEnum, { nullable: true, description: 'ITEMS (default) or SITES.' }) detail?: FlowDetailEnum,
  ) {
    return valueFlowsReport(ctx, id, minShare, detail as unknown as 'items' | 'sites' | undefined);
  }

  @Query(() => [ImportReliantLinkType], { description: 'Items upstream of X with a direct import share of at least threshold (default 0.5) or only foreign sources, largest contribution first.' })
  importReliantLinks(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Arg('threshold', () => Float, { nullable: true }) threshold?: number) {
    return importReliantLinksReport(ctx, id, threshold);
  }

  @Query(() => DisruptionType, { description: 'What share of each item’s supply is lost if the named nodes, countries or all imports stop.' })
  async disruption(@Arg('scenario', () => DisruptionInput) scenario: DisruptionInput, @Ctx() ctx: Context) {
    const r = await disruptionReport(ctx, scenario);
    // Records only for what the query selects: a loss's item, a removed source, through the request's loader.
    const load = (id: string) => ctx.loaders.node.load(id);
    const withItem = (l: { itemId: string; loss: number }) => ({ ...l, get item() { return load(l.itemId); } });
    return {
      ...r,
      get losses() { return r.losses.map(withItem); },
      get finishedGoodsHit() { return r.finishedGoodsHit.map(withItem); },
      get removedSources() { return r.removedSourceIds.map(load); },
      get removedGroups() { return r.removedGroupIds.map(load); },
      get sanctioned() { return r.sanctioned.map((x) => ({ get node() { return load(x.nodeId); }, reason: x.reason })); },
    };
  }

  @Query(() => [ChokepointType], { description: 'Upstream nodes whose removal alone costs X at least minImpact (default 1) of its supply.' })
  chokepoints(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('minImpact', () => Float, { nullable: true }) minImpact?: number,
    @Arg('kinds', () => [NodeKindEnum], { nullable: true, description: 'Only these kinds, e.g. [SUPPLIER, PLANT, MINE] to leave out the items themselves.' }) kinds?: NodeKindEnum[],
  ) {
    return chokepointsReport(ctx, id, minImpact, kinds as unknown as NodeKind[] | undefined);
  }

  @Query(() => [BalanceRowType], { description: 'Home capacity against demand per item: the given ids, or every item of a stage, or all items.' })
  chainBalance(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID], { nullable: true }) ids?: string[],
    @Arg('stage', () => StageEnum, { nullable: true }) stage?: StageEnum,
    @Arg('sector', () => SectorEnum, { nullable: true, description: 'Only the products and parts whose category is in this sector (with stage: both).' }) sector?: Sector,
  ) {
    return chainBalanceReport(ctx, ids, stage, sector);
  }

  @Query(() => [ParallelWorkType], { description: 'Items localized by two or more active or planned projects of different owners.' })
  parallelWork(@Ctx() ctx: Context) {
    return parallelWorkReport(ctx);
  }
}
