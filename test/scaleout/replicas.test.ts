import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack.js';
import { testDatabaseUrl } from '../helpers/testEnv.js';
import { isGapless, readPostNumbers, runCommandLoad, setUpWorkspace, workspaceChannel, type CommandLoadResult } from './cluster/commandLoad.js';
import { createSlackFrontDoor, type SlackFrontDoor } from './cluster/frontDoor.js';
import { scrape, sumOf } from './cluster/prometheus.js';
import { startReplicas, stopReplicas, summarizeErrors, type Replica } from './cluster/replicas.js';
import { createScratchDatabase, type ScratchDatabase } from './cluster/scratchDatabase.js';
import { findSecrets, makeSecrets } from './cluster/secrets.js';

// Three Tandem processes (node --import tsx src/main.ts) on one fresh PostgreSQL database,
// the Slack stand-in in front of them spreading signed requests round-robin.

const commandCount = 1_000;
/** An agency's client brands, each numbering its own posts. */
const brandCount = 10;
const secrets = makeSecrets();

describe.skipIf(!testDatabaseUrl)('three replicas on one PostgreSQL (needs TEST_DATABASE_URL, e.g. postgresql://postgres@127.0.0.1:5432/test)', () => {
  let database: ScratchDatabase;
  let slack: FakeSlackApi;
  let replicas: Replica[] = [];
  let door: SlackFrontDoor;
  let load: CommandLoadResult;

  beforeAll(async () => {
    database = await createScratchDatabase(testDatabaseUrl as string, 'scaleout');
    slack = await startFakeSlackApi({ acceptedTokens: [secrets.slackBotToken], channels: [{ id: workspaceChannel, name: 'social' }] });
    // One replica logs at debug level, where libraries say the most: the token scan reads it.
    replicas = await startReplicas({ databaseUrl: database.url, slackApiUrl: slack.apiUrl, secrets, extra: (i) => (i === 0 ? { LOG_LEVEL: 'info' } : {}) }, 3);
    door = createSlackFrontDoor(replicas.map((r) => r.endpoint), secrets.slackSigningSecret);
    await setUpWorkspace(slack, door, brandCount);
  }, 120_000);

  afterAll(async () => {
    await stopReplicas(replicas);
    await slack?.close();
    await database?.drop();
  });

  test(`${commandCount} commands spread over the replicas are all answered`, async () => {
    load = await runCommandLoad(slack, door, { count: commandCount, brands: brandCount, concurrency: 24 });
    expect(load.answered).toBe(commandCount);
    expect(summarizeErrors(replicas)).toEqual({});
    expect(load.retries).toBe(0);
    for (const share of load.perReplica) expect(share).toBeGreaterThanOrEqual(Math.floor(commandCount / 3));
  }, 120_000);

  test("each brand's post numbers run 1..N with no gap and no repeat", async () => {
    const perBrand = await readPostNumbers(database.url);
    expect(perBrand).toHaveLength(brandCount);
    expect(perBrand.map((numbers) => numbers.length)).toEqual(Array.from({ length: brandCount }, () => commandCount / brandCount));
    expect(perBrand.every(isGapless)).toBe(true);
  });

  test("the replicas' metrics add up to the commands sent", async () => {
    const scraped = await Promise.all(replicas.map((r) => scrape(r.port)));
    const planned = scraped.map((samples) => sumOf(samples, 'tandem_commands_total', { platform: 'slack', command: '/plan', outcome: 'ok' }));
    expect(planned.reduce((a, b) => a + b, 0)).toBe(commandCount);
    expect(planned).toEqual(load.perReplica);
    for (const samples of scraped) expect(sumOf(samples, 'tandem_command_duration_seconds_count', { platform: 'slack', command: '/plan' })).toBeGreaterThan(0);
  });

  test('logs are JSON lines with a request id on every line of a request, and no token anywhere', () => {
    for (const replica of replicas) {
      const lines = replica.stdout().split('\n').filter(Boolean);
      const parsed = lines.map((line) => JSON.parse(line) as { requestId?: string; slack?: string });
      const planLines = parsed.filter((line) => line.slack === '/plan');
      expect(planLines.length).toBeGreaterThan(0);
      expect(planLines.every((line) => typeof line.requestId === 'string' && line.requestId.length > 0)).toBe(true);
      expect(findSecrets(replica.stdout() + replica.stderr(), secrets)).toEqual([]);
    }
  });
});
