import { z } from 'zod';
import type { Goal } from '../generated/prisma/client.js';
import { recordAudit } from './audit.js';
import { getBrand, requirePermission } from './brands.js';
import { calendarDateSchema, daysBetween, earlierDate } from './calendarDate.js';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { goalMetricSchema, lowerIsBetterMetrics, percentMetrics, periodTotalMetrics, readGoalValue, type GoalMetricName } from './goalValues.js';
import { networkSchema, type NetworkName } from './metrics.js';
import { dateOnly, formatDateOnly, localDateOf } from './time.js';
import { idSchema, parseInput } from './validation.js';

export { goalMetricSchema, type GoalMetricName } from './goalValues.js';

export type GoalHealth = 'on_track' | 'at_risk' | 'off_track';

export type GoalProgressInput = {
  metric: GoalMetricName;
  target: number;
  /** Where the goal started from; null when nothing could be measured at set time. */
  baseline: number | null;
  current: number | null;
  startsOn: string;
  deadline: string | null;
  /** Today in the brand's time zone. */
  today: string;
};

export type GoalProgress = {
  current: number | null;
  /** How far from baseline to target, in percent; above 100 when beaten, negative when going backwards. */
  percent: number | null;
  achieved: boolean;
  /** Change per day still needed to meet the target by the deadline (negative for lower-is-better). */
  requiredDailyPace: number | null;
  /** Change per day since the goal started. */
  actualDailyPace: number | null;
  daysElapsed: number;
  /** Days left including today and the deadline; 0 once it has passed; null without a deadline. */
  daysLeft: number | null;
  status: GoalHealth;
};

/**
 * Status thresholds, as the ratio of actual to required daily pace:
 * - on_track: at least 0.9 — within 10% of the pace needed, since daily numbers are noisy;
 * - at_risk: 0.6 up to 0.9 — recoverable with a push;
 * - off_track: below 0.6, moving away from the target, or the deadline passed unmet.
 * A met target is on track. Without a deadline there is no required pace: moving towards
 * the target is on track, standing still at risk, moving away off track. On the first day
 * (no pace yet) a goal is on track; later, with nothing to measure, it is at risk.
 */
const ON_TRACK_PACE_RATIO = 0.9;
const AT_RISK_PACE_RATIO = 0.6;

/** Pure: progress of one goal from its numbers and today's date. */
export function computeGoalProgress(input: GoalProgressInput): GoalProgress {
  const direction = lowerIsBetterMetrics.has(input.metric) ? -1 : 1;
  const { current, baseline: start, target } = input;
  const asOf = input.deadline ? earlierDate(input.today, input.deadline) : input.today;
  const daysElapsed = Math.max(0, daysBetween(input.startsOn, asOf));
  const daysLeft = input.deadline === null ? null : Math.max(0, daysBetween(input.today, input.deadline) + 1);
  const achieved = current !== null && direction * (current - target) >= 0;

  let percent: number | null = achieved ? 100 : null;
  if (current !== null && start !== null) {
    const gap = direction * (target - start);
    // A baseline already past the target leaves no distance to measure: met or not.
    percent = gap > 0 ? ((direction * (current - start)) / gap) * 100 : achieved ? 100 : 0;
  }
  const actualDailyPace = current !== null && start !== null && daysElapsed > 0 ? (current - start) / daysElapsed : null;
  const requiredDailyPace = current !== null && daysLeft ? (achieved ? 0 : (target - current) / daysLeft) : null;

  const status = ((): GoalHealth => {
    if (achieved) return 'on_track';
    if (input.deadline !== null && input.today > input.deadline) return 'off_track';
    if (daysElapsed === 0) return 'on_track';
    if (actualDailyPace === null) return 'at_risk';
    if (requiredDailyPace === null) {
      const towards = direction * actualDailyPace;
      return towards > 0 ? 'on_track' : towards === 0 ? 'at_risk' : 'off_track';
    }
    const ratio = actualDailyPace / requiredDailyPace;
    return ratio >= ON_TRACK_PACE_RATIO ? 'on_track' : ratio >= AT_RISK_PACE_RATIO ? 'at_risk' : 'off_track';
  })();

  return { current, percent, achieved, requiredDailyPace, actualDailyPace, daysElapsed, daysLeft, status };
}

export type GoalView = {
  id: number;
  brandId: number;
  network: NetworkName | null;
  metric: GoalMetricName;
  target: number;
  baseline: number | null;
  startsOn: string;
  deadline: string | null;
  status: 'active' | 'archived';
  lowerIsBetter: boolean;
  createdById: number | null;
  archivedAt: Date | null;
  progress: GoalProgress;
};

