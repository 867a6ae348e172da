import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTandem, type Tandem } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLog } from '../../src/core/log.js';
import { runJobOnce } from '../../src/jobs/scheduler.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let database: TestDatabase;
let tandem: Tandem;
beforeAll(async () => {
  database = await createTestDatabase();
  tandem = await startTandem(loadConfig({ DATABASE_URL: database.url, PORT: '0', PLAYGROUND: '0' }), silentLog, { jobs: [] });
});
afterAll(async () => {
  await tandem.stop();
  await database.close();
});

const url = (path: string) => `http://127.0.0.1:${tandem.http.port}${path}`;

test('readyz reports database, migrations and platforms', async () => {
  const res = await fetch(url('/readyz'));
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ready: true, checks: { database: 'up', migrations: 'applied' } });
});

test('metrics are served in Prometheus text format and count job ticks', async () => {
  await runJobOnce(tandem.ctx, { name: 'probe', cron: '* * * * *', run: async () => {} }, tandem.owner);
  tandem.metrics.jobs.inc({ job: 'probe', outcome: 'ran' });
  const res = await fetch(url('/metrics'));
  expect(res.headers.get('content-type')).toContain('text/plain');
  const text = await res.text();
  expect(text).toContain('# TYPE tandem_commands_total counter');
  expect(text).toMatch(/tandem_jobs_total\{job="probe",outcome="ran"\} 1/);
  expect(text).toContain('tandem_process_resident_memory_bytes');
});

test('a pending migration makes the replica not ready', async () => {
  await database.db.$executeRaw`UPDATE _prisma_migrations SET finished_at = NULL`;
  const res = await fetch(url('/readyz'));
  expect(res.status).toBe(503);
  expect(((await res.json()) as { checks: { migrations: string } }).checks.migrations).toMatch(/pending/);
  await database.db.$executeRaw`UPDATE _prisma_migrations SET finished_at = now()`;
});
