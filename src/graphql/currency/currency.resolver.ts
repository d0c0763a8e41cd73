import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requireRole, type Context } from '../../context.js';
import type { NodeRecord } from '../../model/records.js';
import { ProjectStatusEnum, SectorEnum, StageEnum } from '../common/enums.js';
import type { Sector } from '../../model/categories.js';
import { PartType, ProductType } from '../node/chain-node.type.js';
import { ContentAfterType, ImportBillType, LocalizationImpactType, LocalizationPlanType } from './currency.type.js';
import {
  importBillsReport,
  importContentAfterReport,
  localizationImpactReport,
  localizationPlanReport,
  DEFAULT_BILLS,
  MAX_BILLS,
  MAX_CONTENT_IDS,
} from '../../services/currency.js';
import type { PlanItemEffect } from '../../analytics/currency.js';

@Resolver()
export class CurrencyResolver {
  @Query(() => [ImportBillType], { description: 'Items ranked by import bill (USD a year paid abroad for the item itself): where the foreign currency goes. Unknown bills (no unit value) come last.' })
  importBills(
    @Ctx() ctx: Context,
    @Arg('stage', () => StageEnum, { nullable: true, description: 'Only products of this stage.' }) stage?: StageEnum,
    @Arg('sector', () => SectorEnum, { nullable: true, description: 'Only the products and parts whose category is in this sector.' }) sector?: Sector,
    @Arg('first', () => Int, { nullable: true, description: `How many (default ${DEFAULT_BILLS}, at most ${MAX_BILLS}).` }) first?: number,
  ) {
    requireRole(ctx, 'read');
    return importBillsReport(ctx, { stage, sector, first });
  }

  @Query(() => LocalizationImpactType, { description: 'What a localization project saves in foreign currency a year once finished, alone, net of the imported inputs its home production needs.' })
  localizationImpact(@Arg('projectId', () => ID) projectId: string, @Ctx() ctx: Context) {
    requireRole(ctx, 'read');
    return localizationImpactReport(ctx, projectId);
  }

  @Query(() => LocalizationPlanType, { description: 'Which projects to finish for a budget: highest marginal net saving per remaining dollar first; parallel work shows up as REDUNDANT.' })
  localizationPlan(
    @Arg('budgetUsd', () => Float, { description: 'USD to spend on finishing projects (0 to 1e15).' }) budgetUsd: number,
    @Ctx() ctx: Context,
    @Arg('statuses', () => [ProjectStatusEnum], { nullable: true, description: 'Candidate statuses; default ACTIVE, STALLED and PLANNED.' }) statuses?: ProjectStatusEnum[],
    @Arg('minProgress', () => Float, { nullable: true, description: 'Only projects at least this far along, 0..1 (0.75: past 75 %).' }) minProgress?: number,
  ) {
    requireRole(ctx, 'read');
    return localizationPlanReport(ctx, { budgetUsd, statuses, minProgress });
  }
}

@Resolver(() => LocalizationPlanType)
export class LocalizationPlanFieldsResolver {
  @FieldResolver(() => [ContentAfterType], { description: `Total import content of these items before and after the plan (at most ${MAX_CONTENT_IDS} ids).` })
  importContentAfter(@Root() plan: { effects: PlanItemEffect[] }, @Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context) {
    return importContentAfterReport(ctx, plan.effects, ids);
  }
}

/** importVolume and importBillUsd on Product and Part, each one loader call. */
function itemCurrencyResolver(target: typeof ProductType | typeof PartType) {
  @Resolver(() => target)
  class ItemCurrencyResolver {
    @FieldResolver(() => Float, { nullable: true, description: 'V: units a year bought abroad (DOMAIN.md, Foreign currency): the foreign sources’ volumes, else m × demand.' })
    async importVolume(@Root() node: NodeRecord, @Ctx() ctx: Context) {
      return (await ctx.loaders.importBill.load(node.id))?.importVolume ?? null;
    }

    @FieldResolver(() => Float, { nullable: true, description: 'V × unitValueUsd: USD a year paid abroad for the item itself; null without a unit value.' })
    async importBillUsd(@Root() node: NodeRecord, @Ctx() ctx: Context) {
      return (await ctx.loaders.importBill.load(node.id))?.importBillUsd ?? null;
    }
  }
  return ItemCurrencyResolver;
}

export const ProductCurrencyResolver = itemCurrencyResolver(ProductType);
export const PartCurrencyResolver = itemCurrencyResolver(PartType);
