import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { updateBrandSetting } from '../../src/core/brands.js';
import { archiveGoal, computeGoalProgress, listGoals, setGoal, type GoalProgressInput, type GoalView } from '../../src/core/goals.js';
import { recordMetrics } from '../../src/core/metrics.js';
import type { Prisma } from '../../src/generated/prisma/client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { buildTestCtx, createManualClock, type TestCtx } from '../helpers/testCtx.js';
import { createTeam, type Team } from '../helpers/fixtures.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

function ctxAt(at: string): TestCtx {
  return buildTestCtx(database.db, { clock: createManualClock(at) });
}

function byId(goals: GoalView[], id: number): GoalView {
  const goal = goals.find((g) => g.id === id);
  if (!goal) throw new Error(`goal ${id} not listed`);
  return goal;
}

describe('computeGoalProgress', () => {
  const month = { startsOn: '2026-03-01', deadline: '2026-03-31', today: '2026-03-11' };

  test('a period total exactly on pace: 10 000 of 31 000 after 10 of 31 days', () => {
    const progress = computeGoalProgress({ ...month, metric: 'reach', target: 31_000, baseline: 0, current: 10_000 });
    expect(progress.daysElapsed).toBe(10);
    expect(progress.daysLeft).toBe(21);
    expect(progress.actualDailyPace).toBe(1000);
    expect(progress.requiredDailyPace).toBe(1000);
    expect(progress.percent).toBeCloseTo(32.26, 2);
    expect(progress.status).toBe('on_track');
    expect(progress.achieved).toBe(false);
  });

  test('behind pace is at risk from 0.6 of the required pace and off track below it', () => {
    const followers = { ...month, metric: 'followers', target: 10_000, baseline: 8_000 } as const;
    const atRisk = computeGoalProgress({ ...followers, current: 8_500 });
    // 50/day done, 1500 left over 21 days = 71.4/day needed: ratio 0.7.
    expect(atRisk.actualDailyPace).toBe(50);
    expect(atRisk.requiredDailyPace).toBeCloseTo(71.43, 2);
    expect(atRisk.percent).toBe(25);
    expect(atRisk.status).toBe('at_risk');

    // 20/day done, 85.7/day needed: ratio 0.23.
    const offTrack = computeGoalProgress({ ...followers, current: 8_200 });
    expect(offTrack.percent).toBe(10);
    expect(offTrack.status).toBe('off_track');

    // 80/day done vs 66.7 needed.
    expect(computeGoalProgress({ ...followers, current: 8_800 }).status).toBe('on_track');
    // The boundaries: 45/day done vs 50/day needed is exactly 0.9; 30 vs 50 exactly 0.6.
    expect(computeGoalProgress({ ...followers, target: 9_500, current: 8_450 })).toMatchObject({ actualDailyPace: 45, requiredDailyPace: 50, status: 'on_track' });
    expect(computeGoalProgress({ ...followers, target: 9_500, current: 8_449 }).status).toBe('at_risk');
    expect(computeGoalProgress({ ...followers, target: 9_350, current: 8_300 })).toMatchObject({ actualDailyPace: 30, requiredDailyPace: 50, status: 'at_risk' });
    expect(computeGoalProgress({ ...followers, target: 9_350, current: 8_299 }).status).toBe('off_track');
  });

  test('lower is better: response time falling from 120 to 90 minutes towards 60', () => {
    const responseTime = { ...month, metric: 'response_time', target: 60, baseline: 120 } as const;
    const improving = computeGoalProgress({ ...responseTime, current: 90 });
    expect(improving.percent).toBe(50);
    expect(improving.actualDailyPace).toBe(-3);
    expect(improving.requiredDailyPace).toBeCloseTo(-30 / 21, 6);
    expect(improving.status).toBe('on_track');
    expect(improving.achieved).toBe(false);

    // Slower replies than at the start: progress goes negative and the goal is off track.
    const worsening = computeGoalProgress({ ...responseTime, current: 130 });
    expect(worsening.percent).toBeCloseTo(-16.67, 2);
    expect(worsening.status).toBe('off_track');

    // Improving, but too slowly: -1.5/day done, -2.14/day needed (ratio 0.7).
    expect(computeGoalProgress({ ...responseTime, current: 105 }).status).toBe('at_risk');

    // Below target is met, not missed.
    const met = computeGoalProgress({ ...responseTime, current: 55 });
    expect(met).toMatchObject({ achieved: true, status: 'on_track', requiredDailyPace: 0 });
    expect(met.percent).toBeCloseTo(108.33, 2);
  });

  test('a passed deadline without the target is off track; met, it stays on track', () => {
    const late = { ...month, today: '2026-04-05', metric: 'clicks', target: 1000, baseline: 0 } as const;
    expect(computeGoalProgress({ ...late, current: 900 })).toMatchObject({ status: 'off_track', daysLeft: 0, requiredDailyPace: null, daysElapsed: 30, percent: 90 });
    expect(computeGoalProgress({ ...late, current: 1000 })).toMatchObject({ status: 'on_track', achieved: true, percent: 100 });
  });

  test('without a deadline the direction decides; on the first day nothing is judged yet', () => {
    const open: GoalProgressInput = { metric: 'followers', target: 1000, baseline: 500, current: 600, startsOn: '2026-03-01', deadline: null, today: '2026-03-05' };
    expect(computeGoalProgress(open)).toMatchObject({ status: 'on_track', requiredDailyPace: null, daysLeft: null, actualDailyPace: 25, percent: 20 });
    expect(computeGoalProgress({ ...open, current: 500 }).status).toBe('at_risk');
    expect(computeGoalProgress({ ...open, current: 450 }).status).toBe('off_track');
    expect(computeGoalProgress({ ...open, today: '2026-03-01', current: 500 })).toMatchObject({ status: 'on_track', actualDailyPace: null, daysElapsed: 0, percent: 0 });
  });

  test('unknown values and baselines already past the target', () => {
    const base: GoalProgressInput = { metric: 'positive_sentiment', target: 80, baseline: null, current: null, startsOn: '2026-03-01', deadline: '2026-03-31', today: '2026-03-11' };
    expect(computeGoalProgress(base)).toMatchObject({ status: 'at_risk', percent: null, actualDailyPace: null, requiredDailyPace: null });
    expect(computeGoalProgress({ ...base, current: 70 })).toMatchObject({ status: 'at_risk', percent: null, actualDailyPace: null });
    expect(computeGoalProgress({ ...base, current: 85 })).toMatchObject({ status: 'on_track', percent: 100, achieved: true });
    expect(computeGoalProgress({ ...base, baseline: 90, current: 75 })).toMatchObject({ status: 'off_track', percent: 0, achieved: false });
  });
});

