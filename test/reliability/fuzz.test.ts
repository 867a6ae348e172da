import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterAckQueue } from '../../src/slack/afterAck.js';
import { sendToApp, type SlackRequest } from '../fakes/slack.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { dispatchFuzzedInteraction } from './fuzzDiscord.js';
import { fuzzBlockActions, fuzzSlashCommand, fuzzViewSubmission, malformedRequest, type SlackFuzzContext } from './fuzzSlack.js';
import { seededRandom } from './fuzzText.js';
import { actorOf, approvalsChannel, socialChannel, startReliabilityTandem, type ReliabilityTandem } from './harness.js';

// 10,000 generated payloads per surface, signed as Slack signs them or delivered as
// Discord's gateway delivers them, into Tandem running in this process: nothing may crash
// it, reject unhandled, or go unanswered. Seeded, so a failure can be replayed.

// `npm test` sends 1,000 per surface to stay inside the suite's budget on a shared 2-core
// machine; FUZZ_PAYLOADS=10000 runs the full size the reliability issue asks for.
const perSurface = Number(process.env.FUZZ_PAYLOADS ?? 1_000);
const seed = 0x7a4d3;
/** In flight at once: enough to overlap the work, few enough to keep the run in seconds. */
const concurrency = 32;

type Tally = { statuses: Map<number, number>; slowest: number };

describe('fuzz', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let run: ReliabilityTandem;
  let context: SlackFuzzContext;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    process.on('uncaughtException', onUnhandled);
    database = await createTestDatabase();
    run = await startReliabilityTandem({ databaseUrl: database.url, discord: true, logLevel: 'warn' });
    const { team } = run;
    context = { slack: run.slack, people: [team.admin, team.strategist, team.cm, team.viewer, team.outsider].map(actorOf), channels: [socialChannel, approvalsChannel], brandId: team.brand.id };
    // Something to act on: posts and interactions the fuzzed ids may hit.
    for (let i = 1; i <= 5; i++) await run.commandReply(team.cm, '/plan', `instagram 2031-09-0${i} 10:00 Fuzz target ${i}`);
    for (let i = 1; i <= 5; i++) await run.commandReply(team.cm, '/log', `x comment @fan${i} Fuzz target ${i}`);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    await run?.close();
    await database?.close();
  });

  async function sendAll(count: number, build: () => SlackRequest): Promise<Tally> {
    const tally: Tally = { statuses: new Map(), slowest: 0 };
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next += 1;
        const started = Date.now();
        const { status } = await sendToApp(run.endpoint, run.secrets.slackSigningSecret, build());
        tally.slowest = Math.max(tally.slowest, Date.now() - started);
        tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    // The work after each acknowledgement, done before judging.
    const deadline = Date.now() + 120_000;
    while (afterAckQueue.load().running + afterAckQueue.load().waiting > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // What the stand-in recorded is not needed any more; keeping it slows its lookups down.
    run.slack.calls.length = 0;
    run.slack.responses.length = 0;
    run.slack.workspace.messages.length = 0;
    return tally;
  }

  function expectAnswered(tally: Tally, allowed: number[]) {
    const statuses = Object.fromEntries(tally.statuses);
    for (const status of tally.statuses.keys()) expect(allowed, `HTTP ${status} in ${JSON.stringify(statuses)}`).toContain(status);
    expect([...tally.statuses.values()].reduce((a, b) => a + b, 0)).toBe(perSurface);
  }

  /** What went wrong inside handlers, by kind: programming errors (TypeError…) are bugs. */
  function programmingErrors(): string[] {
    return run.log
      .errors()
      .filter((line) => /^(TypeError|ReferenceError|RangeError|SyntaxError)$/.test(String(line.err?.type)) && !/JSON/.test(String(line.err?.message)))
      .map((line) => `${line.msg}: ${line.err?.type}: ${line.err?.message}`);
  }

  it(`${perSurface} slash commands with generated text (unicode, huge, control characters, lookalike ids) are all acknowledged`, async () => {
    const random = seededRandom(seed);
    const tally = await sendAll(perSurface, () => fuzzSlashCommand(random, context));
    expectAnswered(tally, [200]);
    expect(programmingErrors()).toEqual([]);
  });

  it(`${perSurface} block_actions (known and unknown action ids, wrong values, every container) are all answered`, async () => {
    const random = seededRandom(seed + 1);
    const tally = await sendAll(perSurface, () => fuzzBlockActions(random, context));
    expectAnswered(tally, [200, 404]);
    expect(programmingErrors()).toEqual([]);
  });

  it(`${perSurface} view_submissions (known and unknown modals, garbage state and metadata) are all answered`, async () => {
    const random = seededRandom(seed + 2);
    const tally = await sendAll(perSurface, () => fuzzViewSubmission(random, context));
    expectAnswered(tally, [200, 404]);
    expect(programmingErrors()).toEqual([]);
  });

  it('malformed bodies are refused with 4xx', async () => {
    const random = seededRandom(seed + 3);
    for (let i = 0; i < 50; i++) {
      const { status } = await sendToApp(run.endpoint, run.secrets.slackSigningSecret, malformedRequest(random));
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
  });

  it(`${perSurface} Discord interactions (stale and unknown commands, wrong option types, huge and unicode strings, unknown buttons) are all answered`, async () => {
    const fake = run.discord!;
    const random = seededRandom(seed + 4);
    let unanswered = 0;
    for (let done = 0; done < perSurface; done += 250) {
      const batch = Array.from({ length: Math.min(250, perSurface - done) }, () => dispatchFuzzedInteraction(random, fake));
      const deadline = Date.now() + 20_000;
      while (batch.some((r) => r.callbacks.length === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      unanswered += batch.filter((r) => r.callbacks.length === 0).length;
      for (const record of batch) fake.world.interactions.delete(record.id);
      fake.calls.length = 0;
    }
    expect(unanswered).toBe(0);
    expect(programmingErrors()).toEqual([]);
  });

  it('Tandem is still up and working, and nothing was left unhandled', async () => {
    expect((await fetch(`http://127.0.0.1:${run.tandem.http.port}/healthz`)).status).toBe(200);
    const reply = await run.commandReply(run.team.cm, '/log', 'instagram comment @after Still here?');
    expect(reply.body.response_type).toBe('in_channel');
    expect(unhandled).toEqual([]);
  });
});
