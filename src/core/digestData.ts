import { z } from 'zod';
import type { Language } from '../i18n/catalog.js';
import { getBrand } from './brands.js';
import type { Ctx } from './context.js';
import { assessGoal, type Change, type GoalProgress, type NetworkName } from './digestKpis.js';
import {
  queryActiveGoals,
  queryDayInteractions,
  queryDayStats,
  queryDigestPosts,
  queryGoalMetricValues,
  queryLeadGoalValues,
  queryMetricSeries,
  queryModeration,
  queryOpenEscalations,
  queryUnansweredBacklog,
  queryWeekSentiment,
  type ActiveGoalRow,
  type DayInteractionRow,
  type DayStatsRow,
  type EscalationRow,
  type InteractionWindow,
  type PostRow,
} from './digestQueries.js';
import {
  digestMetricNames,
  fillSeries,
  measureGoal,
  seriesDays,
  summarizeDeltas,
  summarizeInteractions,
  summarizeModeration,
  summarizePosts,
  withoutList,
} from './digestSummaries.js';
import { addDays, localDayBounds } from './time.js';
import { idSchema, parseInput } from './validation.js';

export const buildDigestDataSchema = z.object({
  brandId: idSchema,
  /** The brand's local calendar day the digest is about. */
  localDate: z.iso.date(),
});

export { digestMetricNames };
export type DigestMetricName = (typeof digestMetricNames)[number];
export type MetricPoint = { date: string } & Record<DigestMetricName, number | null>;
export type MetricDelta = {
  metric: DigestMetricName;
  today: number | null;
  yesterday: number | null;
  /** The same weekday a week earlier. */
  weekAgo: number | null;
  dayOverDay: Change | null;
  weekOverWeek: Change | null;
};

export type SentimentCounts = { positive: number; neutral: number; negative: number };
/** Shares are fractions 0..1; shifts are today's share minus the previous 7 days' share. */
export type SentimentShift = {
  today: { total: number; negativeShare: number | null; positiveShare: number | null };
  previous7Days: { total: number; negativeShare: number | null; positiveShare: number | null };
  negativeShift: number | null;
  positiveShift: number | null;
};
export type DigestInteraction = Omit<DayInteractionRow, 'list'>;
export type DigestPost = Omit<PostRow, 'list' | 'total'> & { localTime: string };

export type DigestData = {
  brand: { id: number; name: string; slug: string; timezone: string; language: Language };
  localDate: string;
  generatedAt: Date;
  /** The UTC instants the local day runs between (23 or 25 hours on DST days). */
  day: { start: Date; end: Date };
  kpis: GoalProgress[];
  metrics: {
    deltas: MetricDelta[];
    /** The 30 local days ending on the digest day, oldest first; null where nothing was recorded. */
    series: MetricPoint[];
  };
  interactions: {
    total: number;
    byNetwork: { network: NetworkName; count: number }[];
    byKind: Record<'comment' | 'dm' | 'mention' | 'review', number>;
    bySentiment: SentimentCounts;
    sentimentShift: SentimentShift;
    quotes: { mostNegative: DigestInteraction | null; mostPositive: DigestInteraction | null };
  };
  responseTimes: {
    /** Of the interactions received that day. */
    answered: number;
    p50Minutes: number | null;
    p90Minutes: number | null;
    byNetwork: { network: NetworkName; answered: number; p50Minutes: number | null; p90Minutes: number | null }[];
    slaMinutes: number;
    /** Received that day and answered after the SLA, or still unanswered past it. */
    lateToday: number;
    /** Unanswered now and older than the SLA, received in the last 7 days (up to now). */
    breaches: number;
    oldestBreachMinutes: number | null;
  };
  leads: { count: number; items: DigestInteraction[] };
  escalations: { count: number; items: (Omit<EscalationRow, 'total'> & { ageMinutes: number })[] };
  posts: {
    pending: { count: number; items: DigestPost[] };
    scheduled: { count: number; items: DigestPost[] };
  };
  moderation: {
    cases: number;
    automodCases: number;
    byAction: { action: string; count: number }[];
    reportsToday: number;
    reportsOpen: number;
  };
};

const listLimits = { leads: 10, escalations: 10, pending: 10, scheduled: 25 };
const trailingDays = 7;
const minuteMs = 60_000;
const dayMs = 86_400_000;
// Unanswered interactions older than this are left to the inbox views, not the digest.
const breachWindowDays = 7;

/**
 * Everything a digest shows for one brand and one local day, as plain data. Two steps:
 * the brand (its time zone bounds the day) and its active goals, then every aggregate at
 * once in parallel. No query loads more than a list's worth of rows, so the cost does not
 * grow with the brand's history (see bench/digest.ts).
 */