async function addInteraction(team: Team, data: Partial<Prisma.InteractionUncheckedCreateInput> & { receivedAt: string; respondedAt?: string }) {
  return database.db.interaction.create({
    data: { network: 'instagram', kind: 'comment', author: '@someone', text: 'hello', ...data, brandId: team.brand.id },
  });
}

describe('goals against recorded metrics', () => {
  test('followers: baseline from the latest snapshot per network, progress from later snapshots', async () => {
    const ctx = ctxAt('2026-03-02T09:00:00Z');
    const team = await createTeam(ctx, 'Followers Co');
    const record = (network: 'instagram' | 'facebook', date: string, followers: number) =>
      recordMetrics(ctx, { brandId: team.brand.id, actorId: team.cm.id, network, date, values: { followers } });
    await record('instagram', '2026-02-20', 900);
    await record('instagram', '2026-03-01', 1000);
    await record('facebook', '2026-02-27', 500);

    const all = await setGoal(ctx, { brandId: team.brand.id, actorId: team.strategist.id, metric: 'followers', target: 2500, deadline: '2026-03-31' });
    expect(all).toMatchObject({ baseline: 1500, network: null, startsOn: '2026-03-02', deadline: '2026-03-31', status: 'active', lowerIsBetter: false });
    expect(all.progress).toMatchObject({ current: 1500, percent: 0, status: 'on_track', daysElapsed: 0, daysLeft: 30 });
    const instagram = await setGoal(ctx, { brandId: team.brand.id, actorId: team.strategist.id, metric: 'followers', target: 1200, network: 'instagram' });
    expect(instagram.baseline).toBe(1000);

    ctx.clock.set('2026-03-12T09:00:00Z');
    await record('instagram', '2026-03-11', 1300);
    const goals = await listGoals(ctx, { brandId: team.brand.id, actorId: team.viewer.id });
    expect(goals.map((g) => g.id)).toEqual([all.id, instagram.id]);
    // 1300 + 500 = 1800: 300 gained in 10 days (30/day), 700 to go in 20 days (35/day).
    const allNow = byId(goals, all.id).progress;
    expect(allNow).toMatchObject({ current: 1800, percent: 30, daysElapsed: 10, daysLeft: 20, actualDailyPace: 30, requiredDailyPace: 35, status: 'at_risk' });
    expect(byId(goals, instagram.id).progress).toMatchObject({ current: 1300, percent: 150, achieved: true, status: 'on_track' });

    const audit = await database.db.auditEntry.findFirst({ where: { brandId: team.brand.id, action: 'goal.set', subjectId: String(all.id) } });
    expect(audit).toMatchObject({ actorId: team.strategist.id, after: { metric: 'followers', target: 2500, baseline: 1500, network: null } });
  });

  test('period totals count only the goal period; engagement rate is engagements over impressions', async () => {
    const ctx = ctxAt('2026-03-02T09:00:00Z');
    const team = await createTeam(ctx, 'Totals Co');
    const record = (network: 'instagram' | 'facebook', date: string, values: Parameters<typeof recordMetrics>[1]['values']) =>
      recordMetrics(ctx, { brandId: team.brand.id, actorId: team.cm.id, network, date, values });
    await record('instagram', '2026-03-01', { reach: 5000, impressions: 9000, engagements: 9000 });
    await record('instagram', '2026-03-02', { reach: 100, impressions: 1000, engagements: 50 });

    const reach = await setGoal(ctx, { brandId: team.brand.id, actorId: team.strategist.id, metric: 'reach', target: 10_000, deadline: '2026-03-21' });
    expect(reach.baseline).toBe(0);
    expect(reach.progress.current).toBe(100);
    const rate = await setGoal(ctx, { brandId: team.brand.id, actorId: team.admin.id, metric: 'engagement_rate', target: 8 });
    expect(rate.baseline).toBe(5);

    ctx.clock.set('2026-03-07T09:00:00Z');
    for (const date of ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']) await record('instagram', date, { reach: 200 });
    await record('facebook', '2026-03-04', { reach: 300, impressions: 1000, engagements: 150 });
    let goals = await listGoals(ctx, { brandId: team.brand.id, actorId: team.cm.id });
    // 100 + 4×200 + 300 = 1200 in 5 days (240/day); 8800 left over 15 days (586.7/day).
    expect(byId(goals, reach.id).progress).toMatchObject({ current: 1200, percent: 12, actualDailyPace: 240, daysLeft: 15, status: 'off_track' });
    expect(byId(goals, reach.id).progress.requiredDailyPace).toBeCloseTo(586.67, 2);
    // (50 + 150) / (1000 + 1000) = 10%.
    expect(byId(goals, rate.id).progress.current).toBe(10);
    expect(byId(goals, rate.id).progress.percent).toBeCloseTo(166.67, 2);
    expect(byId(goals, rate.id).progress.status).toBe('on_track');

    // After the deadline the total is frozen at the deadline: later days do not count.
    ctx.clock.set('2026-03-25T09:00:00Z');
    await record('instagram', '2026-03-23', { reach: 100_000 });
    goals = await listGoals(ctx, { brandId: team.brand.id, actorId: team.cm.id });
    expect(byId(goals, reach.id).progress).toMatchObject({ current: 1200, daysLeft: 0, status: 'off_track' });
  });

  test('leads, response time (lower is better) and positive sentiment come from interactions', async () => {
    const ctx = ctxAt('2026-03-10T12:00:00Z');
    const team = await createTeam(ctx, 'Interactions Co');
    // Responded within the last 7 days: 30, 60 and 120 minutes (median 60).
    await addInteraction(team, { receivedAt: '2026-03-05T10:00:00Z', respondedAt: '2026-03-05T10:30:00Z', sentiment: 'positive' });
    await addInteraction(team, { receivedAt: '2026-03-06T10:00:00Z', respondedAt: '2026-03-06T11:00:00Z', sentiment: 'positive' });
    await addInteraction(team, { receivedAt: '2026-03-07T10:00:00Z', respondedAt: '2026-03-07T12:00:00Z', sentiment: 'negative' });
    await addInteraction(team, { receivedAt: '2026-03-08T10:00:00Z', sentiment: 'neutral', network: 'facebook' });
    // Older than 7 days: left out of both.
    await addInteraction(team, { receivedAt: '2026-02-28T21:00:00Z', respondedAt: '2026-03-01T07:00:00Z', sentiment: 'negative' });
    // A lead before the goal starts does not count towards it.
    await addInteraction(team, { receivedAt: '2026-03-09T10:00:00Z', leadStage: 'new', sentiment: 'positive' });

    const input = { brandId: team.brand.id, actorId: team.strategist.id };
    const responseTime = await setGoal(ctx, { ...input, metric: 'response_time', target: 30, deadline: '2026-03-30' });
    expect(responseTime).toMatchObject({ baseline: 60, lowerIsBetter: true });
    const sentiment = await setGoal(ctx, { ...input, metric: 'positive_sentiment', target: 80, deadline: '2026-03-30' });
    // Received in the last 7 days: 3 positive of 5.
    expect(sentiment.baseline).toBe(60);
    const instagramLeads = await setGoal(ctx, { ...input, metric: 'leads', target: 10, network: 'instagram' });
    const allLeads = await setGoal(ctx, { ...input, metric: 'leads', target: 10 });
    expect([instagramLeads.baseline, instagramLeads.progress.current, allLeads.progress.current]).toEqual([0, 0, 0]);

    ctx.clock.set('2026-03-15T12:00:00Z');
    await addInteraction(team, { receivedAt: '2026-03-12T09:00:00Z', respondedAt: '2026-03-12T09:40:00Z', sentiment: 'positive', leadStage: 'new' });
    await addInteraction(team, { receivedAt: '2026-03-12T10:00:00Z', respondedAt: '2026-03-12T10:50:00Z', sentiment: 'positive' });
    await addInteraction(team, { receivedAt: '2026-03-13T10:00:00Z', sentiment: 'neutral', leadStage: 'qualified', network: 'facebook' });
    await addInteraction(team, { receivedAt: '2026-03-14T10:00:00Z', sentiment: 'negative' });

    const goals = await listGoals(ctx, { brandId: team.brand.id, actorId: team.viewer.id });
    // Last 7 days: 40 and 50 minutes, median 45: halfway from 60 to 30, falling 3/day vs 0.94/day needed.
    const rt = byId(goals, responseTime.id).progress;
    expect(rt).toMatchObject({ current: 45, percent: 50, actualDailyPace: -3, daysLeft: 16, status: 'on_track' });
    expect(rt.requiredDailyPace).toBeCloseTo(-15 / 16, 6);
    // Received in the last 7 days: 3 positive of 5 again, no better than the start.
    expect(byId(goals, sentiment.id).progress).toMatchObject({ current: 60, percent: 0, actualDailyPace: 0, status: 'off_track' });
    expect(byId(goals, instagramLeads.id).progress).toMatchObject({ current: 1, percent: 10, status: 'on_track' });
    expect(byId(goals, allLeads.id).progress.current).toBe(2);
  });
});

describe('setting and archiving goals', () => {
  test('refuses bad targets and past deadlines, writing nothing', async () => {
    const ctx = ctxAt('2026-03-02T09:00:00Z');
    const team = await createTeam(ctx, 'Bad Goals');
    const input = { brandId: team.brand.id, actorId: team.strategist.id, metric: 'followers' as const };
    await expect(setGoal(ctx, { ...input, target: 0 })).rejects.toMatchObject({ code: 'goal.targetNotPositive' });
    await expect(setGoal(ctx, { ...input, target: -100 })).rejects.toMatchObject({ code: 'goal.targetNotPositive' });
    await expect(setGoal(ctx, { ...input, metric: 'positive_sentiment', target: 120 })).rejects.toMatchObject({ code: 'goal.percentOver100', params: { target: 120 } });
    await expect(setGoal(ctx, { ...input, target: 10, deadline: '2026-03-01' })).rejects.toMatchObject({ code: 'goal.deadlineInPast', params: { today: '2026-03-02' } });
    await expect(setGoal(ctx, { ...input, target: 10, deadline: '2026-02-30' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(setGoal(ctx, { ...input, metric: 'vibes' as never, target: 10 })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(setGoal(ctx, { ...input, target: 10, network: 'myspace' as never })).rejects.toMatchObject({ code: 'error.invalidInput' });
    expect(await database.db.goal.count({ where: { brandId: team.brand.id } })).toBe(0);
    expect(await database.db.auditEntry.count({ where: { brandId: team.brand.id, action: 'goal.set' } })).toBe(0);
  });

  test('"past" is judged in the brand time zone', async () => {
    // 05:00 UTC on 2 March is still 1 March in Los Angeles.
    const ctx = ctxAt('2026-03-02T05:00:00Z');
    const team = await createTeam(ctx, 'Pacific');
    await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'timezone', value: 'America/Los_Angeles' });
    const goal = await setGoal(ctx, { brandId: team.brand.id, actorId: team.strategist.id, metric: 'clicks', target: 50, deadline: '2026-03-01' });
    expect(goal).toMatchObject({ startsOn: '2026-03-01', deadline: '2026-03-01' });
    expect(goal.progress.daysLeft).toBe(1);
  });

  test('community managers and viewers cannot set or archive; viewers can list; outsiders cannot', async () => {
    const ctx = ctxAt('2026-03-02T09:00:00Z');
    const team = await createTeam(ctx, 'Goal Guard');
    const input = { brandId: team.brand.id, metric: 'reach' as const, target: 1000 };
    await expect(setGoal(ctx, { ...input, actorId: team.cm.id })).rejects.toMatchObject({ code: 'permission.denied', params: { required: 'strategist', current: 'community_manager' } });
    await expect(setGoal(ctx, { ...input, actorId: team.viewer.id })).rejects.toMatchObject({ code: 'permission.denied', params: { current: 'viewer' } });
    expect(await database.db.goal.count({ where: { brandId: team.brand.id } })).toBe(0);

    const goal = await setGoal(ctx, { ...input, actorId: team.strategist.id });
    await expect(archiveGoal(ctx, { brandId: team.brand.id, actorId: team.cm.id, goalId: goal.id })).rejects.toMatchObject({ code: 'permission.denied' });
    expect((await listGoals(ctx, { brandId: team.brand.id, actorId: team.viewer.id })).map((g) => g.status)).toEqual(['active']);
    await expect(listGoals(ctx, { brandId: team.brand.id, actorId: team.outsider.id })).rejects.toMatchObject({ code: 'permission.denied' });
  });

  test('archived goals leave the list, stay on record, and archive once', async () => {
    const ctx = ctxAt('2026-03-02T09:00:00Z');
    const team = await createTeam(ctx, 'Archive Co');
    const other = await createTeam(ctx, 'Archive Other');
    const kept = await setGoal(ctx, { brandId: team.brand.id, actorId: team.strategist.id, metric: 'shares', target: 40 });
    const dropped = await setGoal(ctx, { brandId: team.brand.id, actorId: team.strategist.id, metric: 'clicks', target: 400 });

    ctx.clock.set('2026-03-03T10:00:00Z');
    const archived = await archiveGoal(ctx, { brandId: team.brand.id, actorId: team.strategist2.id, goalId: dropped.id });
    expect(archived).toMatchObject({ status: 'archived', archivedAt: new Date('2026-03-03T10:00:00Z') });
    expect((await listGoals(ctx, { brandId: team.brand.id, actorId: team.cm.id })).map((g) => g.id)).toEqual([kept.id]);
    expect((await listGoals(ctx, { brandId: team.brand.id, actorId: team.cm.id, includeArchived: true })).map((g) => g.id)).toEqual([kept.id, dropped.id]);

    await expect(archiveGoal(ctx, { brandId: team.brand.id, actorId: team.strategist.id, goalId: dropped.id })).rejects.toMatchObject({ code: 'goal.alreadyArchived' });
    // Another brand's strategist cannot reach this brand's goal through their own brand.
    await expect(archiveGoal(ctx, { brandId: other.brand.id, actorId: other.strategist.id, goalId: kept.id })).rejects.toMatchObject({ code: 'goal.notFound' });
    expect((await database.db.goal.findUniqueOrThrow({ where: { id: kept.id } })).status).toBe('active');

    const audit = await database.db.auditEntry.findMany({ where: { brandId: team.brand.id, action: 'goal.archived' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: team.strategist2.id, subjectId: String(dropped.id), before: { status: 'active' }, after: { status: 'archived' } });
  });
});
