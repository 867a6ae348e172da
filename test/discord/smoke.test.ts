import { afterAll, beforeAll, expect, test } from 'vitest';
import { startDiscordHarness, type DiscordHarness } from './harness.js';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness();
});
afterAll(async () => {
  await h?.close();
});

test('warn', async () => {
  const record = h.fake.startCommand({ channelId: h.c.channels.general, userId: h.c.users.moderator, name: 'warn', options: { user: h.c.users.member, reason: 'spam' } });
  await new Promise((r) => setTimeout(r, 3000));
  process.stderr.write(JSON.stringify({ calls: h.fake.calls.map((c) => `${c.method} ${c.path} ${c.status} ${c.errorCode}`), record: record.callbacks, log: h.log.lines.map(l=>[l.level,l.msg, String((l.data as {err?:unknown}).err ?? '')]) }, null, 1));
  expect(record.answers).toBeGreaterThan(0);
});
