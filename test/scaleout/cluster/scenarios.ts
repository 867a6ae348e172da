import { startFakeSlackApi } from '../../fakes/slack.js';
import { startClockedReplica, type ClockedReplica } from './clockedReplicas.js';
import { readPostNumbers, runCommandLoad, setUpWorkspace, workspaceChannel, type CommandLoadResult } from './commandLoad.js';
import { reportDigests, runDigestSimulation, seedDigestBrands, simulationStart, type DigestReport, type KillPlan, type SimulationResult } from './digestSimulation.js';
import { createSlackFrontDoor } from './frontDoor.js';
import { scrape, sumOf } from './prometheus.js';
import { startReplicas, stopReplicas, summarizeErrors, type Replica } from './replicas.js';
import { createScratchDatabase } from './scratchDatabase.js';
import { makeSecrets, type Secrets } from './secrets.js';
import { startSlackGate } from './slackGate.js';

// The three-replica scenarios, shared by test/scaleout and `npm run scaleout:demo`.

export type CommandScenarioOptions = { adminUrl: string; replicas: number; commands: number; brands: number; concurrency: number };

export type CommandScenarioResult = {
  load: CommandLoadResult;
  /** Each brand's post numbers, in order. */
  postNumbers: number[][];
  /** Per replica: /plan commands its /metrics counted as answered, and latency samples. */
  planned: number[];
  timed: number[];
  /** Per replica: stdout and stderr, for the log checks. */
  outputs: string[];
  errors: Record<string, number>;
  secrets: Secrets;
};

/**
 * N × `node --import tsx src/main.ts` on a fresh database, the Slack stand-in in front
 * spreading signed /plan commands round-robin; everything is stopped and dropped after.
 */
export async function runCommandScenario(options: CommandScenarioOptions): Promise<CommandScenarioResult> {
  const secrets = makeSecrets();
  const database = await createScratchDatabase(options.adminUrl, 'scaleout');
  const slack = await startFakeSlackApi({ acceptedTokens: [secrets.slackBotToken], channels: [{ id: workspaceChannel, name: 'social' }] });
  let replicas: Replica[] = [];
  try {
    replicas = await startReplicas({ databaseUrl: database.url, slackApiUrl: slack.apiUrl, secrets }, options.replicas);
    const door = createSlackFrontDoor(
      replicas.map((r) => r.endpoint),
      secrets.slackSigningSecret,
    );
    await setUpWorkspace(slack, door, options.brands);
    const load = await runCommandLoad(slack, door, { count: options.commands, brands: options.brands, concurrency: options.concurrency });
    const scraped = await Promise.all(replicas.map((r) => scrape(r.port)));
    return {
      load,
      postNumbers: await readPostNumbers(database.url),
      planned: scraped.map((samples) => sumOf(samples, 'tandem_commands_total', { platform: 'slack', command: '/plan', outcome: 'ok' })),
      timed: scraped.map((samples) => sumOf(samples, 'tandem_command_duration_seconds_count', { platform: 'slack', command: '/plan' })),
      outputs: replicas.map((r) => r.stdout() + r.stderr()),
      errors: summarizeErrors(replicas),
      secrets,
    };
  } finally {
    await stopReplicas(replicas);
    await slack.close();
    await database.drop();
  }
}

export type DigestScenarioOptions = { adminUrl: string; replicas: number; brands: number; days: number; stepMinutes: number; kill: KillPlan };

export type DigestScenarioResult = {
  simulation: SimulationResult;
  report: DigestReport;
  /** Digests (and other messages) each replica posted. */
  postsByReplica: Record<string, number>;
  /** Warnings and errors the replicas logged, grouped by message. */
  problems: Record<string, number>;
};

function summarizeProblems(outputs: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of outputs.flatMap((output) => output.split('\n'))) {
    if (!line.startsWith('{') || !/"level":(40|50|60)/.test(line)) continue;
    const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
    const key = `${entry.msg ?? ''}: ${entry.err?.message ?? ''}`.slice(0, 200);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * N clocked replicas (startTandem in its own process, time set by the test) on a fresh
 * database with `brands` brands; the daily digest job fired on all of them at each
 * simulated tick for `days` days, one replica killed mid-send.
 */
export async function runDigestScenario(options: DigestScenarioOptions): Promise<DigestScenarioResult> {
  const secrets = makeSecrets();
  const database = await createScratchDatabase(options.adminUrl, 'digests');
  const slack = await startFakeSlackApi({ acceptedTokens: [secrets.slackBotToken] });
  const gate = await startSlackGate(slack.apiUrl);
  let replicas: ClockedReplica[] = [];
  try {
    await seedDigestBrands(database.url, slack, options.brands);
    const started = await Promise.allSettled(
      Array.from({ length: options.replicas }, (_, i) =>
        startClockedReplica(`r${i + 1}`, {
          DATABASE_URL: database.url,
          SLACK_BOT_TOKEN: secrets.slackBotToken,
          SLACK_SIGNING_SECRET: secrets.slackSigningSecret,
          SLACK_API_URL: gate.apiUrlFor(`r${i + 1}`),
          PLAYGROUND: '0',
          LOG_LEVEL: 'warn',
          TANDEM_START_AT: simulationStart.toISOString(),
        }),
      ),
    );
    replicas = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const simulation = await runDigestSimulation(replicas, gate, { hours: options.days * 24, stepMinutes: options.stepMinutes, kill: options.kill });
    const report = await reportDigests(database.url, slack, { brands: options.brands, perBrand: options.days, killed: simulation.killed, recoveryWindowMinutes: options.kill.watchMinutes });
    return { simulation, report, postsByReplica: gate.callsBy('chat.postMessage'), problems: summarizeProblems(replicas.map((r) => r.output())) };
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
    await gate.close();
    await slack.close();
    await database.drop();
  }
}
