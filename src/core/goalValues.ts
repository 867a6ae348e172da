import { z } from 'zod';
import { Prisma } from '../generated/prisma/client.js';
import { GoalMetric } from '../generated/prisma/enums.js';
import type { Ctx } from './context.js';
import { dateOnly, localDayBounds } from './time.js';
import type { NetworkName } from './metrics.js';

export const goalMetricSchema = z.enum(GoalMetric);
export type GoalMetricName = z.infer<typeof goalMetricSchema>;

/**
 * Metrics that add up over the goal's period: they start from zero on the goal's first
 * day, so their baseline is 0 by definition. The others are levels (followers, a rate, a
 * median), whose baseline is the value measured when the goal was set.
 */
export const periodTotalMetrics: ReadonlySet<GoalMetricName> = new Set(['reach', 'impressions', 'engagements', 'clicks', 'shares', 'leads']);

/** Lower is better: a response time goes down towards its target. */
export const lowerIsBetterMetrics: ReadonlySet<GoalMetricName> = new Set(['response_time']);

/** Measured as a percentage, so a target above 100 cannot be met. */
export const percentMetrics: ReadonlySet<GoalMetricName> = new Set(['engagement_rate', 'positive_sentiment']);

/** Response time and sentiment describe the team's recent work, not the whole period. */
const RECENT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type GoalValueQuery = {
  brandId: number;
  /** null: every network together */
  network: NetworkName | null;
  metric: GoalMetricName;
  /** First day of the goal's period, YYYY-MM-DD in the brand's time zone. */
  startsOn: string;
  /** Last day counted: today, or the deadline once it has passed. */
  asOf: string;
  timezone: string;
  now: Date;
};

type Window = { brandId: number; network: NetworkName | null; from: Date; until: Date };

/** The metric's value for a goal, or null when nothing has been recorded to measure it. */
export async function readGoalValue(ctx: Ctx, query: GoalValueQuery): Promise<number | null> {
  const dayEnd = localDayBounds(query.asOf, query.timezone).end;
  const until = query.now < dayEnd ? query.now : dayEnd;
  const period: Window = { brandId: query.brandId, network: query.network, from: localDayBounds(query.startsOn, query.timezone).start, until };
  const recent: Window = { ...period, from: new Date(until.getTime() - RECENT_WINDOW_MS) };
  switch (query.metric) {
    case 'followers':
      return readLatestFollowers(ctx, query.brandId, query.network, query.asOf);
    case 'reach':
    case 'impressions':
    case 'engagements':
    case 'clicks':
    case 'shares':
      // A period total with nothing recorded is zero so far, not unknown.
      return (await sumSnapshots(ctx, query))[query.metric] ?? 0;
    case 'engagement_rate': {
      const sums = await sumSnapshots(ctx, query);
      return sums.impressions ? ((sums.engagements ?? 0) / sums.impressions) * 100 : null;
    }
    case 'leads':
      return countLeads(ctx, period);
    case 'response_time':
      return readMedianResponseMinutes(ctx, recent);
    case 'positive_sentiment':
      return readPositivePercent(ctx, recent);
  }
}

/** Each network's most recent follower count on or before `asOf`, added up. */
async function readLatestFollowers(ctx: Ctx, brandId: number, network: NetworkName | null, asOf: string): Promise<number | null> {
  const networkFilter = network ? Prisma.sql`AND network = ${network}::network` : Prisma.empty;
  const rows = await ctx.db.$queryRaw<{ followers: number }[]>`
    SELECT DISTINCT ON (network) followers
    FROM metric_snapshots
    WHERE brand_id = ${brandId} AND followers IS NOT NULL AND date <= ${asOf}::date ${networkFilter}
    ORDER BY network, date DESC`;
  return rows.length ? rows.reduce((sum, row) => sum + Number(row.followers), 0) : null;
}

async function sumSnapshots(ctx: Ctx, query: GoalValueQuery) {
  const result = await ctx.db.metricSnapshot.aggregate({
    where: { brandId: query.brandId, date: { gte: dateOnly(query.startsOn), lte: dateOnly(query.asOf) }, ...(query.network ? { network: query.network } : {}) },
    _sum: { reach: true, impressions: true, engagements: true, clicks: true, shares: true },
  });
  return result._sum;
}

function interactionWhere(window: Window) {
  return { brandId: window.brandId, ...(window.network ? { network: window.network } : {}) };
}

async function countLeads(ctx: Ctx, window: Window): Promise<number> {
  return ctx.db.interaction.count({
    where: { ...interactionWhere(window), leadStage: { not: null }, receivedAt: { gte: window.from, lt: window.until } },
  });
}

async function readMedianResponseMinutes(ctx: Ctx, window: Window): Promise<number | null> {
  const networkFilter = window.network ? Prisma.sql`AND network = ${window.network}::network` : Prisma.empty;
  const rows = await ctx.db.$queryRaw<{ median: number | null }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (EXTRACT(EPOCH FROM responded_at - received_at) / 60)::float8) AS median
    FROM interactions
    WHERE brand_id = ${window.brandId} AND responded_at >= ${window.from} AND responded_at < ${window.until} ${networkFilter}`;
  const median = rows[0]?.median;
  return median === null || median === undefined ? null : Number(median);
}

async function readPositivePercent(ctx: Ctx, window: Window): Promise<number | null> {
  const groups = await ctx.db.interaction.groupBy({
    by: ['sentiment'],
    where: { ...interactionWhere(window), receivedAt: { gte: window.from, lt: window.until } },
    _count: { _all: true },
  });
  const total = groups.reduce((sum, group) => sum + group._count._all, 0);
  const positive = groups.find((group) => group.sentiment === 'positive')?._count._all ?? 0;
  return total ? (positive / total) * 100 : null;
}
