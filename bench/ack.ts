// `npm run bench:ack`: how fast Tandem acknowledges signed slash commands (/log and /plan,
// real database, the work after each ack running meanwhile), at 1, 10 and 100 in flight,
// against a bare Bolt app answering the same signed requests in the same run and process.
// Slack (the stand-in, and the load generator on a thread of its own) runs in a child
// process, as it would run elsewhere. Each level alternates the two apps in rounds and
// pools their samples. Embedded storage always; PostgreSQL too when TEST_DATABASE_URL is set.
// Figures: p50/p99 as the load generator sees them, the bare app's p99 and the ratio (the
// issue's goal: ≤ 1.25 and p99 < 50 ms at 100 in flight), and the same p99s as each HTTP
// server saw them (server_p99_ms, server_p99_ratio).
// Flags: --count N (commands per level), --concurrency 1,10,100, --store embedded|postgres.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { benchStores } from './lib/benchDatabase.js';
import { startBareBolt } from './lib/bareBolt.js';
import { benchCommands } from './lib/commandTexts.js';
import { createErrorTally } from './lib/errorTally.js';
import { percentile, printFigure } from './lib/figures.js';
import { startPlatformSide, type LoadResult } from './lib/platformSideProcess.js';
import { benchBotToken, benchChannel, benchSigningSecret, startBenchTandem } from './lib/benchTandem.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '500' }, concurrency: { type: 'string', default: '1,10,100' }, store: { type: 'string' } } });
const count = Number(values.count);
/** Rounds per level, alternating the two apps (see below); fewer when a round would be smaller than the level's concurrency. */
const maxRounds = 5;
const roundsAt = (concurrency: number) => Math.max(1, Math.min(maxRounds, Math.floor(count / concurrency)));
const levels = values.concurrency.split(',').map(Number);
const postgresUrl = process.env.TEST_DATABASE_URL || undefined;

/** The longest the event loop was held (a 5 ms timer's lateness) while enabled. */
function watchLoopDelay() {
  let max = 0;
  let timer: NodeJS.Timeout | null = null;
  return {
    enable() {
      let last = performance.now();
      timer = setInterval(() => {
        const now = performance.now();
        max = Math.max(max, now - last - 5);
        last = now;
      }, 5);
    },
    disable() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    maxMs: () => max,
  };
}

/**
 * Tandem's own view of each acknowledgement: from the request reaching its HTTP server to
 * the answer written. Beside the load generator's figure, it tells how much of a tail is
 * Tandem's and how much the machine's (threads waiting for a core, loopback).
 */
function watchServerTimes(server: Server) {
  let times: number[] = [];
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    res.once('finish', () => times.push(performance.now() - started));
  });
  return {
    take() {
      const taken = times;
      times = [];
      return taken;
    },
  };
}

function merge(into: LoadResult, from: LoadResult): void {
  into.latencies.push(...from.latencies);
  for (const [status, n] of Object.entries(from.statuses)) into.statuses[status] = (into.statuses[status] ?? 0) + n;
}

