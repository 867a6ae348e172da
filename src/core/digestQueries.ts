import { z } from 'zod';
import type { Db } from '../db/prismaClient.js';
import { EscalationStatus, InteractionKind, LeadStage, ModerationAction, CaseSource, PostStatus, Sentiment, Severity } from '../generated/prisma/client.js';
import { goalMetricSchema, networkSchema } from './digestKpis.js';

// The digest's queries. Each is one aggregate over an indexed range of one brand's rows
// (the day, the week before it, a goal's span of daily snapshots), so the cost follows a
// week's traffic, not the brand's history, and no query returns more than a list's worth
// of rows. Raw rows are checked by zod: $queryRaw's type parameter is only a cast. Counts
// are cast to int and sums to float8 in SQL so they arrive as numbers, not bigint/Decimal.

const kindSchema = z.enum(InteractionKind);
const sentimentSchema = z.enum(Sentiment);
const leadStageSchema = z.enum(LeadStage);
const count = z.number().int();
const nullableNumber = z.number().nullable();

export const activeGoalRowSchema = z.object({
  id: count,
  network: networkSchema.nullable(),
  metric: goalMetricSchema,
  target: z.number(),
  baseline: nullableNumber,
  startsOn: z.string(),
  deadline: z.string().nullable(),
});
export type ActiveGoalRow = z.infer<typeof activeGoalRowSchema>;

export async function queryActiveGoals(db: Db, brandId: number): Promise<ActiveGoalRow[]> {
  const rows = await db.$queryRaw`
    SELECT id, network::text AS network, metric::text AS metric, target, baseline,
           to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(deadline, 'YYYY-MM-DD') AS deadline
    FROM goals WHERE brand_id = ${brandId}::int AND status = 'active' ORDER BY id`;
  return z.array(activeGoalRowSchema).parse(rows);
}

const metricPointRowSchema = z.object({
  date: z.string(),
  followers: nullableNumber,
  reach: nullableNumber,
  impressions: nullableNumber,
  engagements: nullableNumber,
  clicks: nullableNumber,
});
export type MetricPointRow = z.infer<typeof metricPointRowSchema>;

/** Daily totals over all networks, for the chart and the day/week deltas. */
export async function queryMetricSeries(db: Db, brandId: number, from: string, to: string): Promise<MetricPointRow[]> {
  const rows = await db.$queryRaw`
    SELECT to_char(date, 'YYYY-MM-DD') AS date,
           sum(followers)::float8 AS followers, sum(reach)::float8 AS reach, sum(impressions)::float8 AS impressions,
           sum(engagements)::float8 AS engagements, sum(clicks)::float8 AS clicks
    FROM metric_snapshots
    WHERE brand_id = ${brandId}::int AND date BETWEEN ${from}::date AND ${to}::date
    GROUP BY date ORDER BY date`;
  return z.array(metricPointRowSchema).parse(rows);
}

const goalMetricRowSchema = z.object({
  id: count,
  flow: nullableNumber,
  engagements7: nullableNumber,
  impressions7: nullableNumber,
  followersNow: nullableNumber,
  followersAtStart: nullableNumber,
});
export type GoalMetricRow = z.infer<typeof goalMetricRowSchema>;

/**
 * Snapshot-based values of the active goals. Snapshots are first summed per day for each
 * network and for all networks together (one scan of the range), then each goal adds up
 * only the days of its own key since its start: a hash join over a few thousand daily
 * rows instead of one range scan per goal. Followers are a level, not a sum: the goal
 * keeps the dates of its latest and its first reading, and those two rows are looked up.
 */
