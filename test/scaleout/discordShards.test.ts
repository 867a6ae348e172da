import { afterAll, beforeAll, expect, test } from 'vitest';
import { startDiscordBot, type DiscordBot } from '../../src/discord/bot.js';
import { shardOfGuild } from '../../src/discord/sharding.js';
import { createInFlight, type InFlight } from '../../src/observability/inFlight.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import { createRecordingLog } from '../discord/harness.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { buildTestCtx, type TestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { addGuildCopy } from './guildCopy.js';

// Two replicas, one shard each, against one Discord stand-in with a guild on each shard:
// every guild is served by exactly one of them.

const shardCount = 2;
/** Lands on the other shard than the seeded guild (ids differ in bit 22). */
const secondGuildId = '1200000000004194305';

let database: TestDatabase;
let fake: FakeDiscord;
let ctx: TestCtx;
const log = createRecordingLog();
let guilds: { id: string; general: string }[];
const bots: { bot: DiscordBot; metrics: Metrics; inFlight: InFlight }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = { ...buildTestCtx(database.db), log };
  fake = await startFakeDiscord({ shards: shardCount });
  const c = fake.community;
  const copy = addGuildCopy(fake.world, c.guildId, secondGuildId, 'Acme Italia');
  guilds = [
    { id: c.guildId, general: c.channels.general },
    { id: copy.guildId, general: copy.channelOf(c.channels.general) },
  ];
  // One after the other, as replicas come up in a rolling start (and command sync is claimed once).
  for (const shard of [0, 1]) {
    const metrics = createMetrics();
    const inFlight = createInFlight();
    const bot = await startDiscordBot(ctx, { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: shardCount, DISCORD_SHARD_IDS: [shard] }, { metrics, inFlight });
    bots.push({ bot, metrics, inFlight });
  }
});

afterAll(async () => {
  for (const { bot } of bots) await bot.stop();
  await fake?.close();
  await database?.close();
});

async function commandsCounted(metrics: Metrics): Promise<number> {
  const values = (await metrics.commands.get()).values;
  return values.filter((v) => v.labels.platform === 'discord').reduce((sum, v) => sum + v.value, 0);
}

test('the two guilds sit on different shards, and each replica connects only its own', () => {
  expect(guilds.map((g) => shardOfGuild(g.id, shardCount)).sort()).toEqual([0, 1]);
  expect(fake.gateway.sessions().map((s) => s.shard).sort()).toEqual([
    [0, 2],
    [1, 2],
  ]);
  for (const [shard, { bot }] of bots.entries()) {
    const own = guilds.filter((g) => shardOfGuild(g.id, shardCount) === shard).map((g) => g.id);
    expect([...bot.client.guilds.cache.keys()]).toEqual(own);
    for (const guild of guilds) expect(bot.ownsGuild(guild.id)).toBe(own.includes(guild.id));
  }
});

test('commands in each guild are answered once, by the replica owning its shard', async () => {
  const perGuild = 6;
  const runs = guilds.flatMap((guild) =>
    Array.from({ length: perGuild }, () => fake.runCommand({ channelId: guild.general, userId: fake.community.users.moderator, name: 'modlog', options: { user: fake.community.users.member } })),
  );
  const results = await Promise.all(runs);
  expect(results.every((r) => r.reply !== null)).toBe(true);
  // One acknowledgement per interaction: a second replica answering would add a callback.
  expect(results.every((r) => r.record.callbacks.length === 1)).toBe(true);
  for (const [shard, { metrics, inFlight }] of bots.entries()) {
    // The answer reaches the stand-in a moment before the handler returns and is counted.
    expect(await inFlight.drain(5_000)).toBe(true);
    const owned = guilds.filter((g) => shardOfGuild(g.id, shardCount) === shard).length;
    expect(await commandsCounted(metrics)).toBe(owned * perGuild);
  }
  expect(log.lines.filter((l) => l.level === 'error')).toEqual([]);
});

test('DISCORD_SHARDS=auto runs every shard Discord recommends in one replica', async () => {
  for (const { bot } of bots.splice(0)) await bot.stop();
  const bot = await startDiscordBot(ctx, { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }, {});
  bots.push({ bot, metrics: createMetrics(), inFlight: createInFlight() });
  expect(bot.client.options.shards).toEqual([0, 1]);
  expect(bot.client.options.shardCount).toBe(2);
  expect([...bot.client.guilds.cache.keys()].sort()).toEqual(guilds.map((g) => g.id).sort());
});
