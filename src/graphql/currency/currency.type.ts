// GraphQL shapes of the foreign-currency answers (DOMAIN.md, Foreign currency: import bills and
// what localization saves). Money is USD a year unless it is a cost; volumes are the item's units.

import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FigureDatesType } from '../organization/organization.type.js';
import { AssumptionType } from '../analytics/analytics.type.js';
import { ChainNode, ProjectType } from '../node/chain-node.type.js';
import type { PlanItemEffect } from '../../analytics/currency.js';

export enum SkipReasonEnum {
  REDUNDANT = 'REDUNDANT',
  OVER_BUDGET = 'OVER_BUDGET',
  NO_BUDGET = 'NO_BUDGET',
  NO_UNIT_VALUE = 'NO_UNIT_VALUE',
  NO_SAVING = 'NO_SAVING',
  NO_IMPORT_VOLUME = 'NO_IMPORT_VOLUME',
}

registerEnumType(SkipReasonEnum, {
  name: 'SkipReason',
  description: 'Why a candidate project is not in a plan.',
  valuesConfig: {
    REDUNDANT: { description: 'Given the projects picked, it would displace nothing: parallel work, in currency.' },
    OVER_BUDGET: { description: 'It would still save, but its remaining cost does not fit in what is left of the budget.' },
    NO_BUDGET: { description: 'No budget is recorded, so its remaining cost is unknown and it cannot be ranked.' },
    NO_UNIT_VALUE: { description: 'None of its items with imports has a unit value, so its saving is unknown.' },
    NO_SAVING: { description: 'It saves nothing even alone: its items have no imports (or their home making imports as much).' },
    NO_IMPORT_VOLUME: { description: 'Its items are imported but no import volume is recorded (no volume on the foreign source edges and no demand to take one from): its saving is unknown, not zero.' },
  },
});

@ObjectType('ForeignOrigin', { description: 'Where an item is bought from.' })
export class ForeignOriginType {
  @Field(() => String, { description: 'ISO alpha-2 origin country.' }) country!: string;
  @Field(() => Float, { description: 'Summed weight of its sources from this country among all the item’s sources (over every country: m).' }) weight!: number;
  @Field(() => Float, { description: 'Units a year from this country.' }) volume!: number;
  @Field(() => Float, { nullable: true, description: 'This country’s part of the import bill: volume × the item’s unit value (the countries’ bills sum to importBillUsd; weight × bill does not, since weight is a share of all sources, home ones too). Null without a unit value.' }) billUsd!: number | null;
}

@ObjectType('ImportBill', { description: 'What is paid abroad for an item itself, a year: V × v. Its inputs’ imports are counted on the inputs.' })
export class ImportBillType {
  @Field(() => ChainNode) item!: ChainNode;
  @Field(() => Float, { description: 'm: the share of the item supplied from abroad.' }) directImportShare!: number;
  @Field(() => Float, { description: 'V: units a year bought abroad: the foreign source edges’ volumes, else m × demand.' }) importVolume!: number;
  @Field(() => Boolean, { description: 'True when V = m × demand because a foreign source has no volume (IMPORT_VOLUME_FROM_DEMAND).' }) volumeFromDemand!: boolean;
  @Field(() => Boolean, { description: 'False when the item is imported but V is unknown: no foreign source has a volume and no demand is recorded (NO_IMPORT_VOLUME). V is then 0, which is not a measurement.' }) volumeKnown!: boolean;
  @Field(() => Float, { nullable: true, description: 'The demand V was taken from, when it was.' }) demand!: number | null;
  @Field(() => Float, { nullable: true }) unitValueUsd!: number | null;
  @Field(() => Float, { nullable: true, description: 'V × v in USD a year; null without a unit value (NO_UNIT_VALUE).' }) importBillUsd!: number | null;
  @Field(() => [ForeignOriginType], { description: 'Largest first.' }) countries!: ForeignOriginType[];
  @Field(() => [AssumptionType]) assumptions!: AssumptionType[];
}

@ObjectType('ItemSaving', { description: 'What finishing a project saves on one item it localizes.' })
export class ItemSavingType {
  @Field(() => ChainNode) item!: ChainNode;
  @Field(() => Float, { description: 'V: the item’s imports, units a year.' }) importVolume!: number;
  @Field(() => Float, { nullable: true }) unitValueUsd!: number | null;
  @Field(() => Float, { nullable: true, description: 'C: units a year the project adds (its LOCALIZES capacityTpy); null: taken to replace all imports.' }) capacityTpy!: number | null;
  @Field(() => Float, { description: 'x = min(C, V) alone; in a plan, min(C, what earlier picks left).' }) displacedVolume!: number;
  @Field(() => Float, { description: 'h: import content of the home production that replaces the imports.' }) homeImportContent!: number;
  @Field(() => Boolean, { description: 'h came from the item’s modelled home recipes (else inputImportShare, else 0).' }) homeRecipe!: boolean;
  @Field(() => Float, { nullable: true, description: 'The LOCALIZES edge’s inputImportShare.' }) inputImportShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'x·v; null without a unit value.' }) grossSavingUsd!: number | null;
  @Field(() => Float, { nullable: true, description: 'x·v·h: the imported inputs the new home production needs.' }) inducedImportsUsd!: number | null;
  @Field(() => Float, { nullable: true, description: 'x·v·(1 − h).' }) netSavingUsd!: number | null;
}