export async function queryGoalMetricValues(
  db: Db,
  brandId: number,
  range: { from: string; to: string; trailingFrom: string },
): Promise<GoalMetricRow[]> {
  const rows = await db.$queryRaw`
    WITH daily AS (
      SELECT coalesce(network::text, 'all') AS key, date,
             sum(followers)::float8 AS followers, sum(reach)::float8 AS reach, sum(impressions)::float8 AS impressions,
             sum(engagements)::float8 AS engagements, sum(clicks)::float8 AS clicks, sum(shares)::float8 AS shares
      FROM metric_snapshots
      WHERE brand_id = ${brandId}::int AND date BETWEEN ${range.from}::date AND ${range.to}::date
      GROUP BY GROUPING SETS ((network, date), (date))
    ), per_goal AS (
      SELECT g.id, g.key,
        sum(CASE g.metric WHEN 'reach' THEN d.reach WHEN 'impressions' THEN d.impressions WHEN 'engagements' THEN d.engagements
                          WHEN 'clicks' THEN d.clicks WHEN 'shares' THEN d.shares END) FILTER (WHERE d.date >= g.starts_on) AS flow,
        sum(d.engagements) FILTER (WHERE d.date >= ${range.trailingFrom}::date) AS engagements7,
        sum(d.impressions) FILTER (WHERE d.date >= ${range.trailingFrom}::date) AS impressions7,
        max(d.date) FILTER (WHERE d.followers IS NOT NULL) AS latest,
        min(d.date) FILTER (WHERE d.followers IS NOT NULL AND d.date >= g.starts_on) AS first
      FROM (SELECT id, coalesce(network::text, 'all') AS key, metric::text AS metric, starts_on FROM goals
            WHERE brand_id = ${brandId}::int AND status = 'active'
              AND metric IN ('followers', 'reach', 'impressions', 'engagements', 'clicks', 'shares', 'engagement_rate')) g
      JOIN daily d ON d.key = g.key AND d.date >= least(g.starts_on, ${range.trailingFrom}::date)
      GROUP BY g.id, g.key
    )
    SELECT p.id, p.flow, p.engagements7, p.impressions7, latest.followers AS "followersNow", first.followers AS "followersAtStart"
    FROM per_goal p
    LEFT JOIN daily latest ON latest.key = p.key AND latest.date = p.latest
    LEFT JOIN daily first ON first.key = p.key AND first.date = p.first`;
  return z.array(goalMetricRowSchema).parse(rows);
}

const goalCountRowSchema = z.object({ id: count, value: count });

/**
 * Leads logged since each lead goal's first local day, through the end of the digest day.
 * Stage and network are given as lists of every value (rather than IS NOT NULL, or no
 * network condition) so the btree on (brand_id, lead_stage, network, received_at) reads
 * exactly the leads in range, one received_at range per stage and network, index only.
 */
export async function queryLeadGoalValues(db: Db, brandId: number, timezone: string, dayEnd: Date): Promise<z.infer<typeof goalCountRowSchema>[]> {
  const rows = await db.$queryRaw`
    SELECT g.id, (
      SELECT count(*) FROM interactions i
      WHERE i.brand_id = g.brand_id
        AND i.lead_stage = ANY (enum_range(NULL::lead_stage))
        AND i.network = ANY (CASE WHEN g.network IS NULL THEN enum_range(NULL::network) ELSE ARRAY[g.network] END)
        AND i.received_at >= (g.starts_on::timestamp AT TIME ZONE ${timezone}) AND i.received_at < ${dayEnd}::timestamptz
    )::int AS value
    FROM goals g
    WHERE g.brand_id = ${brandId}::int AND g.status = 'active' AND g.metric = 'leads'`;
  return z.array(goalCountRowSchema).parse(rows);
}

export type InteractionWindow = {
  /** Start of the 7 local days before the digest day (sentiment baseline). */
  previousStart: Date;
  /** Start of the trailing 7 days ending with the digest day (rate goals). */
  trailingStart: Date;
  dayStart: Date;
  dayEnd: Date;
  now: Date;
  slaMinutes: number;
};

const weekSentimentRowSchema = z.object({
  network: networkSchema,
  sentiment: sentimentSchema,
  /** The 7 local days before the digest day. */
  count,
  /** The 6 of those that are also in the trailing week ending with the digest day. */
  recent: count,
});
export type WeekSentimentRow = z.infer<typeof weekSentimentRowSchema>;

/**
 * Interactions of the 7 local days before the digest day by network and sentiment: the
 * baseline of the sentiment shift, and with the day itself the trailing week of
 * positive-sentiment goals. One scan of the (brand_id, received_at) range with only
 * counts: at 1M interactions a year that is ~20k rows, the digest's largest read.
 */
export async function queryWeekSentiment(db: Db, brandId: number, w: InteractionWindow): Promise<WeekSentimentRow[]> {
  // Grouped by the enum values and cast to text per group, not per row.
  const rows = await db.$queryRaw`
    SELECT network::text AS network, sentiment::text AS sentiment, count, recent
    FROM (
      SELECT network, sentiment, count(*)::int AS count, count(*) FILTER (WHERE received_at >= ${w.trailingStart}::timestamptz)::int AS recent
      FROM interactions
      WHERE brand_id = ${brandId}::int AND received_at >= ${w.previousStart}::timestamptz AND received_at < ${w.dayStart}::timestamptz
      GROUP BY network, sentiment
    ) week`;
  return z.array(weekSentimentRowSchema).parse(rows);
}

