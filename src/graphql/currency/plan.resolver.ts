import { Arg, Ctx, Float, Int, Query, Resolver } from 'type-graphql';
import { requireRole, type Context } from '../../context.js';
import { localizationScheduleReport, optimalPlanReport } from '../../services/plan.js';
import { ProjectStatusEnum } from '../common/enums.js';
import { LocalizationScheduleType, OptimalPlanType } from './plan.type.js';

@Resolver()
export class PlanResolver {
  @Query(() => OptimalPlanType, { description: 'The best set of projects to finish for a budget (an exact mixed-integer program, HiGHS), beside the greedy localizationPlan and what it does differently. Optionally with a floor on the jobs created.' })
  optimalPlan(
    @Arg('budgetUsd', () => Float, { description: 'USD to spend on finishing projects (0 to 1e15).' }) budgetUsd: number,
    @Ctx() ctx: Context,
    @Arg('minJobs', () => Float, { nullable: true, description: 'At least this many jobs created (Project.jobs); INFEASIBLE when no affordable set reaches it.' }) minJobs?: number,
    @Arg('statuses', () => [ProjectStatusEnum], { nullable: true, description: 'Candidate statuses; default ACTIVE, STALLED and PLANNED.' }) statuses?: ProjectStatusEnum[],
    @Arg('minProgress', () => Float, { nullable: true, description: 'Only projects at least this far along, 0..1.' }) minProgress?: number,
  ) {
    requireRole(ctx, 'read');
    return optimalPlanReport(ctx, { budgetUsd, minJobs, statuses, minProgress });
  }

  @Query(() => LocalizationScheduleType, { description: 'Which projects to fund in which year from yearly budgets (unspent money carries over), maximising the saving over the horizon discounted to startYear.' })
  localizationSchedule(
    @Arg('budgetsUsd', () => [Float], { description: 'USD given each year, the first for startYear.' }) budgetsUsd: number[],
    @Arg('startYear', () => Int) startYear: number,
    @Ctx() ctx: Context,
    @Arg('horizonYears', () => Int, { defaultValue: 10, description: 'Years counted from startYear over which savings count (at least the number of budgets).' }) horizonYears: number,
    @Arg('discountRate', () => Float, { defaultValue: 0, description: 'A year, in [0, 1): each year t’s saving weighs (1 + r)^−t.' }) discountRate: number,
    @Arg('minJobs', () => Float, { nullable: true, description: 'At least this many jobs created over the schedule.' }) minJobs?: number,
  ) {
    requireRole(ctx, 'read');
    return localizationScheduleReport(ctx, { budgetsUsd, startYear, horizonYears, discountRate, minJobs });
  }
}
