import { beforeAll, describe, expect, test } from 'vitest';
import { testDatabaseUrl } from '../helpers/testEnv.js';
import { isGapless } from './cluster/commandLoad.js';
import { runCommandScenario, type CommandScenarioResult } from './cluster/scenarios.js';
import { findSecrets } from './cluster/secrets.js';

// Three Tandem processes (node --import tsx src/main.ts) on one fresh PostgreSQL database,
// the Slack stand-in in front of them spreading signed requests round-robin.

const commands = 1_000;
/** An agency's client brands, each numbering its own posts. */
const brands = 10;

describe.skipIf(!testDatabaseUrl)('three replicas on one PostgreSQL (needs TEST_DATABASE_URL, e.g. postgresql://postgres@127.0.0.1:5432/test)', () => {
  let run: CommandScenarioResult;

  beforeAll(async () => {
    run = await runCommandScenario({ adminUrl: testDatabaseUrl as string, replicas: 3, commands, brands, concurrency: 24 });
  }, 420_000);

  test(`${commands} commands spread over the replicas are all answered, none with an apology`, () => {
    expect(run.load.answered).toBe(commands);
    expect(run.load.retries).toBe(0);
    expect(run.errors).toEqual({});
    for (const share of run.load.perReplica) expect(share).toBeGreaterThanOrEqual(Math.floor(commands / 3));
  });

  test("each brand's post numbers run 1..N with no gap and no repeat", () => {
    expect(run.postNumbers).toHaveLength(brands);
    expect(run.postNumbers.map((numbers) => numbers.length)).toEqual(Array.from({ length: brands }, () => commands / brands));
    expect(run.postNumbers.every(isGapless)).toBe(true);
  });

  test("the replicas' /metrics add up to the commands each one took", () => {
    expect(run.planned.reduce((a, b) => a + b, 0)).toBe(commands);
    expect(run.planned).toEqual(run.load.perReplica);
    expect(run.timed).toEqual(run.load.perReplica);
  });

  test('logs are JSON lines, each line of a request carries its request id, and no token appears anywhere', () => {
    for (const output of run.outputs) {
      const lines = output.split('\n').filter((line) => line.startsWith('{'));
      expect(lines.length).toBeGreaterThan(0);
      const requestLines = lines.map((line) => JSON.parse(line) as { requestId?: string; slack?: string }).filter((line) => line.slack !== undefined);
      expect(requestLines.every((line) => typeof line.requestId === 'string' && line.requestId.length >= 8)).toBe(true);
      expect(findSecrets(output, run.secrets)).toEqual([]);
    }
  });
});
