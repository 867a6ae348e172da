import { beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseUrl } from '../helpers/testEnv.js';
import { runDigestScenario, type DigestScenarioResult } from './cluster/scenarios.js';

// Three replicas (separate processes, one PostgreSQL) each fire the daily digest job at
// every simulated tick node-cron would, for 48 hours of 50 brands in five time zones.
// Mid-way one replica is killed with SIGKILL while it is posting a digest.

const brands = 50;
const days = 2;
/** How long a digest claim holds before another replica may take it over (claimDigestRun's default). */
const claimLeaseSeconds = 300;

describe.skipIf(!testDatabaseUrl)('48 hours of digests on three replicas, one killed mid-send (needs TEST_DATABASE_URL)', () => {
  let run: DigestScenarioResult;

  beforeAll(async () => {
    run = await runDigestScenario({ adminUrl: testDatabaseUrl as string, replicas: 3, brands, days, stepMinutes: 10, kill: { afterDigests: 4, watchMinutes: 30 } });
  }, 300_000);

  test(`exactly ${brands}×${days} digests, each posted once`, () => {
    expect(run.report.anomalies).toEqual([]);
    expect(run.report.expected).toBe(brands * days);
    expect(run.report.sent).toBe(brands * days);
    expect(run.report.posted).toBe(brands * days);
    expect(run.report.duplicates).toBe(0);
    expect(run.report.brandsOff).toBe(0);
  });

  test('the job moved between replicas, and no tick failed', () => {
    expect(run.simulation.outcomes.failed ?? 0).toBe(0);
    expect(Object.values(run.postsByReplica).filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
  });

  test('the killed replica lost its leases: the others sent what it held, within the claim lease', () => {
    expect(run.simulation.killed).not.toBeNull();
    // The digests it was sending when it died (the job sends a few at once): taken over once their claims ran out.
    expect(run.report.recovered?.claims, [...(run.report.recovered?.details ?? []), JSON.stringify(run.problems, null, 1)].join('\n')).toBeGreaterThanOrEqual(1);
    // The rest of that hour's digests, which it never reached: sent once its job lease ran out.
    expect(run.report.recovered?.due).toBeGreaterThan(0);
    expect(run.report.recovered?.maxSecondsAfterKill).toBeLessThanOrEqual(claimLeaseSeconds);
  });
});
