import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Job } from '../../src/jobs/job.js';
import { acquireJobLease } from '../../src/jobs/leases.js';
import { runJobOnce, startScheduler } from '../../src/jobs/scheduler.js';
import { buildTestCtx, createManualClock } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

test('two replicas ticking at the same instant: the job runs once', async () => {
  const clock = createManualClock('2026-05-01T08:00:00Z');
  const runs: string[] = [];
  const job: Job = {
    name: 'once-per-tick',
    cron: '* * * * *',
    async run(_ctx, now) {
      runs.push(now.toISOString());
      await new Promise((r) => setTimeout(r, 50));
    },
  };
  const a = buildTestCtx(database.db, { clock });
  const b = buildTestCtx(database.connect(2), { clock });
  const outcomes = await Promise.all([runJobOnce(a, job, 'replica-a'), runJobOnce(b, job, 'replica-b')]);
  expect(outcomes.sort()).toEqual(['ran', 'skipped']);
  expect(runs).toHaveLength(1);
  // Released after the run: the next tick may run it again.
  clock.advance(60_000);
  expect(await runJobOnce(b, job, 'replica-b')).toBe('ran');
});

test('a lease held by a crashed replica is taken over once it expires', async () => {
  const t0 = new Date('2026-05-01T09:00:00Z');
  expect(await acquireJobLease(database.db, 'crashy', 'dead-replica', t0, 60_000)).toBe(true);
  expect(await acquireJobLease(database.db, 'crashy', 'live-replica', new Date(t0.getTime() + 30_000), 60_000)).toBe(false);
  expect(await acquireJobLease(database.db, 'crashy', 'live-replica', new Date(t0.getTime() + 60_000), 60_000)).toBe(true);
});

test('a failing job is reported, and its lease released', async () => {
  const ctx = buildTestCtx(database.db);
  const job: Job = { name: 'fails', cron: '* * * * *', run: async () => { throw new Error('boom'); } };
  expect(await runJobOnce(ctx, job, 'r')).toBe('failed');
  expect(await runJobOnce(ctx, job, 'r2')).toBe('failed');
});

test('the real node-cron trigger fires the job', async () => {
  const ctx = buildTestCtx(database.db, { clock: { now: () => new Date(), set() {}, advance() {} } });
  let fired = 0;
  const scheduler = startScheduler(ctx, [{ name: 'every-second', cron: '* * * * * *', run: async () => { fired += 1; } }], 'real-cron');
  await new Promise((r) => setTimeout(r, 2_500));
  await scheduler.stop();
  expect(fired).toBeGreaterThanOrEqual(1);
});

test('the embedded maintenance job vacuums and analyzes', async () => {
  const { embeddedMaintenanceJob } = await import('../../src/jobs/embeddedMaintenance.js');
  const ctx = buildTestCtx(database.db);
  await database.db.brand.create({ data: { slug: 'vacuumed', name: 'Vacuumed' } });
  expect(await runJobOnce(ctx, embeddedMaintenanceJob, 'maint')).toBe('ran');
  const stats = await database.db.$queryRaw<{ analyzed: boolean }[]>`
    SELECT (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL) AS analyzed FROM pg_stat_user_tables WHERE relname = 'brands'`;
  expect(stats[0]?.analyzed).toBe(true);
});
