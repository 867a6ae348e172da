// `npm run bench:memory`: Tandem's resident memory (RSS, after a full GC) right after
// start, after 10k Slack commands, and after one simulated hour of a busy Discord
// community (messages from thousands of members, with Slack commands trickling in) during
// which discord.js sweeps its caches on Tandem's schedule, sped up. Slack and Discord run
// in a child process, so the RSS is Tandem's. The run fails if the simulated hour grows
// RSS by more than --bound-mb.
// Flags: --commands 10000, --hour-seconds 60, --messages 14400 (per hour), --authors 3000,
// --channels 20, --bound-mb 64.
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RunningDiscord } from '../src/discord/adapter.js';
import { benchCommands } from './lib/commandTexts.js';
import { createErrorTally } from './lib/errorTally.js';
import { printFigure } from './lib/figures.js';
import { benchBotToken, benchChannel, benchSigningSecret, startBenchTandem } from './lib/benchTandem.js';
import { startPlatformSide } from './lib/platformSideProcess.js';
import { discordCacheSizes, speedUpSweepers } from './lib/sweepClock.js';

const { values } = parseArgs({
  options: {
    commands: { type: 'string', default: '10000' },
    'hour-seconds': { type: 'string', default: '60' },
    messages: { type: 'string', default: '14400' },
    authors: { type: 'string', default: '3000' },
    channels: { type: 'string', default: '20' },
    'bound-mb': { type: 'string', default: '64' },
  },
});
const commands = Number(values.commands);
const hourSeconds = Number(values['hour-seconds']);
const boundMb = Number(values['bound-mb']);

// A full collection before each reading: RSS then says what is kept, not what is garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function residentMb(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await new Promise((r) => setTimeout(r, 200));
  }
  return Math.round((process.memoryUsage().rss / 1_048_576) * 10) / 10;
}

/** Where the RSS is: the JS heap, and memory outside it (PGlite's WebAssembly memory, buffers). */
function memoryBreakdown(): Record<string, number> {
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1_048_576);
  return { heap_used_mb: mb(usage.heapUsed), external_mb: mb(usage.external) };
}

const side = await startPlatformSide({ botToken: benchBotToken, signingSecret: benchSigningSecret });
const discordSide = await side.startDiscord(Number(values.channels));
const log = createErrorTally();
const run = await startBenchTandem({ store: 'embedded', postgresUrl: undefined, apiUrl: side.apiUrl, discord: discordSide, log });
const discord = run.tandem.adapters.find((a): a is RunningDiscord => a.name === 'discord' && 'bot' in a);
if (!discord) throw new Error('the Discord adapter did not start');
const client = discord.bot.client;
let sent = 0;
let answered = (await side.answers()).responses;

/** `count` commands, mostly /log with one /plan in four, `concurrency` at a time, answered. */
async function sendCommands(count: number, concurrency: number): Promise<void> {
  const batch = 500;
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    const command = benchCommands[(done / batch) % 4 === 3 ? 1 : 0]!;
    await side.load({ endpoint: run.endpoint, command, user: command === '/log' ? run.cm : run.strategist, channelId: benchChannel, offset: sent, count: n, concurrency });
    sent += n;
    await side.waitForAnswers((answered += n));
    await side.forget();
    process.stderr.write(`\rcommands ${done + n}/${count}   `);
  }
  process.stderr.write('\n');
}

try {
  const figure = (phase: string, value: number, extra: Record<string, number> = {}) =>
    printFigure({ bench: 'memory', figure: 'rss_mb', value, unit: 'MB', phase, store: 'embedded', ...memoryBreakdown(), ...extra });

  const atStart = await residentMb();
  figure('start', atStart);

  await sendCommands(commands, 10);
  const afterCommands = await residentMb();
  figure('after_commands', afterCommands, { commands });

  const speedUp = 3600 / hourSeconds;
  speedUpSweepers(client, speedUp);
  process.stderr.write(`one simulated hour in ${hourSeconds} s: ${values.messages} Discord messages from ${values.authors} members, Slack commands alongside\n`);
  const [messages] = await Promise.all([
    side.sendDiscordTraffic({ messages: Number(values.messages), authors: Number(values.authors), durationMs: hourSeconds * 1000 }),
    sendCommands(Math.round(commands / 10), 2),
  ]);
  // Readings after the last sweep of messages has run on what the hour left behind.
  await new Promise((r) => setTimeout(r, (1800 / speedUp) * 1000));
  const afterHour = await residentMb();
  const cached = discordCacheSizes(client);
  figure('after_1h_simulated', afterHour, { discord_messages: messages, cached_users: cached.users, cached_members: cached.members, cached_messages: cached.messages, growth_mb: Math.round((afterHour - afterCommands) * 10) / 10, bound_mb: boundMb });
  const failed = (await side.answers()).failed;
  for (const line of log.drain()) process.stderr.write(`logged: ${line}\n`);
  if (failed > 0) process.stderr.write(`${failed} commands were answered with an apology\n`);
  if (afterHour - afterCommands > boundMb) {
    process.stderr.write(`RSS grew ${(afterHour - afterCommands).toFixed(1)} MB over the simulated hour, more than the ${boundMb} MB bound\n`);
    process.exitCode = 1;
  }
} finally {
  await run.close();
  await side.close();
}
