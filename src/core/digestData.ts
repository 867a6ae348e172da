import { z } from 'zod';
import type { Language } from '../i18n/catalog.js';
import { getBrand } from './brands.js';
import type { Ctx } from './context.js';
import { assessGoal, compareValues, goalMetricKind, type Change, type GoalFacts, type GoalProgress, type NetworkName } from './digestKpis.js';
import {
  queryActiveGoals,
  queryDayInteractions,
  queryDayResponses,
  queryDigestPosts,
  queryGoalMetricValues,
  queryInteractionMix,
  queryLeadGoalValues,
  queryMetricSeries,
  queryModeration,
  queryOpenEscalations,
  queryUnansweredBacklog,
  type ActiveGoalRow,
  type DayInteractionRow,
  type DayResponseRow,
  type EscalationRow,
  type GoalMetricRow,
  type InteractionMixRow,
  type InteractionWindow,
  type MetricPointRow,
  type ModerationRow,
  type PostRow,
} from './digestQueries.js';
import { addDays, localDayBounds, localTimeOf } from './time.js';
import { idSchema, parseInput } from './validation.js';

export const buildDigestDataSchema = z.object({
  brandId: idSchema,
  /** The brand's local calendar day the digest is about. */
  localDate: z.iso.date(),
});

export const digestMetricNames = ['followers', 'reach', 'impressions', 'engagements', 'clicks'] as const;
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
const seriesDays = 30;
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
  const [mix, dayResponses, dayRows, backlog, series, goalMetrics, leadGoals, escalations, posts, moderation] = await Promise.all([
    queryInteractionMix(ctx.db, brandId, window),
    queryDayResponses(ctx.db, brandId, window),
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
  const overall = dayResponses.find((row) => row.network === null);
  return {
    brand: { id: brand.id, name: brand.name, slug: brand.slug, timezone, language: brand.settings.language },
    localDate,
    generatedAt: now,
    day,
    kpis: goals.map((goal) => assessGoal(measureGoal(goal, { mix, dayResponses, goalMetrics, leadGoals }), localDate)),
    metrics: { deltas: summarizeDeltas(points), series: points },
    interactions: summarizeInteractions(mix, dayRows),
    responseTimes: {
      answered: overall?.answered ?? 0,
      p50Minutes: overall?.p50 ?? null,
      p90Minutes: overall?.p90 ?? null,
      byNetwork: dayResponses
        .flatMap((row) => (row.network ? [{ network: row.network, answered: row.answered, p50Minutes: row.p50, p90Minutes: row.p90 }] : []))
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

type GoalInputs = {
  mix: InteractionMixRow[];
  dayResponses: DayResponseRow[];
  goalMetrics: GoalMetricRow[];
  leadGoals: { id: number; value: number }[];
};

/** The measured value of one goal's metric, from whichever aggregate holds it. */
function measureGoal(goal: ActiveGoalRow, inputs: GoalInputs): GoalFacts {
  const facts: GoalFacts = {
    goalId: goal.id,
    metric: goal.metric,
    network: goal.network,
    target: goal.target,
    baseline: goal.baseline,
    startsOn: goal.startsOn,
    deadline: goal.deadline,
    current: null,
    measuredAtStart: null,
  };
  const snapshot = inputs.goalMetrics.find((row) => row.id === goal.id);
  switch (goal.metric) {
    case 'followers':
      return { ...facts, current: snapshot?.followersNow ?? null, measuredAtStart: snapshot?.followersAtStart ?? null };
    case 'engagement_rate': {
      const impressions = snapshot?.impressions7 ?? 0;
      return { ...facts, current: impressions > 0 ? ((snapshot?.engagements7 ?? 0) / impressions) * 100 : null };
    }
    case 'leads':
      return { ...facts, current: inputs.leadGoals.find((row) => row.id === goal.id)?.value ?? 0 };
    case 'response_time':
      return { ...facts, current: inputs.dayResponses.find((row) => row.network === goal.network)?.p50 ?? null };
    case 'positive_sentiment': {
      const trailing = inputs.mix.filter((row) => row.span !== 'oldest' && (goal.network === null || row.network === goal.network));
      const total = sumCounts(trailing);
      return { ...facts, current: total > 0 ? (sumCounts(trailing.filter((row) => row.sentiment === 'positive')) / total) * 100 : null };
    }
    default:
      if (goalMetricKind[goal.metric] !== 'flow') throw new Error(`no measure for goal metric ${goal.metric}`);
      return { ...facts, current: snapshot?.flow ?? 0 };
  }
}

function fillSeries(rows: MetricPointRow[], localDate: string): MetricPoint[] {
  const byDate = new Map(rows.map((row) => [row.date, row]));
  return Array.from({ length: seriesDays }, (_, index) => {
    const date = addDays(localDate, index + 1 - seriesDays);
    const row = byDate.get(date);
    return {
      date,
      followers: row?.followers ?? null,
      reach: row?.reach ?? null,
      impressions: row?.impressions ?? null,
      engagements: row?.engagements ?? null,
      clicks: row?.clicks ?? null,
    };
  });
}

function summarizeDeltas(points: MetricPoint[]): MetricDelta[] {
  const today = points.at(-1);
  const yesterday = points.at(-2);
  const weekAgo = points.at(-8);
  return digestMetricNames.map((metric) => {
    const values = { today: today?.[metric] ?? null, yesterday: yesterday?.[metric] ?? null, weekAgo: weekAgo?.[metric] ?? null };
    return {
      metric,
      ...values,
      dayOverDay: compareValues(values.today, values.yesterday),
      weekOverWeek: compareValues(values.today, values.weekAgo),
    };
  });
}

function share(part: number, total: number): number | null {
  return total > 0 ? part / total : null;
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

function withoutList({ list: _list, ...row }: DayInteractionRow): DigestInteraction {
  return row;
}

function sumCounts(rows: InteractionMixRow[]): number {
  return rows.reduce((sum, row) => sum + row.count, 0);
}

function countSentiments(rows: InteractionMixRow[]): SentimentCounts {
  const counts: SentimentCounts = { positive: 0, neutral: 0, negative: 0 };
  for (const row of rows) counts[row.sentiment] += row.count;
  return counts;
}

function summarizeInteractions(mix: InteractionMixRow[], dayRows: DayInteractionRow[]): DigestData['interactions'] {
  const today = mix.filter((row) => row.span === 'today');
  const previous = mix.filter((row) => row.span !== 'today');
  const byKind = { comment: 0, dm: 0, mention: 0, review: 0 };
  const networks = new Map<NetworkName, number>();
  for (const row of today) {
    byKind[row.kind] += row.count;
    networks.set(row.network, (networks.get(row.network) ?? 0) + row.count);
  }
  const byNetwork = [...networks].map(([network, count]) => ({ network, count })).sort((a, b) => b.count - a.count || a.network.localeCompare(b.network));
  const bySentiment = countSentiments(today);
  const before = countSentiments(previous);
  const total = sumCounts(today);
  const previousTotal = sumCounts(previous);
  const todayShares = { total, negativeShare: share(bySentiment.negative, total), positiveShare: share(bySentiment.positive, total) };
  const previousShares = { total: previousTotal, negativeShare: share(before.negative, previousTotal), positiveShare: share(before.positive, previousTotal) };
  const quote = (list: DayInteractionRow['list']) => {
    const row = dayRows.find((r) => r.list === list);
    return row ? withoutList(row) : null;
  };
  return {
    total,
    byNetwork,
    byKind,
    bySentiment,
    sentimentShift: {
      today: todayShares,
      previous7Days: previousShares,
      negativeShift: difference(todayShares.negativeShare, previousShares.negativeShare),
      positiveShift: difference(todayShares.positiveShare, previousShares.positiveShare),
    },
    quotes: { mostNegative: quote('negative'), mostPositive: quote('positive') },
  };
}

function summarizePosts(rows: PostRow[], timezone: string): DigestData['posts'] {
  const pick = (list: PostRow['list']) => {
    const items = rows.filter((row) => row.list === list);
    return {
      count: items[0]?.total ?? 0,
      items: items.map(({ list: _list, total: _total, ...post }) => ({ ...post, localTime: localTimeOf(post.scheduledAt, timezone) })),
    };
  };
  return { pending: pick('pending'), scheduled: pick('scheduled') };
}

function summarizeModeration(rows: ModerationRow[]): DigestData['moderation'] {
  const byAction = new Map<string, number>();
  let cases = 0;
  let automodCases = 0;
  for (const row of rows) {
    if (row.row !== 'case' || !row.action) continue;
    cases += row.count;
    if (row.source === 'automod') automodCases += row.count;
    byAction.set(row.action, (byAction.get(row.action) ?? 0) + row.count);
  }
  const reports = rows.find((row) => row.row === 'reports');
  return {
    cases,
    automodCases,
    byAction: [...byAction].map(([action, count]) => ({ action, count })).sort((a, b) => b.count - a.count || a.action.localeCompare(b.action)),
    reportsToday: reports?.count ?? 0,
    reportsOpen: reports?.open ?? 0,
  };
}
