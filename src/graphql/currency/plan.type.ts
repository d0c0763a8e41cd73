// GraphQL shapes of the best plan for a budget and the schedule over yearly budgets (DOMAIN.md,
// "The best plan, and a schedule over yearly budgets"). Money is USD a year unless it is a cost.

import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AssumptionType } from '../analytics/analytics.type.js';
import { ChainNode, ProjectType } from '../node/chain-node.type.js';

export enum SolverStatusEnum {
  OPTIMAL = 'OPTIMAL',
  TIME_LIMIT = 'TIME_LIMIT',
  INFEASIBLE = 'INFEASIBLE',
}

registerEnumType(SolverStatusEnum, {
  name: 'SolverStatus',
  description: 'What the MILP solver (HiGHS) proved.',
  valuesConfig: {
    OPTIMAL: { description: 'Proved the best: no plan within the constraints saves more.' },
    TIME_LIMIT: { description: 'Out of time: the best plan found so far, with mipGap saying how far from proved it may be.' },
    INFEASIBLE: { description: 'No plan meets the constraints (a jobs floor above what any affordable set reaches).' },
  },
});

export enum OptimalSkipReasonEnum {
  NOT_CHOSEN = 'NOT_CHOSEN',
  NO_BUDGET = 'NO_BUDGET',
  NO_UNIT_VALUE = 'NO_UNIT_VALUE',
  NO_SAVING = 'NO_SAVING',
}

registerEnumType(OptimalSkipReasonEnum, {
  name: 'OptimalSkipReason',
  description: 'Why a candidate project is not in the best plan or the schedule.',
  valuesConfig: {
    NOT_CHOSEN: { description: 'It could be valued, but the best set within the budget leaves it out.' },
    NO_BUDGET: { description: 'No budget is recorded, so its remaining cost is unknown.' },
    NO_UNIT_VALUE: { description: 'None of its items with imports has a unit value, so its saving is unknown.' },
    NO_SAVING: { description: 'It saves nothing even alone: its items have no imports (or their home making imports as much).' },
  },
});

@ObjectType('OptimalPlanItem', { description: 'What a project of the best plan displaces on one item.' })
export class OptimalPlanItemType {
  @Field(() => ChainNode) item!: ChainNode;
  @Field(() => Float, { description: 'Units a year of the item’s imports it replaces, sharing the item with the plan’s other projects.' }) displacedVolume!: number;
  @Field(() => Float, { description: 'displacedVolume × v × (1 − h).' }) netSavingUsd!: number;
}

@ObjectType('OptimalPlanProject', { description: 'A project the best plan funds.' })
export class OptimalPlanProjectType {
  @Field(() => ProjectType) project!: ProjectType;
  @Field(() => Float, { description: 'Its net saving in the plan, a year, once finished.' }) netSavingUsd!: number;
  @Field(() => Float, { description: 'budget × (1 − progress).' }) remainingCostUsd!: number;
  @Field(() => Float, { description: 'Over all its items.' }) displacedVolume!: number;
  @Field(() => Float, { nullable: true, description: 'Jobs it creates; null when the project gives none.' }) jobs!: number | null;
  @Field(() => [OptimalPlanItemType]) items!: OptimalPlanItemType[];
}

@ObjectType('OptimalPlanSkip', { description: 'A candidate the best plan (or the schedule) leaves out, and why.' })
export class OptimalPlanSkipType {
  @Field(() => ProjectType) project!: ProjectType;
  @Field(() => OptimalSkipReasonEnum) reason!: OptimalSkipReasonEnum;
}

@ObjectType('PlanDifference', { description: 'A project one plan funds and the other does not: the best plan against the greedy one.' })
export class PlanDifferenceType {
  @Field(() => ProjectType) project!: ProjectType;
  @Field(() => Boolean, { description: 'True: in the best plan and not the greedy one; false: the reverse.' }) inOptimal!: boolean;
  @Field(() => String, { description: 'Why, in one line, e.g. "skipped so that B and C fit: +$70 M a year".' }) explanation!: string;
}

@ObjectType('OptimalPlan', { description: 'The best set of projects for a budget, solved exactly as a mixed-integer program, beside the greedy plan.' })
export class OptimalPlanType {
  @Field(() => SolverStatusEnum) status!: SolverStatusEnum;
  @Field(() => Float) budgetUsd!: number;
  @Field(() => Float, { description: 'USD a year once every picked project is finished.' }) netSavingUsd!: number;
  @Field(() => Float) spentUsd!: number;
  @Field(() => Float, { description: 'Jobs the picked projects create.' }) jobs!: number;
  @Field(() => Float, { description: 'What localizationPlan (the greedy order) saves for the same budget and filters.' }) greedyNetSavingUsd!: number;
  @Field(() => Float, { description: 'netSavingUsd − greedyNetSavingUsd (0 when INFEASIBLE).' }) gainOverGreedyUsd!: number;
  @Field(() => Float, { nullable: true, description: 'Relative gap between the plan and the solver’s bound: 0 when OPTIMAL; null when no plan was found.' }) mipGap!: number | null;
  @Field(() => Float, { description: 'Seconds HiGHS took.' }) solveSeconds!: number;
  @Field(() => [OptimalPlanProjectType]) projects!: OptimalPlanProjectType[];
  @Field(() => [OptimalPlanSkipType]) skipped!: OptimalPlanSkipType[];
  @Field(() => [PlanDifferenceType], { description: 'One line per project where the best and the greedy plan differ, saying why.' }) differences!: PlanDifferenceType[];
  @Field(() => [AssumptionType]) assumptions!: AssumptionType[];
}

@ObjectType('ScheduleYear', { description: 'One year of a schedule.' })
export class ScheduleYearType {
  @Field(() => Int) year!: number;
  @Field(() => Float, { description: 'Given this year plus what earlier years left unspent.' }) availableUsd!: number;
  @Field(() => Float) spentUsd!: number;
  @Field(() => Float, { description: 'The saving a year from the projects funded before this year.' }) savingUsd!: number;
  @Field(() => Float, { description: 'Jobs of the projects funded this year.' }) jobs!: number;
}

@ObjectType('ScheduledProject', { description: 'A project a schedule funds, and when.' })
export class ScheduledProjectType {
  @Field(() => ProjectType) project!: ProjectType;
  @Field(() => Int, { description: 'The year it is funded (it pays its whole remaining cost then and saves from the next year).' }) year!: number;
  @Field(() => Float) netSavingUsd!: number;
  @Field(() => Float) remainingCostUsd!: number;
}

@ObjectType('LocalizationSchedule', { description: 'Which projects to fund in which year from yearly budgets, money carried over, the discounted saving over the horizon maximised.' })
export class LocalizationScheduleType {
  @Field(() => SolverStatusEnum) status!: SolverStatusEnum;
  @Field(() => Float, { description: 'The saving over the horizon, each year discounted to startYear.' }) objectiveUsd!: number;
  @Field(() => Float, { nullable: true, description: 'As on OptimalPlan.' }) mipGap!: number | null;
  @Field(() => Float, { description: 'Seconds HiGHS took.' }) solveSeconds!: number;
  @Field(() => [ScheduleYearType], { description: 'Every year of the horizon, from startYear.' }) years!: ScheduleYearType[];
  @Field(() => [ScheduledProjectType], { description: 'By year, then id.' }) projects!: ScheduledProjectType[];
  @Field(() => [OptimalPlanSkipType]) skipped!: OptimalPlanSkipType[];
  @Field(() => [AssumptionType]) assumptions!: AssumptionType[];
}
