import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runApprovalNudges } from '../../src/jobs/approvalNudges.js';
import { runSlaAlerts } from '../../src/jobs/slaAlerts.js';
import { createWeeklySummaryJob } from '../../src/jobs/weeklySummary.js';
import { buildJobs } from '../../src/jobs/index.js';
import { noDelivery } from '../../src/jobs/delivery.js';
import { buildTestCtx, createManualClock } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createPerson } from '../helpers/fixtures.js';
import { createBrandWith, createRecordingDelivery } from './recordingDelivery.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const hour = 3_600_000;

describe('approval nudges', () => {
  test('a post still pending N hours before its time: one reminder; past its time: expired', async () => {
    const clock = createManualClock('2026-05-05T08:00:00Z');
    const ctx = buildTestCtx(database.db, { clock });
    const brand = await createBrandWith(ctx, 'Nudges', { timezone: 'Europe/Rome', nudgeHoursBefore: 3 });
    const author = await createPerson(ctx, 'author');
    const post = (number: number, at: string, status: 'pending_approval' | 'approved' = 'pending_approval') =>
      database.db.post.create({ data: { brandId: brand.id, number, network: 'instagram', scheduledAt: new Date(at), copy: `post ${number}`, authorId: author.id, status } });
    const soon = await post(1, '2026-05-05T10:30:00Z');
    const later = await post(2, '2026-05-05T18:00:00Z');
    await post(3, '2026-05-05T10:00:00Z', 'approved');
    const delivery = createRecordingDelivery(clock, [brand.id]);
    const mine = (ids: number[]) => ids.filter((id) => [soon.id, later.id].includes(id));

    const first = await runApprovalNudges(ctx, delivery, clock.now());
    expect(mine(first.nudged.map((p) => p.id))).toEqual([soon.id]);
    expect(delivery.nudges.filter((n) => n.brandId === brand.id).map((n) => n.posts.map((p) => p.number))).toEqual([[1]]);
    // The next minute, and on another replica at the same time: no second reminder.
    clock.advance(60_000);
    const other = buildTestCtx(database.connect(2), { clock });
    await Promise.all([runApprovalNudges(ctx, delivery, clock.now()), runApprovalNudges(other, delivery, clock.now())]);
    expect(delivery.nudges.filter((n) => n.brandId === brand.id)).toHaveLength(1);
    expect(ctx.events).toContainEqual({ type: 'post.changed', brandId: brand.id, postId: soon.id, change: 'nudged' });

    clock.set('2026-05-05T10:31:00Z');
    const expiring = await runApprovalNudges(ctx, delivery, clock.now());
    expect(mine(expiring.expired.map((p) => p.id))).toEqual([soon.id]);
    expect(await database.db.post.findUniqueOrThrow({ where: { id: soon.id } })).toMatchObject({ status: 'expired' });
    expect(await database.db.post.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({ status: 'pending_approval', nudgedAt: null });
  });
});

describe('SLA alerts', () => {
  test('each interaction unanswered past its brand’s SLA is alerted once, per brand, to whoever the delivery tells', async () => {
    const clock = createManualClock('2026-05-06T12:00:00Z');
    const ctx = buildTestCtx(database.db, { clock });
    const strict = await createBrandWith(ctx, 'Strict', { slaMinutes: 30 });
    const relaxed = await createBrandWith(ctx, 'Relaxed', { slaMinutes: 240 });
    const interaction = (brandId: number, minutesAgo: number, respondedAt: Date | null = null) =>
      database.db.interaction.create({
        data: { brandId, network: 'instagram', kind: 'comment', author: '@a', text: 'hi?', sentiment: 'neutral', receivedAt: new Date(clock.now().getTime() - minutesAgo * 60_000), respondedAt },
      });
    const late = await interaction(strict.id, 45);
    const recent = await interaction(strict.id, 10);
    await interaction(strict.id, 90, new Date());
    const relaxedOne = await interaction(relaxed.id, 45);
    const delivery = createRecordingDelivery(clock);
    const ours = () => delivery.alerts.filter((a) => [strict.id, relaxed.id].includes(a.brandId));

    await runSlaAlerts(ctx, delivery, clock.now());
    expect(ours().map((a) => [a.brandId, a.breaches.map((b) => b.id)])).toEqual([[strict.id, [late.id]]]);
    expect(ours()[0]?.breaches[0]).toMatchObject({ slaMinutes: 30, ageMinutes: 45 });
    await runSlaAlerts(ctx, delivery, clock.now());
    expect(ours()).toHaveLength(1);
    // Four hours on, the relaxed brand's comment breaches too, and so does the strict brand's recent one.
    clock.advance(4 * hour);
    await runSlaAlerts(ctx, delivery, clock.now());
    expect(ours().slice(1).map((a) => [a.brandId, a.breaches.map((b) => b.id)])).toEqual([
      [relaxed.id, [relaxedOne.id]],
      [strict.id, [recent.id]],
    ]);
  });
});

describe('weekly summary', () => {
  test('on Mondays at the digest time, once; not on other days; late on Monday afternoon, never on Tuesday', async () => {
    const clock = createManualClock('2026-05-10T00:00:00Z');
    const ctx = buildTestCtx(database.db, { clock });
    const brand = await createBrandWith(ctx, 'Weekly', { timezone: 'America/Sao_Paulo', digestTime: '08:00', language: 'es' });
    const other = await createBrandWith(ctx, 'Weekly down', { timezone: 'Asia/Tokyo' });
    const delivery = createRecordingDelivery(clock, [brand.id, other.id]);
    delivery.withoutDestination.add(other.id);
    const job = createWeeklySummaryJob({ delivery, owner: 'replica-a' });
    // Sunday 10th through Tuesday 12th, every 10 minutes.
    for (const end = new Date('2026-05-13T00:00:00Z').getTime(); clock.now().getTime() < end; clock.advance(10 * 60_000)) {
      // Tokyo's Monday: the brand gets its destination only on Monday afternoon.
      if (clock.now().toISOString() === '2026-05-11T06:00:00.000Z') delivery.withoutDestination.delete(other.id);
      await job.run(ctx, clock.now());
    }
    expect(delivery.posted.map((p) => [p.brandId, p.kind, p.localDate, p.at.toISOString(), p.late])).toEqual([
      [other.id, 'weekly', '2026-05-11', '2026-05-11T06:00:00.000Z', true],
      [brand.id, 'weekly', '2026-05-11', '2026-05-11T11:00:00.000Z', false],
    ]);
    const summary = delivery.posted[1]?.digest;
    expect(summary?.kind === 'weekly' && summary.week).toEqual({ start: '2026-05-04', end: '2026-05-10' });
  });
});

describe('the job list', () => {
  test('every job the app schedules, each with a cron node-cron accepts', async () => {
    const cron = await import('node-cron');
    const jobs = buildJobs({ delivery: noDelivery, owner: 'x' });
    expect(jobs.map((job) => job.name)).toEqual(expect.arrayContaining(['daily-digest', 'weekly-summary', 'approval-nudges', 'sla-alerts']));
    for (const job of jobs) expect(cron.validate(job.cron)).toBe(true);
  });
});

describe('several platforms as one delivery', () => {
  test('the first platform that posts is the digest’s reference; a later platform’s failure is logged, not thrown', async () => {
    const { combineDeliveries } = await import('../../src/jobs/delivery.js');
    const clock = createManualClock('2026-05-07T08:00:00Z');
    const ctx = buildTestCtx(database.db, { clock });
    const brand = await createBrandWith(ctx, 'Both', { timezone: 'Europe/Rome' });
    const { prepareDigest } = await import('../../src/core/digestContent.js');
    const digest = await prepareDigest(ctx, { brandId: brand.id, localDate: '2026-05-07', narrate: false });
    const slack = createRecordingDelivery(clock, [brand.id]);
    const discord = createRecordingDelivery(clock, [brand.id]);
    const warnings: string[] = [];
    const log = { ...ctx.log, warn: (_fields: object | string, message?: string) => void warnings.push(message ?? '') };
    const both = combineDeliveries([slack, discord], log);
    discord.failNext();
    expect(await both.postDigest(digest)).toMatchObject({ messageId: 'm1' });
    expect(warnings).toEqual(['digest posted on one platform, not on another']);
    // Nothing posted yet anywhere: the failure is thrown, and the run is retried.
    slack.failNext();
    await expect(both.postDigest(digest)).rejects.toThrow('channel_not_found');
    // No Slack destination: Discord is the reference.
    slack.withoutDestination.add(brand.id);
    const viaDiscord = await both.postDigest(digest);
    expect(discord.posted.map((p) => p.messageId)).toEqual([viaDiscord?.messageId]);
    expect(slack.posted).toHaveLength(1);
    expect(await both.hasDigestDestination(brand.id)).toBe(true);
    expect(await both.findPostedDigest({ brandId: brand.id, kind: 'daily', localDate: '2026-05-07', since: new Date(0) })).toMatchObject({ messageId: 'm1' });
  });
});
