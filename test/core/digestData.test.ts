import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDigestData, type DigestData } from '../../src/core/digestData.js';
import { assessGoal, compareValues, type GoalFacts } from '../../src/core/digestKpis.js';
import type { Prisma } from '../../src/generated/prisma/client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { buildTestCtx, type TestCtx } from '../helpers/testCtx.js';
import { createTeam, type Team } from '../helpers/fixtures.js';

// A small brand in America/Sao_Paulo (UTC-3, no DST): its local day 2026-03-10 runs from
// 2026-03-10T03:00Z to 2026-03-11T03:00Z. The digest is built the next morning.
const localDate = '2026-03-10';
const now = '2026-03-11T12:00:00Z';

let database: TestDatabase;
let ctx: TestCtx;
let team: Team;
let digest: DigestData;

type Seed = Omit<Prisma.InteractionCreateManyInput, 'brandId' | 'author' | 'text' | 'receivedAt' | 'respondedAt'> & {
  at: string;
  text: string;
  /** Minutes to the answer; absent: unanswered. */
  answeredAfter?: number;
};

function interaction(brandId: number, seed: Seed): Prisma.InteractionCreateManyInput {
  const { at, answeredAfter, ...rest } = seed;
  const receivedAt = new Date(at);
  return {
    ...rest,
    brandId,
    author: `@${seed.network}_fan`,
    receivedAt,
    respondedAt: answeredAfter === undefined ? null : new Date(receivedAt.getTime() + answeredAfter * 60_000),
  };
}