@ObjectType('LocalizationImpact', { description: 'What a project saves in foreign currency when it is finished, alone.' })
export class LocalizationImpactType {
  @Field(() => ProjectType) project!: ProjectType;
  @Field(() => [ItemSavingType]) items!: ItemSavingType[];
  @Field(() => Float) grossSavingUsd!: number;
  @Field(() => Float) inducedImportsUsd!: number;
  @Field(() => Float, { description: 'USD a year, over the items with a unit value.' }) netSavingUsd!: number;
  @Field(() => Boolean, { description: 'False when an item with imports has no unit value: the saving is then a lower bound.' }) complete!: boolean;
  @Field(() => Float, { nullable: true, description: 'budget × (1 − progress); null without a budget.' }) remainingCostUsd!: number | null;
  @Field(() => Float, { nullable: true, description: 'remaining cost / net saving; null without a budget or a saving.' }) paybackYears!: number | null;
  @Field(() => [AssumptionType]) assumptions!: AssumptionType[];
}

@ObjectType('PlanStep', { description: 'A project a plan picks, in the order picked.' })
export class PlanStepType {
  @Field(() => ProjectType) project!: ProjectType;
  @Field(() => Float, { description: 'Its marginal net saving, given the projects picked before it.' }) netSavingUsd!: number;
  @Field(() => Float, { description: 'What it would save alone.' }) standaloneNetSavingUsd!: number;
  @Field(() => Float) remainingCostUsd!: number;
  @Field(() => Float, { nullable: true, description: 'Marginal net saving a year per remaining dollar; null when nothing is left to spend.' }) savingPerUsd!: number | null;
  @Field(() => Float) cumulativeCostUsd!: number;
  @Field(() => Float) cumulativeSavingUsd!: number;
  @Field(() => [ItemSavingType], { description: 'Marginal, item by item.' }) items!: ItemSavingType[];
}

@ObjectType('PlanSkip', { description: 'A candidate a plan leaves out, and why.' })
export class PlanSkipType {
  @Field(() => ProjectType) project!: ProjectType;
  @Field(() => SkipReasonEnum) reason!: SkipReasonEnum;
  @Field(() => Float, { nullable: true, description: 'What it would save alone; null when it cannot be valued.' }) standaloneNetSavingUsd!: number | null;
  @Field(() => Float, { nullable: true, description: 'What it would add to the plan as picked.' }) marginalNetSavingUsd!: number | null;
  @Field(() => Float, { nullable: true }) remainingCostUsd!: number | null;
}

@ObjectType('ContentAfter', { description: 'An item’s total import content t before a plan and t′ after it.' })
export class ContentAfterType {
  @Field(() => ChainNode) item!: ChainNode;
  @Field(() => Float, { description: 't as the graph stands.' }) before!: number;
  @Field(() => Float, { description: 't′ once the plan’s projects are finished.' }) after!: number;
  @Field(() => Float, { description: '1 − t.' }) domesticContentBefore!: number;
  @Field(() => Float, { description: '1 − t′.' }) domesticContentAfter!: number;
}

@ObjectType('PlanTimelineEntry', { description: 'A step of a plan placed in time.' })
export class PlanTimelineEntryType {
  @Field(() => ProjectType) project!: ProjectType;
  @Field(() => String, { nullable: true, description: 'When it is expected to finish; null when the project gives no expectedCompletion.' }) expectedCompletion!: string | null;
  @Field(() => Float, { description: 'Its marginal net saving in the plan.' }) netSavingUsd!: number;
  @Field(() => Float) remainingCostUsd!: number;
  @Field(() => Float, { description: 'Saving a year once it and every entry before it have finished.' }) cumulativeSavingUsd!: number;
  @Field(() => Float) cumulativeCostUsd!: number;
}

@ObjectType('PlanTimeline', { description: 'The plan’s steps in the order their projects are expected to finish, undated ones last.' })
export class PlanTimelineType {
  @Field(() => [PlanTimelineEntryType]) entries!: PlanTimelineEntryType[];
  @Field(() => Int, { description: 'Steps without an expected completion.' }) undated!: number;
  @Field(() => String, { nullable: true, description: 'When the whole saving is reached: the latest expected completion, when every step has one.' }) completeBy!: string | null;
}

@ObjectType('LocalizationPlan', { description: 'The greedy plan for a budget: highest marginal net saving per remaining dollar first.' })
export class LocalizationPlanType {
  @Field(() => Float) budgetUsd!: number;
  @Field(() => Float) spentUsd!: number;
  @Field(() => Float, { description: 'USD a year: the sum of the steps’ marginal savings.' }) totalSavingUsd!: number;
  @Field(() => [PlanStepType]) steps!: PlanStepType[];
  @Field(() => [PlanSkipType]) skipped!: PlanSkipType[];
  @Field(() => Int, { description: 'Projects that met the status and progress filters.' }) candidates!: number;
  @Field(() => [AssumptionType]) assumptions!: AssumptionType[];
  @Field(() => PlanTimelineType, { description: 'The plan laid out in time, by the projects’ expectedCompletion.' }) timeline!: PlanTimelineType;
  @Field(() => FigureDatesType, { description: 'How old the figures the plan was worked out on are.' }) figures!: FigureDatesType;
  /** Not a field: what importContentAfter solves on. */
  effects!: PlanItemEffect[];
}
