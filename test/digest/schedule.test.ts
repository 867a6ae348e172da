import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimDigestRun, markDigestSent } from '../../src/core/digestRuns.js';
import { digestInstant, findDueDigests } from '../../src/core/digestSchedule.js';
import { createDigestJob } from '../../src/jobs/digest.js';
import { runJobOnce } from '../../src/jobs/scheduler.js';
import { buildTestCtx, createManualClock, type TestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createBrandWith, createRecordingDelivery } from './recordingDelivery.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const minute = 60_000;

function localTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

async function runRow(ctx: TestCtx, brandId: number, localDate: string) {
  return ctx.db.digestRun.findFirst({ where: { brandId, kind: 'daily', localDate: new Date(`${localDate}T00:00:00Z`) } });
}

describe('when a digest is due', () => {
  test('09:00 is 09:00 local on both sides of the DST change (Europe/Rome, 2026-03-29); São Paulo has had no DST since 2019', () => {
    expect(digestInstant('2026-03-28', '09:00', 'Europe/Rome').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(digestInstant('2026-03-29', '09:00', 'Europe/Rome').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(digestInstant('2026-10-25', '09:00', 'Europe/Rome').toISOString()).toBe('2026-10-25T08:00:00.000Z');
    // A time inside the spring-forward gap moves forward with the clock.
    expect(digestInstant('2026-03-29', '02:30', 'Europe/Rome').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // Brazil used to move its clocks in November and February; not any more: always UTC-3.
    for (const date of ['2026-01-15', '2026-03-29', '2026-11-08', '2026-12-20']) {
      expect(digestInstant(date, '09:00', 'America/Sao_Paulo').toISOString()).toBe(`${date}T12:00:00.000Z`);
    }
    expect(digestInstant('2026-03-29', '09:00', 'Asia/Tokyo').toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });

  test('three time zones over 48 simulated hours (across Rome’s DST change): exactly one digest each per local day, at 09:00 local', async () => {
    const clock = createManualClock('2026-03-28T00:00:00Z');
    const ctx = buildTestCtx(database.db, { clock });
    const zones = ['America/Sao_Paulo', 'Europe/Rome', 'Asia/Tokyo'];
    const brands = await Promise.all(zones.map((timezone) => createBrandWith(ctx, `Zone ${timezone}`, { timezone })));
    // At the start São Paulo's 27th is already past 09:00: its digest went out that morning.
    const saoPaulo = await claimDigestRun(ctx, { brandId: brands[0]!.id, localDate: '2026-03-27', owner: 'yesterday' });
    await markDigestSent(ctx, { runId: saoPaulo!.id, owner: 'yesterday', channelId: 'C1', messageId: '1' });
    const delivery = createRecordingDelivery(clock, brands.map((b) => b.id));
    const job = createDigestJob({ delivery, owner: 'replica-a' });
    const end = new Date('2026-03-30T00:00:00Z').getTime();
    for (; clock.now().getTime() < end; clock.advance(5 * minute)) await job.run(ctx, clock.now());

    const sent = (brandIndex: number) =>
      delivery.posted.filter((p) => p.brandId === brands[brandIndex]!.id).map((p) => ({ at: p.at.toISOString(), local: localTime(p.at, zones[brandIndex]!), localDate: p.localDate, late: p.late }));
    expect(sent(0)).toEqual([
      { at: '2026-03-28T12:00:00.000Z', local: '2026-03-28 09:00', localDate: '2026-03-28', late: false },
      { at: '2026-03-29T12:00:00.000Z', local: '2026-03-29 09:00', localDate: '2026-03-29', late: false },
    ]);
    expect(sent(1)).toEqual([
      { at: '2026-03-28T08:00:00.000Z', local: '2026-03-28 09:00', localDate: '2026-03-28', late: false },
      // The DST day: 09:00 CEST is 07:00 UTC, an hour earlier than the day before.
      { at: '2026-03-29T07:00:00.000Z', local: '2026-03-29 09:00', localDate: '2026-03-29', late: false },
    ]);
    expect(sent(2)).toEqual([
      { at: '2026-03-28T00:00:00.000Z', local: '2026-03-28 09:00', localDate: '2026-03-28', late: false },
      { at: '2026-03-29T00:00:00.000Z', local: '2026-03-29 09:00', localDate: '2026-03-29', late: false },
    ]);
    // Each digest reports on the local day before it.
    expect(delivery.posted.every((p) => p.digest.kind === 'daily' && p.digest.data.localDate < p.localDate)).toBe(true);
    const runs = await ctx.db.digestRun.findMany({ where: { brandId: { in: brands.map((b) => b.id) }, sentAt: { not: null } } });
    expect(runs).toHaveLength(7);
    expect(runs.every((run) => run.status === 'sent' && run.attempts === 0)).toBe(true);
  });

  test('a digest time of the brand’s choosing, and a brand with nowhere to post claims nothing until it has somewhere', async () => {
    const clock = createManualClock('2026-05-04T05:00:00Z');
    const ctx = buildTestCtx(database.db, { clock });
    const brand = await createBrandWith(ctx, 'Early', { timezone: 'Europe/Rome', digestTime: '07:30' });
    const delivery = createRecordingDelivery(clock, [brand.id]);
    delivery.withoutDestination.add(brand.id);
    const job = createDigestJob({ delivery, owner: 'replica-a' });
    clock.set('2026-05-04T05:30:00Z');
    await job.run(ctx, clock.now());
    expect(await runRow(ctx, brand.id, '2026-05-04')).toBeNull();
    // Someone sets the digest channel at noon: that day's digest goes out, saying it is late.
    delivery.withoutDestination.delete(brand.id);
    clock.set('2026-05-04T10:00:00Z');
    await job.run(ctx, clock.now());
    expect(delivery.posted.map((p) => [p.localDate, p.late])).toEqual([['2026-05-04', true]]);
  });
});

describe('missed, failed, restarted', () => {
  test('a digest missed while Tandem was down goes out late the same day, and never the next day', async () => {
    const clock = createManualClock('2026-04-01T06:00:00Z');
    const ctx = buildTestCtx(database.db, { clock });
    const brand = await createBrandWith(ctx, 'Downtime', { timezone: 'Europe/Rome' });
    const delivery = createRecordingDelivery(clock, [brand.id]);
    const job = createDigestJob({ delivery, owner: 'replica-a' });
    // Down from before 09:00 until 13:10 local (11:10 UTC).
    clock.set('2026-04-01T11:10:00Z');
    await job.run(ctx, clock.now());
    expect(delivery.posted.map((p) => ({ localDate: p.localDate, late: p.late, at: localTime(p.at, 'Europe/Rome') }))).toEqual([
      { localDate: '2026-04-01', late: true, at: '2026-04-01 13:10' },
    ]);
    expect(await runRow(ctx, brand.id, '2026-04-01')).toMatchObject({ status: 'sent', late: true, channelId: 'CDIGEST', messageId: 'm1' });
    // Down all of the 2nd; back at 00:30 on the 3rd: the 2nd's digest is not sent.
    clock.set('2026-04-02T22:30:00Z');
    await job.run(ctx, clock.now());
    clock.set('2026-04-03T06:55:00Z');
    await job.run(ctx, clock.now());
    expect(delivery.posted).toHaveLength(1);
    expect(await findDueDigests(ctx, { now: clock.now(), brandIds: [brand.id] })).toEqual([]);
    clock.set('2026-04-03T07:00:00Z');
    await job.run(ctx, clock.now());
    expect(delivery.posted.map((p) => [p.localDate, p.late])).toEqual([
      ['2026-04-01', true],
      ['2026-04-03', false],
    ]);
    expect(await runRow(ctx, brand.id, '2026-04-02')).toBeNull();
  });

  test('a failed send is retried with backoff (1 min, then 2 min) and posted once', async () => {
    const clock = createManualClock('2026-04-06T07:00:00Z');
    const ctx = buildTestCtx(database.db, { clock });
    const brand = await createBrandWith(ctx, 'Flaky', { timezone: 'Europe/Rome' });
    const delivery = createRecordingDelivery(clock, [brand.id]);
    const job = createDigestJob({ delivery, owner: 'replica-a' });
    delivery.failNext(2);
    const tick = async (at: string) => {
      clock.set(at);
      await job.run(ctx, clock.now());
      return runRow(ctx, brand.id, '2026-04-06');
    };
    expect(await tick('2026-04-06T07:00:00Z')).toMatchObject({ status: 'failed', attempts: 1, error: 'Error: channel_not_found', nextAttemptAt: new Date('2026-04-06T07:01:00Z') });
    expect(await tick('2026-04-06T07:00:30Z')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await tick('2026-04-06T07:01:00Z')).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: new Date('2026-04-06T07:03:00Z') });
    expect(await tick('2026-04-06T07:02:00Z')).toMatchObject({ status: 'failed', attempts: 2 });
    expect(await tick('2026-04-06T07:03:00Z')).toMatchObject({ status: 'sent', attempts: 2, messageId: 'm1' });
    expect(await tick('2026-04-06T07:10:00Z')).toMatchObject({ status: 'sent' });
    expect(delivery.posted).toHaveLength(1);
    expect(delivery.posted[0]?.late).toBe(false);
  });

  test('a send that throws after posting is found on the retry and recorded, not posted again', async () => {
    const clock = createManualClock('2026-04-07T07:00:00Z');
    const ctx = buildTestCtx(database.db, { clock });
    const brand = await createBrandWith(ctx, 'Lost answer', { timezone: 'Europe/Rome' });
    const delivery = createRecordingDelivery(clock, [brand.id]);
    const job = createDigestJob({ delivery, owner: 'replica-a' });
    delivery.postThenThrowNext();
    await job.run(ctx, clock.now());
    expect(await runRow(ctx, brand.id, '2026-04-07')).toMatchObject({ status: 'failed', attempts: 1, error: 'Error: socket hang up' });
    clock.advance(minute);
    await job.run(ctx, clock.now());
    expect(await runRow(ctx, brand.id, '2026-04-07')).toMatchObject({ status: 'sent', messageId: 'm1' });
    expect(delivery.posted).toHaveLength(1);
    const audit = await ctx.db.auditEntry.findMany({ where: { brandId: brand.id, subjectType: 'digest_run' }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual(['digest.claimed', 'digest.failed', 'digest.reclaimed', 'digest.sent']);
  });

  test('a process that dies between claim and send: its lease runs out, another replica sends once', async () => {
    const clock = createManualClock('2026-04-08T07:00:00Z');
    const ctx = buildTestCtx(database.db, { clock });
    const brand = await createBrandWith(ctx, 'Crash before', { timezone: 'Europe/Rome' });
    const delivery = createRecordingDelivery(clock, [brand.id]);
    expect(await claimDigestRun(ctx, { brandId: brand.id, localDate: '2026-04-08', owner: 'dead-replica' })).not.toBeNull();
    const job = createDigestJob({ delivery, owner: 'live-replica' });
    for (let i = 0; i < 4; i++) {
      clock.advance(minute);
      await job.run(ctx, clock.now());
    }
    expect(delivery.posted).toHaveLength(0);
    clock.set('2026-04-08T07:05:00Z');
    await job.run(ctx, clock.now());
    expect(delivery.posted).toHaveLength(1);
    expect(await runRow(ctx, brand.id, '2026-04-08')).toMatchObject({ status: 'sent', claimedBy: 'live-replica', attempts: 1 });
  });

  test('a process that dies after posting, before recording: the next replica finds the message and posts nothing', async () => {
    const clock = createManualClock('2026-04-09T07:00:00Z');
    const ctx = buildTestCtx(database.db, { clock });
    const brand = await createBrandWith(ctx, 'Crash after', { timezone: 'Europe/Rome' });
    const delivery = createRecordingDelivery(clock, [brand.id]);
    const { prepareDigest } = await import('../../src/core/digestContent.js');
    await claimDigestRun(ctx, { brandId: brand.id, localDate: '2026-04-09', owner: 'dead-replica' });
    await delivery.postDigest(await prepareDigest(ctx, { brandId: brand.id, localDate: '2026-04-09' }));
    // ...and the process is gone. Five minutes later its lease has run out.
    clock.set('2026-04-09T07:05:00Z');
    await createDigestJob({ delivery, owner: 'live-replica' }).run(ctx, clock.now());
    expect(delivery.posted).toHaveLength(1);
    expect(await runRow(ctx, brand.id, '2026-04-09')).toMatchObject({ status: 'sent', claimedBy: 'live-replica', messageId: 'm1' });
  });

  test('two scheduler instances on two database clients, ticking at the same instants: one digest per brand and day', async () => {
    const clock = createManualClock('2026-04-10T06:55:00Z');
    const a = buildTestCtx(database.db, { clock });
    const b = buildTestCtx(database.connect(4), { clock });
    const brands = await Promise.all(['Europe/Rome', 'Europe/Madrid', 'Europe/Paris'].map((timezone) => createBrandWith(a, 'Twin', { timezone })));
    const delivery = createRecordingDelivery(clock, brands.map((brand) => brand.id));
    const jobA = createDigestJob({ delivery, owner: 'replica-a' });
    const jobB = createDigestJob({ delivery, owner: 'replica-b' });
    for (let i = 0; i < 10; i++) {
      // Straight at the digest claims (no job lease), and through the scheduler's job lease.
      await Promise.all([jobA.run(a, clock.now()), jobB.run(b, clock.now())]);
      await Promise.all([runJobOnce(a, jobA, 'replica-a'), runJobOnce(b, jobB, 'replica-b')]);
      clock.advance(minute);
    }
    expect(delivery.posted.map((p) => p.brandId).sort()).toEqual(brands.map((brand) => brand.id).sort());
    const runs = await a.db.digestRun.findMany({ where: { brandId: { in: brands.map((brand) => brand.id) } } });
    expect(runs.map((run) => run.status)).toEqual(['sent', 'sent', 'sent']);
  });
});
