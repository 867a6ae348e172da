import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionIds } from '../../src/slack/ids.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { startReliabilityTandem, type ReliabilityTandem } from './harness.js';

// Slack answering 429 (with Retry-After) and 5xx, Discord answering 429: Tandem's clients
// retry with their production settings (src/slack/app.ts defaultSlackRetries: 3 retries,
// backoff from 0.5 s to 5 s; discord.js waits out a short rate limit), so messages arrive
// late but all of them, once each, and commands are still answered.

describe('platform rate limits and server errors', () => {
  let database: TestDatabase;
  let run: ReliabilityTandem;
  let day = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    run = await startReliabilityTandem({ databaseUrl: database.url, discord: true });
  });
  afterAll(async () => {
    await run?.close();
    await database?.close();
  });

  const approvalRequests = (copy: string) =>
    run.slack.workspace.messages.filter((m) => !m.ephemeralFor && JSON.stringify(m.blocks).includes(copy) && JSON.stringify(m.blocks).includes(actionIds.approvePost));

  it('approval requests hit by 429 then 500 then 502 are all delivered, each exactly once, and the planners are answered', async () => {
    run.slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    run.slack.failNext('chat.postMessage', { status: 500 });
    run.slack.failNext('chat.postMessage', { status: 502 });
    const since = run.slack.mark();
    const copies = ['Rate limited one', 'Rate limited two', 'Rate limited three'];
    const replies = await Promise.all(copies.map((copy) => run.commandReply(run.team.cm, '/plan', `instagram 2031-07-${String(++day).padStart(2, '0')} 10:00 ${copy}`)));
    for (const reply of replies) expect(JSON.stringify(reply.body)).not.toMatch(/error id|nothing was saved/);
    for (const copy of copies) expect(approvalRequests(copy), copy).toHaveLength(1);
    const calls = run.slack.callsTo('chat.postMessage', since);
    expect(calls.filter((c) => c.status === 429)).toHaveLength(1);
    expect(calls.filter((c) => c.status >= 500)).toHaveLength(2);
    expect(calls.filter((c) => c.answer?.ok === true)).toHaveLength(copies.length);
    expect(await database.db.post.count({ where: { brandId: run.team.brand.id } })).toBe(copies.length);
    expect(run.log.errors()).toEqual([]);
  }, 30_000);

  it('a Discord command whose reply is rate limited (429 on the callback and on the edit) is still answered', async () => {
    const fake = run.discord!;
    const c = fake.community;
    fake.failNext({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, status: 429, retryAfter: 0.4 });
    fake.failNext({ method: 'PATCH', path: /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/, status: 429, retryAfter: 0.4 });
    const before = fake.calls.length;
    const result = await fake.runCommand({ channelId: c.channels.general, userId: c.users.moderator, name: 'warn', options: { user: c.users.member, reason: 'spam links' } });
    expect(result.record.answers).toBeGreaterThan(0);
    expect(fake.calls.slice(before).filter((call) => call.status === 429).length).toBeGreaterThanOrEqual(1);
    expect(await database.db.moderationCase.count({ where: { guildId: c.guildId, action: 'warn' } })).toBe(1);
    expect(run.log.errors()).toEqual([]);
  }, 30_000);
});
