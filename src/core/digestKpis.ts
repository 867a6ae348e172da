import { z } from 'zod';
import { GoalMetric, Network } from '../generated/prisma/client.js';

export const goalMetricSchema = z.enum(GoalMetric);
export type GoalMetricName = z.infer<typeof goalMetricSchema>;
export const networkSchema = z.enum(Network);
export type NetworkName = z.infer<typeof networkSchema>;

/**
 * How a goal's metric adds up over time, which decides what "current value" means:
 * - level: a stock read on the day (followers);
 * - flow: a count summed from the goal's start through the day (reach, leads...);
 * - rate: a ratio. Engagement rate (%) and positive share (%) are read over the trailing
 *   7 days, so one quiet day does not swing them; they come from sums the digest reads
 *   anyway. Response time (median minutes) is read over the digest day: a week's median
 *   needs every answer of the week sorted, the one figure that does not fit the digest's
 *   budget at 1M interactions (and the digest shows the same day's median beside it).
 */
export type MetricKind = 'level' | 'flow' | 'rate';

export const goalMetricKind: Record<GoalMetricName, MetricKind> = {
  followers: 'level',
  reach: 'flow',
  impressions: 'flow',
  engagements: 'flow',
  clicks: 'flow',
  shares: 'flow',
  leads: 'flow',
  engagement_rate: 'rate',
  response_time: 'rate',
  positive_sentiment: 'rate',
};

export function isLowerBetter(metric: GoalMetricName): boolean {
  return metric === 'response_time';
}

/** What was measured for one goal as of the digest day; the input of `assessGoal`. */
export const goalFactsSchema = z.object({
  goalId: z.number().int(),
  metric: goalMetricSchema,
  network: networkSchema.nullable(),
  target: z.number(),
  baseline: z.number().nullable(),
  startsOn: z.iso.date(),
  deadline: z.iso.date().nullable(),
  /** Measured value on the digest day; null when nothing was recorded. */
  current: z.number().nullable(),
  /** Measured value when the goal started, for level metrics without a baseline. */
  measuredAtStart: z.number().nullable(),
});
export type GoalFacts = z.infer<typeof goalFactsSchema>;

export type GoalStatus = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'not_started' | 'no_data';

export type GoalProgress = {
  goalId: number;
  metric: GoalMetricName;
  network: NetworkName | null;
  target: number;
  current: number | null;
  /** Where progress is measured from: 0 for flows, the baseline (or first reading) otherwise. */
  start: number | null;
  startsOn: string;
  deadline: string | null;
  lowerIsBetter: boolean;
  /** current / target as a percentage (target / current for lower-is-better): 100 = met. */
  percentOfTarget: number | null;
  /** Share of the way from start to target (0..1, may exceed 1); what a progress bar shows. */
  progress: number | null;
  /** Change per day so far, and the change per day still needed to meet the deadline. */
  pace: { actualPerDay: number | null; requiredPerDay: number | null };
  /** Days after the digest day up to the deadline (0 on the deadline). */
  daysLeft: number | null;
  status: GoalStatus;
};

// Behind the straight line from start to target by more than this share → off track.
const atRiskRatio = 0.8;
// A rate goal without a baseline has no line to follow: within 10% of target is "at risk".
const nearTargetRatio = 0.1;

const dayMs = 86_400_000;

/** Whole days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

function startValue(facts: GoalFacts): number | null {
  const kind = goalMetricKind[facts.metric];
  if (kind === 'flow') return 0;
  if (kind === 'level') return facts.baseline ?? facts.measuredAtStart;
  return facts.baseline;
}

function percentOf(current: number, target: number, lowerIsBetter: boolean): number | null {
  if (lowerIsBetter) return current <= 0 ? 100 : (target / current) * 100;
  return target === 0 ? null : (current / target) * 100;
}

function decideStatus(
  facts: GoalFacts,
  localDate: string,
  figures: { achieved: boolean; progress: number | null; elapsedDays: number; totalDays: number | null },
): GoalStatus {
  const { current } = facts;
  if (current === null) return 'no_data';
  if (figures.elapsedDays <= 0) return 'not_started';
  if (figures.achieved) return 'achieved';
  if (facts.deadline && localDate > facts.deadline) return 'off_track';
  if (figures.progress === null) {
    const gap = Math.abs(current - facts.target) / Math.max(Math.abs(facts.target), Number.EPSILON);
    return gap <= nearTargetRatio ? 'at_risk' : 'off_track';
  }
  if (figures.totalDays === null) return figures.progress > 0 ? 'on_track' : 'at_risk';
  const expected = Math.min(1, figures.elapsedDays / figures.totalDays);
  const ratio = figures.progress / expected;
  if (ratio >= 1) return 'on_track';
  return ratio >= atRiskRatio ? 'at_risk' : 'off_track';
}

/**
 * Progress of one goal on `localDate`: how far along, at what pace, and whether the
 * straight line from start (starts_on) to target (deadline) is being kept.
 */
export function assessGoal(facts: GoalFacts, localDate: string): GoalProgress {
  const lowerIsBetter = isLowerBetter(facts.metric);
  const start = startValue(facts);
  const { current, target } = facts;
  const elapsedDays = daysBetween(facts.startsOn, localDate) + 1;
  const totalDays = facts.deadline ? daysBetween(facts.startsOn, facts.deadline) + 1 : null;
  const daysLeft = facts.deadline ? Math.max(0, daysBetween(localDate, facts.deadline)) : null;
  const achieved = current !== null && (lowerIsBetter ? current <= target : current >= target);
  const progress = current !== null && start !== null && target !== start ? (current - start) / (target - start) : null;
  const actualPerDay = current !== null && start !== null && elapsedDays > 0 ? (current - start) / elapsedDays : null;
  const requiredPerDay = achieved ? 0 : current !== null && daysLeft ? (target - current) / daysLeft : null;
  return {
    goalId: facts.goalId,
    metric: facts.metric,
    network: facts.network,
    target,
    current,
    start,
    startsOn: facts.startsOn,
    deadline: facts.deadline,
    lowerIsBetter,
    percentOfTarget: current === null ? null : percentOf(current, target, lowerIsBetter),
    progress,
    pace: { actualPerDay, requiredPerDay },
    daysLeft,
    status: decideStatus(facts, localDate, { achieved, progress, elapsedDays, totalDays }),
  };
}

export type Change = { absolute: number; percent: number | null };

/** The change from `previous` to `current`; percent is null when there is no base to divide by. */
export function compareValues(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  const absolute = current - previous;
  return { absolute, percent: previous === 0 ? null : (absolute / previous) * 100 };
}