const side = await startPlatformSide({ botToken: benchBotToken, signingSecret: benchSigningSecret });
try {
  for (const store of benchStores(postgresUrl).filter((s) => !values.store || s === values.store)) {
    const log = createErrorTally();
    const run = await startBenchTandem({ store, postgresUrl, apiUrl: side.apiUrl, log });
    const bare = await startBareBolt({ signingSecret: benchSigningSecret, botToken: benchBotToken, apiUrl: side.apiUrl, commands: [...benchCommands] });
    const serverTimes = watchServerTimes(run.tandem.http.server);
    const bareServerTimes = watchServerTimes(bare.server);
    let sent = 0;
    let answered = (await side.answers()).responses;
    try {
      for (const command of benchCommands) {
        const load = (endpoint: string, n: number, concurrency: number) =>
          side.load({ endpoint, command, user: command === '/log' ? run.cm : run.strategist, channelId: benchChannel, offset: (sent += n) - n, count: n, concurrency });
        // Warm-up at the highest concurrency: JIT, kept-alive connections, pools, plans.
        const warmUp = Math.max(...levels);
        await load(bare.endpoint, warmUp * 3, warmUp);
        await load(run.endpoint, warmUp * 3, warmUp);
        await side.waitForAnswers((answered += warmUp * 3));
        for (const concurrency of levels) {
          // Rounds alternate the bare app and Tandem, each Tandem round drained before the next
          // bare one: both meet the same moments of a shared machine, neither the other's backlog.
          const bareTimes: LoadResult = { latencies: [], statuses: {} };
          const tandemTimes: LoadResult = { latencies: [], statuses: {} };
          const started = performance.now();
          // How long the event loop was held while Tandem was acknowledging: a long hold is a tail.
          const loopDelay = watchLoopDelay();
          const rounds = roundsAt(concurrency);
          serverTimes.take();
          bareServerTimes.take();
          for (let round = 0; round < rounds; round++) {
            const size = Math.ceil(count / rounds);
            merge(bareTimes, await load(bare.endpoint, size, concurrency));
            loopDelay.enable();
            merge(tandemTimes, await load(run.endpoint, size, concurrency));
            loopDelay.disable();
            await side.waitForAnswers((answered += size));
          }
          const drainedSeconds = (performance.now() - started) / 1000;
          const failed = (await side.answers()).failed;
          if (failed > 0) process.stderr.write(`[${store}] ${command} x${concurrency}: ${failed} answers so far were apologies\n`);
          for (const line of log.drain()) process.stderr.write(`[${store}] logged: ${line}\n`);
          const ok = tandemTimes.statuses['200'] ?? 0;
          if (ok !== tandemTimes.latencies.length) throw new Error(`${command} at ${concurrency}: ${tandemTimes.latencies.length - ok} requests not answered 200 (${JSON.stringify(tandemTimes.statuses)})`);
          const p50 = percentile(tandemTimes.latencies, 50);
          const p99 = percentile(tandemTimes.latencies, 99);
          const bareP99 = percentile(bareTimes.latencies, 99);
          // The machine's load average: on a shared 2-core box, other work sets the tail.
          const context = { concurrency, store, command, count: tandemTimes.latencies.length, loadavg: Number(loadavg()[0]!.toFixed(1)) };
          printFigure({ bench: 'ack', figure: 'p50_ms', value: Number(p50.toFixed(2)), unit: 'ms', ...context });
          printFigure({ bench: 'ack', figure: 'p99_ms', value: Number(p99.toFixed(2)), unit: 'ms', ...context, loop_delay_max_ms: Number(loopDelay.maxMs().toFixed(1)) });
          printFigure({ bench: 'ack', figure: 'bare_p99_ms', value: Number(bareP99.toFixed(2)), unit: 'ms', ...context, bare_p50_ms: Number(percentile(bareTimes.latencies, 50).toFixed(2)) });
          printFigure({ bench: 'ack', figure: 'p99_ratio', value: Number((p99 / bareP99).toFixed(2)), unit: 'x', ...context });
          // The same two figures as each server saw them (request in to answer written): what the
          // apps themselves add, without the load generator's wait for a core on a busy machine.
          const serverP99 = percentile(serverTimes.take(), 99);
          const bareServerP99 = percentile(bareServerTimes.take(), 99);
          printFigure({ bench: 'ack', figure: 'server_p99_ms', value: Number(serverP99.toFixed(2)), unit: 'ms', ...context, bare_server_p99_ms: Number(bareServerP99.toFixed(2)) });
          printFigure({ bench: 'ack', figure: 'server_p99_ratio', value: Number((serverP99 / bareServerP99).toFixed(2)), unit: 'x', ...context });
          process.stderr.write(`[${store}] ${command} x${concurrency}: ${tandemTimes.latencies.length} acked and answered in ${drainedSeconds.toFixed(1)} s (${roundsAt(concurrency)} rounds)\n`);
        }
        await side.forget();
      }
    } finally {
      await bare.close();
      await run.close();
    }
  }
} finally {
  await side.close();
}
