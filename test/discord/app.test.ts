import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTandem, type Tandem } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createRecordingLog } from './harness.js';

let database: TestDatabase;
let fake: FakeDiscord;
let tandem: Tandem | undefined;
const log = createRecordingLog();

beforeAll(async () => {
  database = await createTestDatabase();
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await tandem?.stop();
  await fake?.close();
  await database?.close();
});

test('with DISCORD_TOKEN, Tandem connects the bot at startup and closes the gateway when it stops', async () => {
  const config = loadConfig({ DATABASE_URL: database.url, PORT: '0', PLAYGROUND: '0', LOG_LEVEL: 'silent', DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
  tandem = await startTandem(config, log, { jobs: [] });
  const discord = tandem.adapters.find((adapter) => adapter.name === 'discord');
  expect(discord?.status()).toBe('connected');
  expect(log.lines.map((line) => line.msg)).toContain('Discord: on (gateway).');
  expect(fake.gateway.sessions()).toHaveLength(1);
  expect(fake.world.commands.global.length).toBeGreaterThan(0);

  const result = await fake.runCommand({ channelId: fake.community.channels.general, userId: fake.community.users.moderator, name: 'warn', options: { user: fake.community.users.member, reason: 'hello from the app' } });
  expect(result.reply?.content).toContain('Case #1:');

  await tandem.stop();
  tandem = undefined;
  await fake.waitFor(() => fake.gateway.sessions().length === 0, 5000, 'the gateway to close');
  expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
});
