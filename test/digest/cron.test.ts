import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDigestJob } from '../../src/jobs/digest.js';
import { startScheduler, type JobOutcome } from '../../src/jobs/scheduler.js';
import { buildTestCtx, createManualClock } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createBrandWith, createRecordingDelivery } from './recordingDelivery.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

test('the real node-cron trigger runs the digest job through the scheduler, and the digest goes out once', async () => {
  // The clock says it is 09:00 in Rome; node-cron ticks on the real clock, every second here.
  const clock = createManualClock('2026-06-01T07:00:00Z');
  const ctx = buildTestCtx(database.db, { clock });
  const brand = await createBrandWith(ctx, 'Cron', { timezone: 'Europe/Rome' });
  const delivery = createRecordingDelivery(clock, [brand.id]);
  const job = { ...createDigestJob({ delivery, owner: 'cron-replica' }), cron: '* * * * * *' };
  const ticks: JobOutcome[] = [];
  const scheduler = startScheduler(ctx, [job], 'cron-replica', (_job, outcome) => ticks.push(outcome));
  try {
    const deadline = Date.now() + 10_000;
    while ((delivery.posted.length === 0 || ticks.length < 2) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    await scheduler.stop();
  }
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  expect(ticks.every((outcome) => outcome === 'ran')).toBe(true);
  expect(delivery.posted.map((p) => [p.brandId, p.localDate, p.late])).toEqual([[brand.id, '2026-06-01', false]]);
});