const dayStatsRowSchema = z.object({
  network: networkSchema.nullable(),
  kind: kindSchema.nullable(),
  sentiment: sentimentSchema.nullable(),
  received: count,
  answered: count,
  late: count,
  leads: count,
  p50: nullableNumber,
  p90: nullableNumber,
});
export type DayStatsRow = z.infer<typeof dayStatsRowSchema>;

/**
 * The interactions received on the digest day, in three groupings of one scan: by
 * network, kind and sentiment (the day's mix); by network; and overall (null network).
 * For each: how many were answered, how many answered after the SLA or still unanswered
 * past it (as of now), how many are leads, and the response-time percentiles in minutes
 * (ordered by the interval itself: converting every row to minutes first costs more).
 */
export async function queryDayStats(db: Db, brandId: number, w: InteractionWindow): Promise<DayStatsRow[]> {
  const rows = await db.$queryRaw`
    SELECT network::text AS network, kind::text AS kind, sentiment::text AS sentiment, received, answered, late, leads,
           extract(epoch FROM percentiles[1])::float8 / 60 AS p50, extract(epoch FROM percentiles[2])::float8 / 60 AS p90
    FROM (
      SELECT network, kind, sentiment, count(*)::int AS received, count(responded_at)::int AS answered,
             count(*) FILTER (WHERE coalesce(responded_at, ${w.now}::timestamptz) > received_at + make_interval(mins => ${w.slaMinutes}::int))::int AS late,
             count(lead_stage)::int AS leads,
             percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY responded_at - received_at) AS percentiles
      FROM interactions
      WHERE brand_id = ${brandId}::int AND received_at >= ${w.dayStart}::timestamptz AND received_at < ${w.dayEnd}::timestamptz
      GROUP BY GROUPING SETS ((network, kind, sentiment), (network), ())
    ) day`;
  return z.array(dayStatsRowSchema).parse(rows);
}

const backlogRowSchema = z.object({ count, oldest: z.date().nullable() });

/**
 * Interactions still unanswered past the SLA that came in since `since`. Bounded so that
 * years of never-answered spam do not drown the figure (and the query) in old rows.
 */
export async function queryUnansweredBacklog(db: Db, brandId: number, range: { since: Date; receivedBefore: Date }): Promise<z.infer<typeof backlogRowSchema>> {
  const rows = await db.$queryRaw`
    SELECT count(*)::int AS count, min(received_at) AS oldest
    FROM interactions
    WHERE brand_id = ${brandId}::int AND responded_at IS NULL
      AND received_at >= ${range.since}::timestamptz AND received_at < ${range.receivedBefore}::timestamptz`;
  return backlogRowSchema.parse(z.array(z.unknown()).length(1).parse(rows)[0]);
}

export const dayInteractionRowSchema = z.object({
  list: z.enum(['negative', 'positive', 'lead']),
  id: count,
  network: networkSchema,
  kind: kindSchema,
  author: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  sentiment: sentimentSchema,
  sentimentScore: z.number(),
  leadStage: leadStageSchema.nullable(),
  language: z.string().nullable(),
  receivedAt: z.date(),
});
export type DayInteractionRow = z.infer<typeof dayInteractionRowSchema>;

/**
 * The day's most negative and most positive interaction, and its first `leadLimit` leads.
 * Three top-N reads of the day's range; leads go through the lead index.
 */
export async function queryDayInteractions(db: Db, brandId: number, w: InteractionWindow, leadLimit: number): Promise<DayInteractionRow[]> {
  const rows = await db.$queryRaw`
    SELECT list, id, network::text AS network, kind::text AS kind, author, text, link, sentiment::text AS sentiment,
           sentiment_score AS "sentimentScore", lead_stage::text AS "leadStage", language, received_at AS "receivedAt"
    FROM (
      (SELECT 'negative' AS list, * FROM interactions
       WHERE brand_id = ${brandId}::int AND received_at >= ${w.dayStart}::timestamptz AND received_at < ${w.dayEnd}::timestamptz
         AND sentiment = 'negative'
       ORDER BY sentiment_score, received_at, id LIMIT 1)
      UNION ALL
      (SELECT 'positive' AS list, * FROM interactions
       WHERE brand_id = ${brandId}::int AND received_at >= ${w.dayStart}::timestamptz AND received_at < ${w.dayEnd}::timestamptz
         AND sentiment = 'positive'
       ORDER BY sentiment_score DESC, received_at, id LIMIT 1)
      UNION ALL
      (SELECT 'lead' AS list, * FROM interactions
       WHERE brand_id = ${brandId}::int AND received_at >= ${w.dayStart}::timestamptz AND received_at < ${w.dayEnd}::timestamptz
         AND lead_stage = ANY (enum_range(NULL::lead_stage)) AND network = ANY (enum_range(NULL::network))
       ORDER BY received_at, id LIMIT ${leadLimit}::int)
    ) picked`;
  return z.array(dayInteractionRowSchema).parse(rows);
}

