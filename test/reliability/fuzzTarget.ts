import { afterAckQueue } from '../../src/slack/afterAck.js';
import { sendToApp, type SlackRequest } from '../fakes/slack.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import type { SlackFuzzContext } from './fuzzSlack.js';
import { actorOf, approvalsChannel, socialChannel, startReliabilityTandem, type ReliabilityTandem } from './harness.js';

/**
 * Payloads per surface, as the reliability issue asks: 10,000 (about 30–100 s a surface
 * on a 2-core machine, the four files in parallel). FUZZ_PAYLOADS=1000 for a quick run.
 */
export const perSurface = Number(process.env.FUZZ_PAYLOADS ?? 10_000);
/** Fixed, so a failure can be replayed; change it to explore further. */
export const fuzzSeed = 0x7a4d3;
/** Requests in flight at once: enough to overlap the work, few enough to keep the run short. */
const concurrency = 32;

export type FuzzTarget = {
  run: ReliabilityTandem;
  database: TestDatabase;
  context: SlackFuzzContext;
  /** Unhandled rejections and uncaught exceptions seen while the target ran. */
  unhandled: unknown[];
  close(): Promise<void>;
};

/**
 * Tandem in this process (real database, real Bolt and discord.js, stand-ins for the
 * platforms), logging warnings and errors only, with a few posts and interactions for the
 * fuzzed ids to hit, and a watch on the process for anything left unhandled.
 */
export async function startFuzzTarget(options: { discord?: boolean } = {}): Promise<FuzzTarget> {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  const database = await createTestDatabase();
  const run = await startReliabilityTandem({ databaseUrl: database.url, discord: options.discord ?? false, logLevel: 'warn' });
  const { team } = run;
  for (let i = 1; i <= 5; i++) await run.commandReply(team.cm, '/plan', `instagram 2031-09-0${i} 10:00 Fuzz target ${i}`);
  for (let i = 1; i <= 5; i++) await run.commandReply(team.cm, '/log', `x comment @fan${i} Fuzz target ${i}`);
  return {
    run,
    database,
    context: { slack: run.slack, people: [team.admin, team.strategist, team.cm, team.viewer, team.outsider].map(actorOf), channels: [socialChannel, approvalsChannel], brandId: team.brand.id },
    unhandled,
    async close() {
      process.off('unhandledRejection', onUnhandled);
      process.off('uncaughtException', onUnhandled);
      await run.close();
      await database.close();
    },
  };
}

/** HTTP statuses Tandem answered with, and how many of each. */
export type Statuses = Record<number, number>;

/**
 * Sends `count` signed requests, `concurrency` at a time, then waits for the work Tandem
 * does after acknowledging them: a crash there counts too.
 */
export async function sendSigned(target: FuzzTarget, count: number, build: () => SlackRequest): Promise<Statuses> {
  const { run } = target;
  const statuses: Statuses = {};
  let sent = 0;
  const worker = async () => {
    while (sent < count) {
      sent += 1;
      const { status } = await sendToApp(run.endpoint, run.secrets.slackSigningSecret, build());
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const deadline = Date.now() + 600_000;
  for (let load = afterAckQueue.load(); load.running + load.waiting > 0 && Date.now() < deadline; load = afterAckQueue.load()) await new Promise((r) => setTimeout(r, 50));
  // The stand-in's records are not needed; kept, they slow its lookups down.
  run.slack.calls.length = 0;
  run.slack.responses.length = 0;
  run.slack.workspace.messages.length = 0;
  return statuses;
}

/**
 * Bugs the boundaries caught: a TypeError or ReferenceError inside a handler means code
 * assumed a shape the payload did not have. (Refusals, unreadable button values and
 * metadata Tandem did not write are expected answers to fuzz, not bugs.)
 */
export function programmingErrors(target: FuzzTarget): string[] {
  return target.run.log
    .errors()
    .filter((line) => /^(TypeError|ReferenceError|RangeError)$/.test(String(line.err?.type)))
    .map((line) => `${line.msg}: ${line.err?.type}: ${line.err?.message}`);
}

/** After the fuzz: still healthy, still doing its job. */
export async function expectStillWorking(target: FuzzTarget): Promise<void> {
  const { run } = target;
  const health = await fetch(`http://127.0.0.1:${run.tandem.http.port}/healthz`);
  if (health.status !== 200) throw new Error(`healthz answered ${health.status}`);
  const reply = await run.commandReply(run.team.cm, '/log', 'instagram comment @after Still here?');
  if (reply.body.response_type !== 'in_channel') throw new Error(`a normal /log after the fuzz got ${JSON.stringify(reply.body).slice(0, 300)}`);
}