async function seedBrand(brandId: number): Promise<void> {
  const db = database.db;
  await db.brand.update({ where: { id: brandId }, data: { settings: { timezone: 'America/Sao_Paulo', slaMinutes: 60, language: 'es' } } });
  await db.interaction.createMany({
    data: [
      // Outside every window.
      { at: '2026-03-02T12:00:00Z', network: 'x', kind: 'comment', text: 'old', sentiment: 'negative', sentimentScore: -1, answeredAfter: 1 },
      // The 7 local days before (2026-03-03 .. 2026-03-09).
      { at: '2026-03-03T03:30:00Z', network: 'instagram', kind: 'comment', text: 'p1', sentiment: 'positive', sentimentScore: 0.5, answeredAfter: 20 },
      { at: '2026-03-04T12:00:00Z', network: 'instagram', kind: 'comment', text: 'p2', sentiment: 'positive', sentimentScore: 0.7, answeredAfter: 15 },
      { at: '2026-03-05T15:00:00Z', network: 'x', kind: 'mention', text: 'p3', sentiment: 'negative', sentimentScore: -0.5 },
      { at: '2026-03-06T12:00:00Z', network: 'facebook', kind: 'comment', text: 'p4', sentiment: 'positive', sentimentScore: 0.4, answeredAfter: 40 },
      { at: '2026-03-07T12:00:00Z', network: 'instagram', kind: 'dm', text: 'p5', sentiment: 'neutral', leadStage: 'qualified', answeredAfter: 50 },
      { at: '2026-03-08T12:00:00Z', network: 'instagram', kind: 'comment', text: 'p6', sentiment: 'positive', sentimentScore: 0.3, answeredAfter: 5 },
      { at: '2026-03-09T12:00:00Z', network: 'x', kind: 'comment', text: 'p7', sentiment: 'neutral', answeredAfter: 25 },
      { at: '2026-03-09T20:00:00Z', network: 'instagram', kind: 'comment', text: 'p8', sentiment: 'positive', sentimentScore: 0.8, answeredAfter: 35 },
      { at: '2026-03-09T23:00:00Z', network: 'instagram', kind: 'comment', text: 'p9', sentiment: 'neutral', answeredAfter: 45 },
      // 01:00 UTC on the 10th is 22:00 on the 9th in São Paulo: the previous local day.
      { at: '2026-03-10T01:00:00Z', network: 'instagram', kind: 'comment', text: 'Lo peor, nunca más', sentiment: 'negative', sentimentScore: -0.99, answeredAfter: 90 },
      // The day itself.
      { at: '2026-03-10T10:00:00Z', network: 'instagram', kind: 'comment', text: '¡Me encanta!', sentiment: 'positive', sentimentScore: 0.9, answeredAfter: 10, language: 'es' },
      { at: '2026-03-10T11:00:00Z', network: 'instagram', kind: 'comment', text: 'Terrible service', sentiment: 'negative', sentimentScore: -0.8, answeredAfter: 30 },
      { at: '2026-03-10T12:00:00Z', network: 'x', kind: 'mention', text: 'Worst launch ever', sentiment: 'negative', sentimentScore: -0.95, answeredAfter: 60, link: 'https://x.com/a/1' },
      { at: '2026-03-10T14:00:00Z', network: 'facebook', kind: 'dm', text: 'How much is the blue one?', sentiment: 'neutral', leadStage: 'new', answeredAfter: 120 },
      { at: '2026-03-11T01:00:00Z', network: 'instagram', kind: 'review', text: 'Grazie mille', sentiment: 'positive', sentimentScore: 0.6 },
      // 01:00 local on the 11th: the next day.
      { at: '2026-03-11T04:00:00Z', network: 'instagram', kind: 'comment', text: 'next day', sentiment: 'positive', sentimentScore: 1 },
    ].map((seed) => interaction(brandId, seed as Seed)),
  });
  const snapshot = (network: 'instagram' | 'x', date: string, values: Omit<Prisma.MetricSnapshotCreateManyInput, 'brandId' | 'network' | 'date'>) => ({
    brandId,
    network,
    date: new Date(`${date}T00:00:00Z`),
    ...values,
  });
  await db.metricSnapshot.createMany({
    data: [
      snapshot('instagram', '2026-03-10', { followers: 1100, reach: 5000, impressions: 8000, engagements: 400, clicks: 40 }),
      snapshot('x', '2026-03-10', { followers: 600, reach: 1000, impressions: 2000, engagements: 100, clicks: 10 }),
      snapshot('instagram', '2026-03-09', { followers: 1090, reach: 4000, impressions: 7000, engagements: 300, clicks: 30 }),
      snapshot('x', '2026-03-09', { followers: 598, reach: 1000, impressions: 1000, engagements: 50, clicks: 10 }),
      snapshot('instagram', '2026-03-03', { followers: 1000, reach: 2500, impressions: 4000, engagements: 200, clicks: 0 }),
      snapshot('x', '2026-03-03', { followers: 580, reach: 500, impressions: 1000, engagements: 20, clicks: 0 }),
      // After the digest day: must not count.
      snapshot('instagram', '2026-03-11', { followers: 5000, reach: 99999, impressions: 1, engagements: 1, clicks: 1 }),
    ],
  });
  const goal = (data: Omit<Prisma.GoalCreateManyInput, 'brandId' | 'startsOn' | 'deadline'> & { startsOn: string; deadline?: string }) => ({
    ...data,
    brandId,
    startsOn: new Date(`${data.startsOn}T00:00:00Z`),
    deadline: data.deadline ? new Date(`${data.deadline}T00:00:00Z`) : null,
  });
  await db.goal.createMany({
    data: [
      goal({ metric: 'followers', target: 2000, baseline: 1500, startsOn: '2026-03-01', deadline: '2026-03-31' }),
      goal({ metric: 'reach', network: 'instagram', target: 100_000, startsOn: '2026-03-03', deadline: '2026-03-31' }),
      goal({ metric: 'response_time', target: 30, baseline: 90, startsOn: '2026-03-01', deadline: '2026-03-31' }),
      goal({ metric: 'positive_sentiment', target: 60, startsOn: '2026-03-01', deadline: '2026-03-31' }),
      goal({ metric: 'leads', target: 10, startsOn: '2026-03-01', deadline: '2026-03-31' }),
      goal({ metric: 'engagement_rate', network: 'instagram', target: 5, startsOn: '2026-03-01' }),
      goal({ metric: 'followers', target: 1, startsOn: '2026-01-01', status: 'archived' }),
    ],
  });
  await db.escalation.createMany({
    data: [
      { brandId, number: 1, severity: 'sev2', status: 'open', summary: 'Angry thread', raisedVia: 'slack_button', createdAt: new Date('2026-03-11T10:00:00Z') },
      { brandId, number: 2, severity: 'sev1', status: 'acknowledged', summary: 'Recall rumour', raisedVia: 'discord', createdAt: new Date('2026-03-10T12:00:00Z') },
      { brandId, number: 3, severity: 'sev1', status: 'resolved', summary: 'Done', raisedVia: 'discord', createdAt: new Date('2026-03-09T12:00:00Z') },
    ],
  });
  const post = (number: number, status: Prisma.PostCreateManyInput['status'], scheduledAt: string, version = 1) => ({
    brandId,
    number,
    network: 'instagram' as const,
    status,
    scheduledAt: new Date(scheduledAt),
    copy: `post ${number}`,
    authorId: team.cm.id,
    version,
  });
  await db.post.createMany({
    data: [
      post(1, 'pending_approval', '2026-03-12T15:00:00Z'),
      post(2, 'pending_approval', '2026-03-10T18:00:00Z', 2),
      post(3, 'approved', '2026-03-10T21:00:00Z'),
      post(4, 'rejected', '2026-03-10T19:00:00Z'),
      post(5, 'approved', '2026-03-10T02:00:00Z'),
    ],
  });
  const second = await db.post.findUniqueOrThrow({ where: { brandId_number: { brandId, number: 2 } } });
  await db.postApproval.createMany({
    data: [
      { postId: second.id, deciderId: team.strategist.id, decision: 'approved', postVersion: 1 },
      { postId: second.id, deciderId: team.strategist.id, decision: 'approved', postVersion: 2 },
    ],
  });
  await db.discordGuild.create({ data: { guildId: 'G-DIGEST', brandId } });
  const moderationCase = (number: number, action: 'warn' | 'ban' | 'timeout', source: 'manual' | 'automod', at: string) => ({
    guildId: 'G-DIGEST',
    brandId,
    number,
    action,
    source,
    targetId: `u${number}`,
    moderatorId: 'mod',
    createdAt: new Date(at),
  });
  await db.moderationCase.createMany({
    data: [
      moderationCase(1, 'timeout', 'manual', '2026-03-09T12:00:00Z'),
      moderationCase(2, 'warn', 'manual', '2026-03-10T12:00:00Z'),
      moderationCase(3, 'warn', 'manual', '2026-03-10T13:00:00Z'),
      moderationCase(4, 'ban', 'automod', '2026-03-10T14:00:00Z'),
    ],
  });
  const report = (status: 'open' | 'dismissed', at: string) => ({
    guildId: 'G-DIGEST',
    brandId,
    channelId: 'c',
    messageId: `m-${at}`,
    authorId: 'a',
    reporterId: 'r',
    content: 'spam',
    status,
    createdAt: new Date(at),
  });
  await db.report.createMany({
    data: [report('open', '2026-03-01T12:00:00Z'), report('open', '2026-03-10T12:00:00Z'), report('dismissed', '2026-03-10T13:00:00Z')],
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = buildTestCtx(database.db);
  team = await createTeam(ctx, 'Café Digest');
  await seedBrand(team.brand.id);
  // Another brand's day must not leak into this one.
  const other = await createTeam(ctx, 'Other');
  await database.db.interaction.create({
    data: { brandId: other.brand.id, network: 'x', kind: 'comment', author: 'z', text: 'other', sentiment: 'negative', sentimentScore: -1, receivedAt: new Date('2026-03-10T15:00:00Z') },
  });
  ctx.clock.set(now);
  digest = await buildDigestData(ctx, { brandId: team.brand.id, localDate });
});
afterAll(async () => {
  await database.close();
});

describe('digest data', () => {
  test('the local day of a brand in America/Sao_Paulo', () => {
    expect(digest.brand).toMatchObject({ id: team.brand.id, timezone: 'America/Sao_Paulo', language: 'es' });
    expect(digest.day).toEqual({ start: new Date('2026-03-10T03:00:00Z'), end: new Date('2026-03-11T03:00:00Z') });
    expect(digest.generatedAt).toEqual(new Date(now));
  });

  test('interactions of the day by network, kind and sentiment', () => {
    expect(digest.interactions.total).toBe(5);
    expect(digest.interactions.byNetwork).toEqual([
      { network: 'instagram', count: 3 },
      { network: 'facebook', count: 1 },
      { network: 'x', count: 1 },
    ]);
    expect(digest.interactions.byKind).toEqual({ comment: 2, dm: 1, mention: 1, review: 1 });
    expect(digest.interactions.bySentiment).toEqual({ positive: 2, neutral: 1, negative: 2 });
  });

  test('sentiment shift against the 7 local days before', () => {
    const shift = digest.interactions.sentimentShift;
    expect(shift.today).toEqual({ total: 5, negativeShare: 0.4, positiveShare: 0.4 });
    expect(shift.previous7Days).toEqual({ total: 10, negativeShare: 0.2, positiveShare: 0.5 });
    expect(shift.negativeShift).toBeCloseTo(0.2, 10);
    expect(shift.positiveShift).toBeCloseTo(-0.1, 10);
  });

  test('example quotes: the most negative and most positive of the local day', () => {
    // -0.99 came in at 01:00 UTC on the 10th, which is still the 9th in São Paulo.
    expect(digest.interactions.quotes.mostNegative).toMatchObject({ text: 'Worst launch ever', sentimentScore: -0.95, network: 'x', link: 'https://x.com/a/1' });
    expect(digest.interactions.quotes.mostPositive).toMatchObject({ text: '¡Me encanta!', sentimentScore: 0.9, language: 'es', author: '@instagram_fan' });
  });

  test('response times, late answers and SLA breaches', () => {
    // Answered that day after 10, 30, 60 and 120 minutes; the 01:00Z review is unanswered.
    // Breaches are counted as of now: p3 of the 5th, that review, and the next day's comment.
    expect(digest.responseTimes).toMatchObject({ answered: 4, slaMinutes: 60, lateToday: 2, breaches: 3 });
    expect(digest.responseTimes.p50Minutes).toBeCloseTo(45, 6);
    expect(digest.responseTimes.p90Minutes).toBeCloseTo(102, 6);
    expect(digest.responseTimes.byNetwork).toEqual([
      { network: 'instagram', answered: 2, p50Minutes: 20, p90Minutes: 28 },
      { network: 'facebook', answered: 1, p50Minutes: 120, p90Minutes: 120 },
      { network: 'x', answered: 1, p50Minutes: 60, p90Minutes: 60 },
    ]);
    // The oldest unanswered came in 2026-03-05T15:00Z: 5 days 21 hours before now.
    expect(digest.responseTimes.oldestBreachMinutes).toBe(141 * 60);
  });

  test('new leads of the day', () => {
    expect(digest.leads.count).toBe(1);
    expect(digest.leads.items).toEqual([expect.objectContaining({ text: 'How much is the blue one?', leadStage: 'new', network: 'facebook', kind: 'dm' })]);
  });

  test('day-over-day and week-over-week deltas summed over networks', () => {
    const byMetric = Object.fromEntries(digest.metrics.deltas.map((delta) => [delta.metric, delta]));
    expect(byMetric.followers).toMatchObject({ today: 1700, yesterday: 1688, weekAgo: 1580, dayOverDay: { absolute: 12 }, weekOverWeek: { absolute: 120 } });
    expect(byMetric.followers?.weekOverWeek?.percent).toBeCloseTo((120 / 1580) * 100, 10);
    expect(byMetric.reach).toMatchObject({ today: 6000, yesterday: 5000, weekAgo: 3000, dayOverDay: { absolute: 1000, percent: 20 }, weekOverWeek: { absolute: 3000, percent: 100 } });
    expect(byMetric.clicks).toMatchObject({ today: 50, weekAgo: 0, weekOverWeek: { absolute: 50, percent: null } });
  });

  test('a 30-day series for the chart, with gaps as null', () => {
    const { series } = digest.metrics;
    expect(series).toHaveLength(30);
    expect(series[0]).toEqual({ date: '2026-02-09', followers: null, reach: null, impressions: null, engagements: null, clicks: null });
    expect(series.at(-1)).toEqual({ date: '2026-03-10', followers: 1700, reach: 6000, impressions: 10000, engagements: 500, clicks: 50 });
    expect(series.filter((point) => point.reach !== null).map((point) => point.date)).toEqual(['2026-03-03', '2026-03-09', '2026-03-10']);
  });

  test('KPIs against the active goals', () => {
    const [followers, reach, response, positive, leads, engagement] = digest.kpis;
    expect(digest.kpis).toHaveLength(6);
    expect(followers).toMatchObject({ metric: 'followers', network: null, current: 1700, start: 1500, percentOfTarget: 85, progress: 0.4, daysLeft: 21, status: 'on_track' });
    expect(followers?.pace.actualPerDay).toBeCloseTo(20, 10);
    expect(followers?.pace.requiredPerDay).toBeCloseTo(300 / 21, 10);
    // Instagram reach since 2026-03-03: 2500 + 4000 + 5000; the 11th does not count.
    expect(reach).toMatchObject({ metric: 'reach', network: 'instagram', current: 11_500, status: 'off_track' });
    // The day's median answer (45 minutes), 3/4 of the way from 90 down to 30.
    expect(response).toMatchObject({ metric: 'response_time', lowerIsBetter: true, current: 45, progress: 0.75, status: 'on_track' });
    expect(response?.percentOfTarget).toBeCloseTo((30 / 45) * 100, 10);
    // 6 positive of 14 in the trailing week, no baseline: judged by distance to target.
    expect(positive?.current).toBeCloseTo(600 / 14, 10);
    expect(positive).toMatchObject({ progress: null, status: 'off_track' });
    // The qualified lead of the 7th and the new one of the 10th.
    expect(leads).toMatchObject({ metric: 'leads', current: 2, progress: 0.2, status: 'off_track' });
    // Instagram 700 engagements / 15000 impressions over the trailing week: 4.67% vs 5%.
    expect(engagement?.current).toBeCloseTo((700 / 15000) * 100, 10);
    expect(engagement).toMatchObject({ deadline: null, daysLeft: null, status: 'at_risk' });
  });

  test('open escalations, most severe first, with their age', () => {
    expect(digest.escalations.count).toBe(2);
    expect(digest.escalations.items).toEqual([
      expect.objectContaining({ number: 2, severity: 'sev1', status: 'acknowledged', ageMinutes: 24 * 60 }),
      expect.objectContaining({ number: 1, severity: 'sev2', status: 'open', ageMinutes: 120 }),
    ]);
  });

  test('posts pending approval and posts scheduled that local day', () => {
    expect(digest.posts.pending.count).toBe(2);
    expect(digest.posts.pending.items.map((p) => [p.number, p.version, p.approvals])).toEqual([
      [2, 2, 1],
      [1, 1, 0],
    ]);
    expect(digest.posts.scheduled.count).toBe(2);
    expect(digest.posts.scheduled.items.map((p) => [p.number, p.status, p.localTime])).toEqual([
      [2, 'pending_approval', '15:00'],
      [3, 'approved', '18:00'],
    ]);
  });

  test('moderation summary of the day', () => {
    expect(digest.moderation).toEqual({
      cases: 3,
      automodCases: 1,
      byAction: [
        { action: 'warn', count: 2 },
        { action: 'ban', count: 1 },
      ],
      reportsToday: 2,
      reportsOpen: 2,
    });
  });

  test('a brand with nothing yet gets zeros and nulls, and the DST day is 23 hours', async () => {
    const quiet = await createTeam(ctx, 'Quiet');
    await database.db.brand.update({ where: { id: quiet.brand.id }, data: { settings: { timezone: 'Europe/Rome' } } });
    const empty = await buildDigestData(ctx, { brandId: quiet.brand.id, localDate: '2026-03-29' });
    expect(empty.day.end.getTime() - empty.day.start.getTime()).toBe(23 * 3_600_000);
    expect(empty.kpis).toEqual([]);
    expect(empty.interactions).toMatchObject({ total: 0, byNetwork: [], quotes: { mostNegative: null, mostPositive: null } });
    expect(empty.interactions.sentimentShift).toEqual({
      today: { total: 0, negativeShare: null, positiveShare: null },
      previous7Days: { total: 0, negativeShare: null, positiveShare: null },
      negativeShift: null,
      positiveShift: null,
    });
    expect(empty.responseTimes).toMatchObject({ answered: 0, p50Minutes: null, p90Minutes: null, breaches: 0, oldestBreachMinutes: null });
    expect(empty.metrics.deltas.every((delta) => delta.today === null && delta.dayOverDay === null)).toBe(true);
    expect(empty.posts).toEqual({ pending: { count: 0, items: [] }, scheduled: { count: 0, items: [] } });
    expect(empty.moderation).toEqual({ cases: 0, automodCases: 0, byAction: [], reportsToday: 0, reportsOpen: 0 });
  });

  test('invalid dates and unknown brands are refused', async () => {
    await expect(buildDigestData(ctx, { brandId: team.brand.id, localDate: '2026-02-30' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(buildDigestData(ctx, { brandId: team.brand.id, localDate: 'yesterday' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(buildDigestData(ctx, { brandId: 999_999, localDate })).rejects.toMatchObject({ code: 'brand.notFound' });
  });
});

describe('goal assessment', () => {
  const base: GoalFacts = {
    goalId: 1,
    metric: 'followers',
    network: null,
    target: 200,
    baseline: 100,
    startsOn: '2026-01-01',
    deadline: '2026-01-10',
    current: 150,
    measuredAtStart: null,
  };

  test('status follows the straight line from start to target', () => {
    // Day 5 of 10, half way: on track; at 80% of the expected way: at risk; below: off track.
    expect(assessGoal(base, '2026-01-05').status).toBe('on_track');
    expect(assessGoal({ ...base, current: 141 }, '2026-01-05').status).toBe('at_risk');
    expect(assessGoal({ ...base, current: 120 }, '2026-01-05').status).toBe('off_track');
    expect(assessGoal({ ...base, current: 200 }, '2026-01-05')).toMatchObject({ status: 'achieved', pace: { requiredPerDay: 0 } });
    expect(assessGoal(base, '2026-01-11').status).toBe('off_track');
    expect(assessGoal(base, '2025-12-31').status).toBe('not_started');
    expect(assessGoal({ ...base, current: null }, '2026-01-05').status).toBe('no_data');
  });

  test('a level goal without baseline starts from its first reading; flows start from zero', () => {
    expect(assessGoal({ ...base, baseline: null, measuredAtStart: 50 }, '2026-01-05')).toMatchObject({ start: 50, progress: 100 / 150 });
    expect(assessGoal({ ...base, metric: 'reach', baseline: 999, current: 100 }, '2026-01-05')).toMatchObject({ start: 0, progress: 0.5, percentOfTarget: 50 });
  });

  test('lower is better for response time', () => {
    const response = { ...base, metric: 'response_time' as const, target: 30, baseline: 60 };
    expect(assessGoal({ ...response, current: 45 }, '2026-01-05')).toMatchObject({ progress: 0.5, status: 'on_track', lowerIsBetter: true });
    expect(assessGoal({ ...response, current: 25 }, '2026-01-05')).toMatchObject({ status: 'achieved', percentOfTarget: 120 });
    expect(assessGoal({ ...response, current: 80 }, '2026-01-05').status).toBe('off_track');
  });

  test('changes have no percent without a base', () => {
    expect(compareValues(10, 0)).toEqual({ absolute: 10, percent: null });
    expect(compareValues(null, 5)).toBeNull();
    expect(compareValues(15, 10)).toEqual({ absolute: 5, percent: 50 });
  });
});