const escalationRowSchema = z.object({
  id: count,
  number: count,
  severity: z.enum(Severity),
  status: z.enum(EscalationStatus),
  summary: z.string(),
  createdAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  total: count,
});
export type EscalationRow = z.infer<typeof escalationRowSchema>;

/** Unresolved escalations, most severe then oldest first, with the total count. */
export async function queryOpenEscalations(db: Db, brandId: number, limit: number): Promise<EscalationRow[]> {
  const rows = await db.$queryRaw`
    SELECT id, number, severity::text AS severity, status::text AS status, summary,
           created_at AS "createdAt", acknowledged_at AS "acknowledgedAt", count(*) OVER ()::int AS total
    FROM escalations
    WHERE brand_id = ${brandId}::int AND status IN ('open', 'acknowledged')
    ORDER BY severity, created_at, id
    LIMIT ${limit}::int`;
  return z.array(escalationRowSchema).parse(rows);
}

const postRowSchema = z.object({
  list: z.enum(['pending', 'scheduled']),
  id: count,
  number: count,
  network: networkSchema,
  status: z.enum(PostStatus),
  scheduledAt: z.date(),
  copy: z.string(),
  version: count,
  authorId: count,
  approvalsNeeded: count,
  approvals: count,
  total: count,
});
export type PostRow = z.infer<typeof postRowSchema>;

/**
 * Posts waiting for approval (soonest first) and posts scheduled on the digest day
 * (rejected ones are not going out, so they are left off), each list with its total.
 * `approvals` counts approvals of the current version only: an edit starts over.
 */
export async function queryDigestPosts(db: Db, brandId: number, w: InteractionWindow, limits: { pending: number; scheduled: number }): Promise<PostRow[]> {
  const rows = await db.$queryRaw`
    WITH picked AS (
      (SELECT 'pending' AS list, p.*, count(*) OVER ()::int AS total FROM posts p
       WHERE p.brand_id = ${brandId}::int AND p.status = 'pending_approval'
       ORDER BY p.scheduled_at, p.id LIMIT ${limits.pending}::int)
      UNION ALL
      (SELECT 'scheduled' AS list, p.*, count(*) OVER ()::int AS total FROM posts p
       WHERE p.brand_id = ${brandId}::int AND p.scheduled_at >= ${w.dayStart}::timestamptz AND p.scheduled_at < ${w.dayEnd}::timestamptz
         AND p.status <> 'rejected'
       ORDER BY p.scheduled_at, p.id LIMIT ${limits.scheduled}::int)
    )
    SELECT list, id, number, network::text AS network, status::text AS status, scheduled_at AS "scheduledAt", copy, version,
           author_id AS "authorId", approvals_needed AS "approvalsNeeded", total,
           (SELECT count(*) FROM post_approvals a
            WHERE a.post_id = picked.id AND a.post_version = picked.version AND a.decision = 'approved')::int AS approvals
    FROM picked`;
  return z.array(postRowSchema).parse(rows);
}

const moderationRowSchema = z.object({
  row: z.enum(['case', 'reports']),
  action: z.enum(ModerationAction).nullable(),
  source: z.enum(CaseSource).nullable(),
  count,
  open: count,
});
export type ModerationRow = z.infer<typeof moderationRowSchema>;

/**
 * Moderation cases of the digest day by action and source, and reports (received that
 * day, open in total). Cases and reports carry the brand of their guild when recorded.
 */
export async function queryModeration(db: Db, brandId: number, w: InteractionWindow): Promise<ModerationRow[]> {
  const rows = await db.$queryRaw`
    SELECT 'case' AS row, action::text AS action, source::text AS source, count(*)::int AS count, 0 AS open
    FROM moderation_cases
    WHERE brand_id = ${brandId}::int AND created_at >= ${w.dayStart}::timestamptz AND created_at < ${w.dayEnd}::timestamptz
    GROUP BY action, source
    UNION ALL
    SELECT 'reports', NULL, NULL,
      count(*) FILTER (WHERE created_at >= ${w.dayStart}::timestamptz AND created_at < ${w.dayEnd}::timestamptz)::int,
      count(*) FILTER (WHERE status = 'open')::int
    FROM reports
    WHERE brand_id = ${brandId}::int`;
  return z.array(moderationRowSchema).parse(rows);
}
