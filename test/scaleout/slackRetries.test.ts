import { afterAll, beforeAll, expect, test } from 'vitest';
import { slackRetryGuard } from '../../src/slack/retryGuard.js';
import { buildSlashCommand } from '../fakes/slack.js';
import { actorOf, loggedErrors, socialChannel, startSlackHarness, type SlackHarness } from '../slack/harness.js';

// Slack retries a request it got no answer to within 3 s. Behind a load balancer the retry
// may reach another replica while the first is still at work: it must not be done twice.

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
  h.app.app.use(slackRetryGuard(h.ctx, h.log));
});
afterAll(async () => {
  await h?.close();
});

async function countPosts(): Promise<number> {
  return h.database.db.post.count({ where: { brandId: h.team.brand.id } });
}

test('a retry of a command already taken is acknowledged and not done again', async () => {
  const before = await countPosts();
  const since = h.slack.mark();
  const request = buildSlashCommand(h.slack, { command: '/plan', text: 'instagram 2031-05-04 10:00 Once only', user: actorOf(h.team.cm), channelId: socialChannel });
  expect((await h.send(request)).status).toBe(200);
  await h.slack.waitForResponse({ since });
  expect((await h.send(request, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await countPosts()).toBe(before + 1);
  expect(h.log.entries.some((e) => e.message.includes('not repeated'))).toBe(true);
  expect(loggedErrors(h)).toEqual([]);
});

test('a retry of a delivery no replica took (it was refused while stopping) is done', async () => {
  const before = await countPosts();
  const since = h.slack.mark();
  const request = buildSlashCommand(h.slack, { command: '/plan', text: 'instagram 2031-05-05 10:00 First delivery refused', user: actorOf(h.team.cm), channelId: socialChannel });
  expect((await h.send(request, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } })).status).toBe(200);
  await h.slack.waitForResponse({ since });
  expect(await countPosts()).toBe(before + 1);
});
