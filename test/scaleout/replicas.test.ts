import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack.js';
import { testDatabaseUrl } from '../helpers/testEnv.js';
import { readPostNumbers, runCommandLoad, setUpWorkspace, workspaceChannel, type CommandLoadResult } from './cluster/commandLoad.js';
import { createSlackFrontDoor, type SlackFrontDoor } from './cluster/frontDoor.js';
import { scrape, sumOf } from './cluster/prometheus.js';
import { startReplicas, stopReplicas, type Replica } from './cluster/replicas.js';
import { createScratchDatabase, type ScratchDatabase } from './cluster/scratchDatabase.js';
import { findSecrets, makeSecrets } from './cluster/secrets.js';

// Three Tandem processes (node --import tsx src/main.ts) on one fresh PostgreSQL database,
// the Slack stand-in in front of them spreading signed requests round-robin.

const commandCount = 1_000;
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
    replicas = await startReplicas({ databaseUrl: database.url, slackApiUrl: slack.apiUrl, secrets, logLevel: 'debug' }, 3);
    door = createSlackFrontDoor(replicas.map((r) => r.endpoint), secrets.slackSigningSecret);
    await setUpWorkspace(slack, door);
  }, 120_000);

  afterAll(async () => {
    await stopReplicas(replicas);
    await slack?.close();
    await database?.drop();
  });

  test(`${commandCount} commands spread over the replicas are all answered`, async () => {
    load = await runCommandLoad(slack, door, { count: commandCount, concurrency: 24 });
    expect(load.answered).toBe(commandCount);
    expect(load.retries).toBe(0);
    for (const share of load.perReplica) expect(share).toBeGreaterThanOrEqual(Math.floor(commandCount / 3));
  }, 120_000);

  test('post numbers run 1..N with no gap and no repeat', async () => {
    const numbers = await readPostNumbers(database.url);
    expect(numbers).toEqual(Array.from({ length: commandCount }, (_, i) => i + 1));
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
