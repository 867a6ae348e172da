import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTandem, type Tandem } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { raiseEscalation } from '../../src/core/escalations.js';
import { silentLog } from '../../src/core/log.js';
import { createTeam, type Team } from '../helpers/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { parsePrometheus, sumOf, type Sample } from './cluster/prometheus.js';

// What an operator reads at GET /metrics besides counters: how late the due work is and
// how many digests went out, read from the database (the same on every replica).

let database: TestDatabase;
let tandem: Tandem;
let team: Team;

beforeAll(async () => {
  database = await createTestDatabase();
  tandem = await startTandem(loadConfig({ DATABASE_URL: database.url, PORT: '0', PLAYGROUND: '0' }), silentLog, { jobs: [] });
  team = await createTeam(tandem.ctx);
});
afterAll(async () => {
  await tandem?.stop();
  await database?.close();
});

async function scrape(): Promise<Sample[]> {
  const res = await fetch(`http://127.0.0.1:${tandem.http.port}/metrics`);
  return parsePrometheus(await res.text());
}

test('nothing due: lag 0 on every queue, in-flight 0', async () => {
  const samples = await scrape();
  expect(sumOf(samples, 'tandem_queue_lag_seconds', { queue: 'escalation_pages' })).toBe(0);
  expect(sumOf(samples, 'tandem_queue_lag_seconds', { queue: 'digest_retries' })).toBe(0);
  expect(sumOf(samples, 'tandem_requests_in_flight')).toBe(0);
});

test('an overdue re-page and a digest whose sender went silent show as lag; sent digests are counted per day', async () => {
  const escalation = await raiseEscalation(tandem.ctx, { brandId: team.brand.id, actorId: team.cm.id, severity: 'sev1', summary: 'Angry thread', raisedVia: 'slack_command' });
  await database.db.$executeRaw`UPDATE escalations SET next_page_at = now() - interval '90 seconds' WHERE id = ${escalation.id}`;
  await database.db.$executeRaw`
    INSERT INTO digest_runs (brand_id, kind, local_date, status, late, attempts, claimed_by, claimed_at, lease_until)
    VALUES (${team.brand.id}, 'daily', current_date, 'claimed', false, 0, 'dead-replica', now() - interval '10 minutes', now() - interval '5 minutes')`;
  await database.db.$executeRaw`
    INSERT INTO digest_runs (brand_id, kind, local_date, status, late, attempts, claimed_by, claimed_at, sent_at)
    VALUES (${team.brand.id}, 'daily', current_date - 1, 'sent', true, 0, 'replica', now() - interval '2 hours', now() - interval '2 hours')`;
  const samples = await scrape();
  expect(sumOf(samples, 'tandem_queue_lag_seconds', { queue: 'escalation_pages' })).toBeGreaterThanOrEqual(89);
  expect(sumOf(samples, 'tandem_queue_due_items', { queue: 'escalation_pages' })).toBe(1);
  expect(sumOf(samples, 'tandem_queue_lag_seconds', { queue: 'digest_retries' })).toBeGreaterThanOrEqual(299);
  expect(sumOf(samples, 'tandem_digests_sent_last_24h', { kind: 'daily', late: 'true' })).toBe(1);
});