export async function buildDigestData(ctx: Ctx, input: z.input<typeof buildDigestDataSchema>): Promise<DigestData> {
  const { brandId, localDate } = parseInput(buildDigestDataSchema, input);
  const [brand, goals] = await Promise.all([getBrand(ctx, brandId), queryActiveGoals(ctx.db, brandId)]);
  const { timezone, slaMinutes } = brand.settings;
  const now = ctx.clock.now();
  const day = localDayBounds(localDate, timezone);
  const window: InteractionWindow = {
    previousStart: localDayBounds(addDays(localDate, -trailingDays), timezone).start,
    trailingStart: localDayBounds(addDays(localDate, 1 - trailingDays), timezone).start,
    dayStart: day.start,
    dayEnd: day.end,
    now,
    slaMinutes,
  };
  const trailingFrom = addDays(localDate, 1 - trailingDays);
  const needs = goalNeeds(goals, trailingFrom);
  const [week, dayStats, dayRows, backlog, series, goalMetrics, leadGoals, escalations, posts, moderation] = await Promise.all([
    queryWeekSentiment(ctx.db, brandId, window),
    queryDayStats(ctx.db, brandId, window),
    queryDayInteractions(ctx.db, brandId, window, listLimits.leads),
    queryUnansweredBacklog(ctx.db, brandId, { since: new Date(now.getTime() - breachWindowDays * dayMs), receivedBefore: new Date(now.getTime() - slaMinutes * minuteMs) }),
    queryMetricSeries(ctx.db, brandId, addDays(localDate, 1 - seriesDays), localDate),
    needs.metricsFrom ? queryGoalMetricValues(ctx.db, brandId, { from: needs.metricsFrom, to: localDate, trailingFrom }) : [],
    needs.leads ? queryLeadGoalValues(ctx.db, brandId, timezone, day.end) : [],
    queryOpenEscalations(ctx.db, brandId, listLimits.escalations),
    queryDigestPosts(ctx.db, brandId, window, listLimits),
    queryModeration(ctx.db, brandId, window),
  ]);
  const points = fillSeries(series, localDate);
  const overall = dayStats.find((row) => row.network === null);
  const byNetwork = dayStats.filter((row): row is DayStatsRow & { network: NetworkName } => row.network !== null && row.kind === null);
  const mix = dayStats.filter((row) => row.kind !== null);
  return {
    brand: { id: brand.id, name: brand.name, slug: brand.slug, timezone, language: brand.settings.language },
    localDate,
    generatedAt: now,
    day,
    kpis: goals.map((goal) => assessGoal(measureGoal(goal, { mix, week, byNetwork, overall, goalMetrics, leadGoals }), localDate)),
    metrics: { deltas: summarizeDeltas(points), series: points },
    interactions: summarizeInteractions(mix, week, dayRows),
    responseTimes: {
      answered: overall?.answered ?? 0,
      p50Minutes: overall?.p50 ?? null,
      p90Minutes: overall?.p90 ?? null,
      byNetwork: byNetwork
        .map((row) => ({ network: row.network, answered: row.answered, p50Minutes: row.p50, p90Minutes: row.p90 }))
        .sort((a, b) => b.answered - a.answered || a.network.localeCompare(b.network)),
      slaMinutes,
      lateToday: overall?.late ?? 0,
      breaches: backlog.count,
      oldestBreachMinutes: backlog.oldest ? Math.floor((now.getTime() - backlog.oldest.getTime()) / minuteMs) : null,
    },
    leads: { count: overall?.leads ?? 0, items: dayRows.filter((row) => row.list === 'lead').map(withoutList) },
    escalations: {
      count: escalations[0]?.total ?? 0,
      items: escalations.map(({ total: _total, ...row }) => ({ ...row, ageMinutes: Math.floor((now.getTime() - row.createdAt.getTime()) / minuteMs) })),
    },
    posts: summarizePosts(posts, timezone),
    moderation: summarizeModeration(moderation),
  };
}

/** Which goal-only queries this brand's goals need, so a brand without them skips the work. */
function goalNeeds(goals: ActiveGoalRow[], trailingFrom: string): { metricsFrom: string | null; leads: boolean } {
  const snapshotGoals = goals.filter((goal) => goal.metric !== 'leads' && goal.metric !== 'response_time' && goal.metric !== 'positive_sentiment');
  return {
    // From the earliest start, and at least the trailing week engagement-rate goals read.
    metricsFrom: snapshotGoals.length === 0 ? null : snapshotGoals.reduce((min, goal) => (goal.startsOn < min ? goal.startsOn : min), trailingFrom),
    leads: goals.some((goal) => goal.metric === 'leads'),
  };
}
