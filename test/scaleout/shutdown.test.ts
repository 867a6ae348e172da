import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { buildSlashCommand, sendToApp, startFakeSlackApi, type FakeSlackApi } from '../fakes/slack.js';
import { testDatabaseUrl } from '../helpers/testEnv.js';
import { runCommand, setUpWorkspace, communityManagers, brandChannel } from './cluster/commandLoad.js';
import { createSlackFrontDoor } from './cluster/frontDoor.js';
import { startReplicas, type Replica } from './cluster/replicas.js';
import { countConnections, createScratchDatabase, type ScratchDatabase } from './cluster/scratchDatabase.js';
import { findSecrets, makeSecrets } from './cluster/secrets.js';
import { startSlackGate, type HeldCall, type SlackGate } from './cluster/slackGate.js';

// SIGTERM to a real Tandem process (src/main.ts, Slack and Discord on) while a command is
// half done: it stops taking work, finishes the command, gives back its job leases,
// closes the Discord gateway and the database, and exits 0. It logs at debug level
// throughout, with real-looking tokens configured, and none of them reaches the logs.

const secrets = makeSecrets();

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!testDatabaseUrl)('graceful shutdown of a real process on SIGTERM (needs TEST_DATABASE_URL)', () => {
  let database: ScratchDatabase;
  let slack: FakeSlackApi;
  let gate: SlackGate;
  let discord: FakeDiscord;
  let replica: Replica;
  let held: HeldCall;
  let exitCode: number | null;
  const readyDuringStop: number[] = [];
  let refusedStatus = 0;

  beforeAll(async () => {
    database = await createScratchDatabase(testDatabaseUrl as string, 'shutdown');
    slack = await startFakeSlackApi({ acceptedTokens: [secrets.slackBotToken] });
    gate = await startSlackGate(slack.apiUrl);
    discord = await startFakeDiscord({ token: secrets.discordToken });
    [replica] = (await startReplicas(
      {
        databaseUrl: database.url,
        slackApiUrl: gate.apiUrlFor('r1'),
        secrets,
        logLevel: 'debug',
        extra: () => ({ DISCORD_TOKEN: secrets.discordToken, DISCORD_API_URL: discord.apiUrl, SHUTDOWN_GRACE_SECONDS: '20' }),
      },
      1,
    )) as [Replica];
    const door = createSlackFrontDoor([replica.endpoint], secrets.slackSigningSecret);
    await setUpWorkspace(slack, door, 1);
    // A job lease this replica holds (as while a digest run is under way).
    await query(database.url, `INSERT INTO job_leases (name, owner, lease_until) VALUES ('probe', $1, now() + interval '10 minutes')`, [replica.replicaId]);

    // A command whose approval request is held on its way to Slack: in flight when SIGTERM comes.
    const holding = gate.holdNext('chat.postMessage');
    const request = buildSlashCommand(slack, { command: '/plan', text: 'instagram 2031-04-01 10:00 Caught by the shutdown', user: communityManagers[0] as { id: string; name: string }, channelId: brandChannel(0) });
    expect((await door.send(request)).status).toBe(200);
    held = await holding;
    const exited = new Promise<number | null>((resolve) => replica.child.once('exit', (code) => resolve(code)));
    replica.child.kill('SIGTERM');

    // Still up while it drains: readiness says no, new work is refused (Slack retries elsewhere).
    const url = `http://127.0.0.1:${replica.port}`;
    for (let i = 0; i < 50 && !readyDuringStop.includes(503); i++) {
      readyDuringStop.push((await fetch(`${url}/readyz`)).status);
      await new Promise((r) => setTimeout(r, 50));
    }
    const late = buildSlashCommand(slack, { command: '/plan', text: 'week', user: communityManagers[0] as { id: string; name: string }, channelId: brandChannel(0) });
    refusedStatus = (await sendToApp(replica.endpoint, secrets.slackSigningSecret, late)).status;
    held.release();
    exitCode = await exited;
  }, 120_000);

  afterAll(async () => {
    await replica?.stop();
    await discord?.close();
    await gate?.close();
    await slack?.close();
    await database?.drop();
  });

  test('readiness turns 503 and new Slack requests get 503 while it drains', () => {
    expect(readyDuringStop).toContain(503);
    expect(refusedStatus).toBe(503);
  });

  test('the command in flight finishes and is answered', async () => {
    const answer = slack.responses.find((r) => JSON.stringify(r.body).includes('is planned'));
    expect(answer).toBeDefined();
    expect(slack.callsTo('chat.postMessage').length).toBeGreaterThan(0);
    const posts = await query<{ n: string }>(database.url, 'SELECT count(*) AS n FROM posts');
    expect(Number(posts[0]?.n)).toBe(1);
  });

  test('it exits 0, job leases given back, gateway and database closed', async () => {
    expect(exitCode).toBe(0);
    const leases = await query<{ released: boolean }>(database.url, `SELECT lease_until <= now() AS released FROM job_leases WHERE owner = $1`, [replica.replicaId]);
    expect(leases.length).toBeGreaterThan(0);
    expect(leases.every((l) => l.released)).toBe(true);
    expect(discord.gateway.sessions()).toEqual([]);
    expect(await countConnections(testDatabaseUrl as string, database.name)).toBe(0);
    const stopped = replica
      .stdout()
      .split('\n')
      .filter((line) => line.includes('"msg":"stopped"'))
      .map((line) => JSON.parse(line) as { releasedLeases: number });
    expect(stopped).toHaveLength(1);
    expect(stopped[0]?.releasedLeases).toBeGreaterThanOrEqual(1);
  });

  test('debug logs, Slack and Discord on, real-looking tokens: none of them in the output', () => {
    const output = replica.stdout() + replica.stderr();
    expect(output.split('\n').filter((line) => line.includes('"level":20')).length).toBeGreaterThan(10);
    expect(findSecrets(output, secrets)).toEqual([]);
  });

  test('a second command after the restart of the workspace still works (nothing was kept in the dead process)', async () => {
    const [next] = (await startReplicas({ databaseUrl: database.url, slackApiUrl: slack.apiUrl, secrets, extra: () => ({ SHUTDOWN_GRACE_SECONDS: '5' }) }, 1)) as [Replica];
    try {
      const door = createSlackFrontDoor([next.endpoint], secrets.slackSigningSecret);
      const answer = await runCommand(slack, door, communityManagers[0] as { id: string; name: string }, '/plan', 'instagram 2031-04-02 10:00 After the restart', brandChannel(0));
      expect(JSON.stringify(answer.body)).toContain('#2');
    } finally {
      await next.stop();
    }
  });
});
