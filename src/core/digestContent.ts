import { z } from 'zod';
import type { PostStatus } from '../generated/prisma/client.js';
import type { DigestFacts } from './assistant.js';
import type { Ctx } from './context.js';
import { buildDigestData, type DigestData, type DigestMetricName, type MetricPoint } from './digestData.js';
import { compareValues, type Change } from './digestKpis.js';
import { digestKindSchema, type DigestKind } from './digestRuns.js';
import type { Network } from './networkRules.js';
import { addDays, localDayBounds, localTimeOf } from './time.js';
import { idSchema, parseInput } from './validation.js';

// What a digest says, ready for any platform to render: the core's digest data plus the
// parts only the message needs (today's schedule, the week's totals, the narrative).

export type SchedulePost = { number: number; network: Network; status: PostStatus; localTime: string; copy: string };

export type DailyDigest = {
  kind: 'daily';
  brand: DigestData['brand'];
  /** The local day it is sent on (the digest run's key). Its figures are of `data.localDate`, the day before. */
  localDate: string;
  late: boolean;
  data: DigestData;
  /** Posts going out on the day it is sent. */
  schedule: { count: number; items: SchedulePost[] };
  narrative: string | null;
};

export type WeekFigure = { metric: DigestMetricName; current: number | null; previous: number | null; change: Change | null };

export type WeeklySummary = {
  kind: 'weekly';
  brand: DigestData['brand'];
  /** The Monday it is sent on; the week summed up is the seven days before it. */
  localDate: string;
  late: boolean;
  week: { start: string; end: string };
  data: DigestData;
  metrics: WeekFigure[];
  /** Interactions received in the week, with the shares of each sentiment. */
  interactions: { total: number; negativeShare: number | null; positiveShare: number | null };
  narrative: string | null;
};

export type PreparedDigest = DailyDigest | WeeklySummary;

export const prepareDigestSchema = z.object({
  brandId: idSchema,
  kind: digestKindSchema.default('daily'),
  /** The brand's local date it is sent on. */
  localDate: z.iso.date(),
  late: z.boolean().default(false),
  /** The assistant's paragraph; off for previews that must answer fast. */
  narrate: z.boolean().default(true),
});

const scheduleLimit = 25;

/** Posts scheduled on a local day that may still go out (rejected and expired ones will not). */
async function listDaySchedule(ctx: Ctx, brandId: number, localDate: string, timezone: string): Promise<DailyDigest['schedule']> {
  const day = localDayBounds(localDate, timezone);
  const where = { brandId, scheduledAt: { gte: day.start, lt: day.end }, status: { notIn: ['rejected', 'expired'] as PostStatus[] } };
  const [count, rows] = await Promise.all([
    ctx.db.post.count({ where }),
    ctx.db.post.findMany({ where, orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }], take: scheduleLimit }),
  ]);
  return {
    count,
    items: rows.map((row) => ({ number: row.number, network: row.network, status: row.status, localTime: localTimeOf(row.scheduledAt, timezone), copy: row.copy })),
  };
}

/** The seven values before `end` (exclusive index from the end), oldest first. */
function weekOf(series: MetricPoint[], metric: DigestMetricName, weeksBack: number): (number | null)[] {
  // The series ends with the Monday it is sent on: the week summed up is the 7 days before.
  const end = series.length - 1 - weeksBack * 7;
  return series.slice(Math.max(0, end - 7), end).map((point) => point[metric]);
}

/** Followers are a level (the week's last reading); the other metrics add up over the week. */
function weekValue(values: (number | null)[], metric: DigestMetricName): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  return metric === 'followers' ? (present.at(-1) ?? null) : present.reduce((sum, v) => sum + v, 0);
}

export function summarizeWeek(data: DigestData): WeekFigure[] {
  return data.metrics.deltas.map(({ metric }) => {
    const current = weekValue(weekOf(data.metrics.series, metric, 0), metric);
    const previous = weekValue(weekOf(data.metrics.series, metric, 1), metric);
    return { metric, current, previous, change: compareValues(current, previous) };
  });
}

