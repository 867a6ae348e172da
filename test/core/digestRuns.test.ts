import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimDigestRun, computeRetryDelayMs, findRetryableRuns, markDigestFailed, markDigestSent } from '../../src/core/digestRuns.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { buildTestCtx, createManualClock, type TestCtx } from '../helpers/testCtx.js';
import { createTeam, type Team } from '../helpers/fixtures.js';

let database: TestDatabase;
let ctx: TestCtx;
let team: Team;
beforeAll(async () => {
  database = await createTestDatabase();
  ctx = buildTestCtx(database.db);
  team = await createTeam(ctx, 'Runs');
});
afterAll(async () => {
  await database.close();
});

const minute = 60_000;

/** Retryable runs of one brand: other tests leave expired claims of their own around. */
async function retryableIds(c: TestCtx, brandId: number, options: Parameters<typeof findRetryableRuns>[1] = {}): Promise<number[]> {
  return (await findRetryableRuns(c, options)).filter((run) => run.brandId === brandId).map((run) => run.id);
}

describe('digest runs', () => {
  test('a digest is claimed once; the same or another owner gets null while the lease holds', async () => {
    ctx.clock.set('2026-03-02T09:00:00Z');
    const run = await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-02', owner: 'replica-a', leaseMs: 5 * minute });
    expect(run).toMatchObject({ kind: 'daily', localDate: '2026-03-02', status: 'claimed', claimedBy: 'replica-a', attempts: 0, late: false });
    expect(run?.leaseUntil?.toISOString()).toBe('2026-03-02T09:05:00.000Z');
    expect(await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-02', owner: 'replica-a' })).toBeNull();
    expect(await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-02', owner: 'replica-b' })).toBeNull();
    // Another kind or another day is another digest.
    expect(await claimDigestRun(ctx, { brandId: team.brand.id, kind: 'weekly', localDate: '2026-03-02', owner: 'replica-b' })).not.toBeNull();
    const audit = await database.db.auditEntry.findMany({ where: { brandId: team.brand.id, action: 'digest.claimed' } });
    expect(audit.map((entry) => entry.actorRef)).toEqual(['replica-a', 'replica-b']);
  });

  test('concurrent claims over two connections: exactly one winner', async () => {
    const other = buildTestCtx(database.connect(4), { clock: ctx.clock });
    for (const localDate of ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05']) {
      const results = await Promise.all([
        claimDigestRun(ctx, { brandId: team.brand.id, localDate, owner: 'replica-a' }),
        claimDigestRun(other, { brandId: team.brand.id, localDate, owner: 'replica-b' }),
        claimDigestRun(ctx, { brandId: team.brand.id, localDate, owner: 'replica-c' }),
        claimDigestRun(other, { brandId: team.brand.id, localDate, owner: 'replica-d' }),
      ]);
      expect(results.filter((run) => run !== null)).toHaveLength(1);
    }
    expect(await database.db.digestRun.count({ where: { brandId: team.brand.id, localDate: { gte: new Date('2026-04-01') } } })).toBe(5);
  });

  test('concurrent take-overs of an expired claim: exactly one winner', async () => {
    ctx.clock.set('2026-05-01T09:00:00Z');
    await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-05-01', owner: 'crashed', leaseMs: minute });
    ctx.clock.advance(2 * minute);
    const other = buildTestCtx(database.connect(4), { clock: ctx.clock });
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((owner, index) => claimDigestRun(index % 2 ? other : ctx, { brandId: team.brand.id, localDate: '2026-05-01', owner })),
    );
    const winners = results.filter((run) => run !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]?.claimedBy).not.toBe('crashed');
  });

  test('an expired lease is reclaimed by another owner; the old owner can no longer mark it', async () => {
    ctx.clock.set('2026-03-03T09:00:00Z');
    const first = await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-03', owner: 'replica-a', leaseMs: 2 * minute });
    ctx.clock.advance(minute);
    expect(await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-03', owner: 'replica-b' })).toBeNull();
    ctx.clock.advance(minute);
    const second = await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-03', owner: 'replica-b', late: true });
    // The first sender went silent: that counts as a failed attempt.
    expect(second).toMatchObject({ id: first?.id, claimedBy: 'replica-b', status: 'claimed', late: true, attempts: 1 });
    expect(await markDigestSent(ctx, { runId: first!.id, owner: 'replica-a', channelId: 'C1', messageId: 'm-a' })).toBeNull();
    const sent = await markDigestSent(ctx, { runId: first!.id, owner: 'replica-b', channelId: 'C1', messageId: 'm-b' });
    expect(sent).toMatchObject({ status: 'sent', messageId: 'm-b', channelId: 'C1', leaseUntil: null });
    expect(sent?.sentAt?.toISOString()).toBe('2026-03-03T09:02:00.000Z');
  });

  test('a sent run is never reclaimed, even long after its lease', async () => {
    ctx.clock.set('2026-03-04T09:00:00Z');
    const run = await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-04', owner: 'replica-a', leaseMs: minute });
    await markDigestSent(ctx, { runId: run!.id, owner: 'replica-a', channelId: 'C1', messageId: 'm1' });
    ctx.clock.advance(24 * 60 * minute);
    expect(await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-04', owner: 'replica-b' })).toBeNull();
    expect(await markDigestFailed(ctx, { runId: run!.id, owner: 'replica-a', error: 'late failure' })).toBeNull();
    expect(await retryableIds(ctx, team.brand.id)).not.toContain(run!.id);
  });

  test('a failed run waits for its backoff, is found as retryable, then retried and sent', async () => {
    ctx.clock.set('2026-03-05T09:00:00Z');
    const run = await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-05', owner: 'replica-a' });
    const failed = await markDigestFailed(ctx, { runId: run!.id, owner: 'replica-a', error: 'slack 500' });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: 'slack 500', leaseUntil: null });
    expect(failed?.nextAttemptAt?.toISOString()).toBe('2026-03-05T09:01:00.000Z');
    expect(await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-05', owner: 'replica-b' })).toBeNull();
    expect(await retryableIds(ctx, team.brand.id, { fromLocalDate: '2026-03-05' })).not.toContain(run!.id);

    ctx.clock.advance(minute);
    expect(await retryableIds(ctx, team.brand.id, { fromLocalDate: '2026-03-05' })).toContain(run!.id);
    const retry = await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-05', owner: 'replica-b' });
    expect(retry).toMatchObject({ id: run!.id, status: 'claimed', claimedBy: 'replica-b', attempts: 1, nextAttemptAt: null });
    const again = await markDigestFailed(ctx, { runId: run!.id, owner: 'replica-b', error: 'slack 500 again' });
    expect(again?.attempts).toBe(2);
    expect(again?.nextAttemptAt?.toISOString()).toBe('2026-03-05T09:03:00.000Z');

    ctx.clock.advance(2 * minute);
    const third = await claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-05', owner: 'replica-a' });
    expect(await markDigestSent(ctx, { runId: third!.id, owner: 'replica-a', channelId: 'C9', messageId: 'm9' })).toMatchObject({ status: 'sent', attempts: 2, error: null });
    const actions = await database.db.auditEntry.findMany({ where: { subjectType: 'digest_run', subjectId: String(run!.id) }, orderBy: { id: 'asc' } });
    expect(actions.map((entry) => entry.action)).toEqual(['digest.claimed', 'digest.failed', 'digest.reclaimed', 'digest.failed', 'digest.reclaimed', 'digest.sent']);
  });

  test('an explicit retry time is kept; runs over the attempt limit are not retried', async () => {
    ctx.clock.set('2026-03-06T09:00:00Z');
    const { brand } = await createTeam(ctx, 'Retry limit');
    const run = await claimDigestRun(ctx, { brandId: brand.id, localDate: '2026-03-06', owner: 'replica-a' });
    const failed = await markDigestFailed(ctx, { runId: run!.id, owner: 'replica-a', error: 'x', retryAt: new Date('2026-03-06T09:30:00Z') });
    expect(failed?.nextAttemptAt?.toISOString()).toBe('2026-03-06T09:30:00.000Z');
    ctx.clock.set('2026-03-06T09:30:00Z');
    expect(await retryableIds(ctx, brand.id, { fromLocalDate: '2026-03-06' })).toEqual([run!.id]);
    expect(await retryableIds(ctx, brand.id, { fromLocalDate: '2026-03-06', maxAttempts: 1 })).toEqual([]);
  });

  test('a claim whose sender went silent is found as retryable', async () => {
    const clock = createManualClock('2026-03-07T09:00:00Z');
    const local = buildTestCtx(database.db, { clock });
    const { brand } = await createTeam(local, 'Silent sender');
    const run = await claimDigestRun(local, { brandId: brand.id, localDate: '2026-03-07', owner: 'replica-a', leaseMs: minute });
    expect(await retryableIds(local, brand.id)).toEqual([]);
    clock.advance(minute);
    expect(await retryableIds(local, brand.id)).toEqual([run!.id]);
  });

  test('backoff doubles from a minute up to an hour; bad input is refused', async () => {
    expect([1, 2, 3, 7, 8, 20].map(computeRetryDelayMs)).toEqual([60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000]);
    await expect(claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-13-01', owner: 'a' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-01', owner: '' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(claimDigestRun(ctx, { brandId: team.brand.id, localDate: '2026-03-01', owner: 'a', kind: 'monthly' as 'daily' })).rejects.toMatchObject({
      code: 'error.invalidInput',
    });
  });
});