async function buildGoalView(ctx: Ctx, goal: Goal, timezone: string): Promise<GoalView> {
  const now = ctx.clock.now();
  const today = localDateOf(now, timezone);
  const startsOn = formatDateOnly(goal.startsOn);
  const deadline = goal.deadline ? formatDateOnly(goal.deadline) : null;
  const asOf = deadline ? earlierDate(today, deadline) : today;
  const current = await readGoalValue(ctx, { brandId: goal.brandId, network: goal.network, metric: goal.metric, startsOn, asOf, timezone, now });
  return {
    id: goal.id,
    brandId: goal.brandId,
    network: goal.network,
    metric: goal.metric,
    target: goal.target,
    baseline: goal.baseline,
    startsOn,
    deadline,
    status: goal.status,
    lowerIsBetter: lowerIsBetterMetrics.has(goal.metric),
    createdById: goal.createdById,
    archivedAt: goal.archivedAt,
    progress: computeGoalProgress({ metric: goal.metric, target: goal.target, baseline: goal.baseline, current, startsOn, deadline, today }),
  };
}

export const setGoalSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  metric: goalMetricSchema,
  /** In the metric's unit: a count, a percentage, or minutes for response_time. */
  target: z.number().finite(),
  /** Omitted: every network together. */
  network: networkSchema.optional(),
  deadline: calendarDateSchema.optional(),
});

/** Sets a goal starting today, measuring where the metric stands now as its baseline. */
export async function setGoal(ctx: Ctx, input: z.input<typeof setGoalSchema>): Promise<GoalView> {
  const data = parseInput(setGoalSchema, input);
  if (data.target <= 0) throw new UserError('goal.targetNotPositive', { target: data.target });
  if (percentMetrics.has(data.metric) && data.target > 100) throw new UserError('goal.percentOver100', { metric: data.metric, target: data.target });
  await requirePermission(ctx, data.brandId, data.actorId, 'goal.manage');
  const brand = await getBrand(ctx, data.brandId);
  const now = ctx.clock.now();
  const today = localDateOf(now, brand.settings.timezone);
  if (data.deadline !== undefined && data.deadline < today) throw new UserError('goal.deadlineInPast', { deadline: data.deadline, today });

  const network = data.network ?? null;
  const baseline = periodTotalMetrics.has(data.metric)
    ? 0
    : await readGoalValue(ctx, { brandId: data.brandId, network, metric: data.metric, startsOn: today, asOf: today, timezone: brand.settings.timezone, now });
  const goal = await ctx.db.$transaction(async (tx) => {
    const created = await tx.goal.create({
      data: {
        brandId: data.brandId,
        network,
        metric: data.metric,
        target: data.target,
        baseline,
        startsOn: dateOnly(today),
        deadline: data.deadline ? dateOnly(data.deadline) : null,
        createdById: data.actorId,
      },
    });
    await recordAudit(tx, {
      brandId: data.brandId,
      actorId: data.actorId,
      action: 'goal.set',
      subjectType: 'goal',
      subjectId: created.id,
      after: { metric: data.metric, network, target: data.target, baseline, startsOn: today, deadline: data.deadline ?? null },
    });
    return created;
  });
  return buildGoalView(ctx, goal, brand.settings.timezone);
}

export const listGoalsSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  includeArchived: z.boolean().default(false),
});

/** The brand's goals with their progress today, active first, oldest first. */
export async function listGoals(ctx: Ctx, input: z.input<typeof listGoalsSchema>): Promise<GoalView[]> {
  const data = parseInput(listGoalsSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'brand.view');
  const brand = await getBrand(ctx, data.brandId);
  const goals = await ctx.db.goal.findMany({
    where: { brandId: data.brandId, ...(data.includeArchived ? {} : { status: 'active' }) },
    orderBy: [{ status: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  return Promise.all(goals.map((goal) => buildGoalView(ctx, goal, brand.settings.timezone)));
}

export const archiveGoalSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  goalId: idSchema,
});

/** Archived goals leave the digest and the list but stay on record. */
export async function archiveGoal(ctx: Ctx, input: z.input<typeof archiveGoalSchema>): Promise<GoalView> {
  const data = parseInput(archiveGoalSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'goal.manage');
  const brand = await getBrand(ctx, data.brandId);
  const goal = await ctx.db.$transaction(async (tx) => {
    // Scoped by brand: a goal id from another brand is "not found", not archivable.
    const found = await tx.goal.findFirst({ where: { id: data.goalId, brandId: data.brandId } });
    if (!found) throw new UserError('goal.notFound', { goal: data.goalId });
    // Conditional update: of two archive clicks at once, one wins and the other is told.
    const updated = await tx.goal.updateMany({ where: { id: found.id, status: 'active' }, data: { status: 'archived', archivedAt: ctx.clock.now() } });
    if (updated.count === 0) throw new UserError('goal.alreadyArchived', { goal: data.goalId });
    await recordAudit(tx, {
      brandId: data.brandId,
      actorId: data.actorId,
      action: 'goal.archived',
      subjectType: 'goal',
      subjectId: found.id,
      before: { status: found.status },
      after: { status: 'archived' },
    });
    return tx.goal.findUniqueOrThrow({ where: { id: found.id } });
  });
  return buildGoalView(ctx, goal, brand.settings.timezone);
}