/** The facts the assistant narrates: what moved, what people said, what is open. */
export function toDigestFacts(digest: { kind: DigestKind; data: DigestData; metrics?: WeekFigure[] }): DigestFacts {
  const { data } = digest;
  const metrics =
    digest.kind === 'weekly'
      ? (digest.metrics ?? []).flatMap((m) => (m.current === null ? [] : [{ metric: m.metric, current: m.current, previous: m.previous }]))
      : data.metrics.deltas.flatMap((d) => (d.today === null ? [] : [{ metric: d.metric, current: d.today, previous: d.yesterday }]));
  const quotes = [data.interactions.quotes.mostNegative, data.interactions.quotes.mostPositive].flatMap((q) =>
    q ? [{ text: q.text.slice(0, 1000), sentiment: q.sentiment, network: q.network }] : [],
  );
  const week = data.interactions.sentimentShift.previous7Days;
  const interactions =
    digest.kind === 'weekly'
      ? { total: week.total, unanswered: data.responseTimes.breaches }
      : { ...data.interactions.bySentiment, total: data.interactions.total, leads: data.leads.count, unanswered: data.responseTimes.breaches };
  return {
    brandName: data.brand.name,
    language: data.brand.language,
    period: digest.kind === 'weekly' ? 'week' : 'day',
    metrics,
    interactions,
    quotes,
    postsPublished: data.posts.scheduled.items.filter((post) => post.status === 'published').length,
    openEscalations: data.escalations.count,
  };
}

/**
 * The assistant's paragraph, when it has something to add: a day without figures or
 * conversations would only be retold as "nothing happened", which the sections already
 * say in one line each. The assistant falls back offline by itself; anything it throws
 * anyway costs the paragraph, never the digest.
 */
async function narrate(ctx: Ctx, facts: DigestFacts): Promise<string | null> {
  const hasNews = (facts.metrics?.length ?? 0) > 0 || (facts.interactions?.total ?? 0) > 0;
  if (!hasNews) return null;
  try {
    const narrative = await ctx.ai.narrateDigest(facts);
    return narrative.text.trim() || null;
  } catch (error) {
    ctx.log.warn({ err: error }, 'digest narrative failed; sending without it');
    return null;
  }
}

/**
 * Everything one digest shows. A daily digest sent on day D reports on day D-1 (a whole
 * day of figures and conversations) and lists what is open now and scheduled on D. A
 * weekly summary sent on Monday sums up the seven days before.
 */
export async function prepareDigest(ctx: Ctx, input: z.input<typeof prepareDigestSchema>): Promise<PreparedDigest> {
  const { brandId, kind, localDate, late, narrate: withNarrative } = parseInput(prepareDigestSchema, input);
  if (kind === 'weekly') {
    // Built for the Monday itself: its "previous 7 days" are exactly the week summed up.
    const data = await buildDigestData(ctx, { brandId, localDate });
    const metrics = summarizeWeek(data);
    const week = data.interactions.sentimentShift.previous7Days;
    const summary: WeeklySummary = {
      kind,
      brand: data.brand,
      localDate,
      late,
      week: { start: addDays(localDate, -7), end: addDays(localDate, -1) },
      data,
      metrics,
      interactions: { total: week.total, negativeShare: week.negativeShare, positiveShare: week.positiveShare },
      narrative: null,
    };
    return { ...summary, narrative: withNarrative ? await narrate(ctx, toDigestFacts(summary)) : null };
  }
  const data = await buildDigestData(ctx, { brandId, localDate: addDays(localDate, -1) });
  const schedule = await listDaySchedule(ctx, brandId, localDate, data.brand.timezone);
  const digest: DailyDigest = { kind, brand: data.brand, localDate, late, data, schedule, narrative: null };
  return { ...digest, narrative: withNarrative ? await narrate(ctx, toDigestFacts(digest)) : null };
}
