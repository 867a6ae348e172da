import { webApi } from '@slack/bolt';
import type { AnyBlock, ImageBlock } from '@slack/types';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Prisma } from '../../src/generated/prisma/client.js';
import { createDigestJob } from '../../src/jobs/digest.js';
import type { DigestSender } from '../../src/jobs/digestSend.js';
import { createSlackDelivery } from '../../src/slack/digest/delivery.js';
import { digestEventType } from '../../src/slack/digest/postDigest.js';
import { actionIds } from '../../src/slack/ids.js';
import { argsOf, botToken, loggedErrors, startSlackHarness, textOf, type SlackHarness } from '../slack/harness.js';
import { startSlackHistoryProxy, type SlackHistoryProxy } from './slackHistoryProxy.js';

const digestChannel = 'C0DIGEST';
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let h: SlackHarness;
let proxy: SlackHistoryProxy;
let sender: DigestSender;

/** Sets the team brand's digest settings (Rome, 09:00, the digest channel unless told otherwise). */
async function setSettings(settings: Prisma.JsonObject): Promise<void> {
  const brand = await h.database.db.brand.findUniqueOrThrow({ where: { id: h.team.brand.id } });
  await h.database.db.brand.update({ where: { id: brand.id }, data: { settings: { ...(brand.settings as Prisma.JsonObject), ...settings } as Prisma.InputJsonObject } });
}

async function runRow(localDate: string) {
  return h.database.db.digestRun.findFirst({ where: { brandId: h.team.brand.id, kind: 'daily', localDate: new Date(`${localDate}T00:00:00Z`) } });
}

function digestsIn(channel: string) {
  return h.slack.workspace.channelHistory(channel).filter((m) => m.metadata?.event_type === digestEventType);
}

beforeAll(async () => {
  h = await startSlackHarness();
  proxy = await startSlackHistoryProxy(h.slack);
  // The jobs' Slack client, as the adapter builds it, in front of the stand-in.
  const client = new webApi.WebClient(botToken, { slackApiUrl: proxy.apiUrl, retryConfig: { retries: 0 } });
  sender = { delivery: createSlackDelivery({ ctx: h.ctx, log: h.log, client }), owner: 'replica-a' };
  await setSettings({ timezone: 'Europe/Rome', digestChannel, approvalsChannel: 'C0APPROVALS', communityChannel: 'C0COMMUNITY' });
  const snapshots: Prisma.MetricSnapshotCreateManyInput[] = Array.from({ length: 40 }, (_, i) => ({
    brandId: h.team.brand.id,
    network: 'instagram',
    date: new Date(Date.UTC(2026, 1, 20 + i)),
    followers: 10_000 + i * 35,
    reach: 20_000 + ((i * 1_300) % 7_000),
    engagements: 800 + ((i * 90) % 400),
  }));
  await h.database.db.metricSnapshot.createMany({ data: snapshots });
});
afterAll(async () => {
  await proxy.close();
  await h.close();
});
afterEach(() => {
  expect(loggedErrors(h)).toEqual([]);
});

describe('the daily digest through Slack', () => {
  test('the chart goes up with the external upload flow, and the digest shows it', async () => {
    h.ctx.clock.set('2026-03-10T08:00:00Z');
    const since = h.slack.mark();
    const seen: string[] = [];
    const stop = h.slack.onRecord((entry) => seen.push(entry.kind === 'api' ? entry.method : entry.kind));
    await createDigestJob(sender).run(h.ctx, h.ctx.clock.now());
    stop();
    // Ask for a URL, POST the bytes there, complete the upload; then the message that shows it.
    expect(seen).toEqual(['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal', 'chat.postMessage']);
    const ticket = h.slack.callsTo('files.getUploadURLExternal', since)[0]!;
    const fileId = String(ticket.answer?.file_id);
    const upload = h.slack.workspace.uploads.get(fileId);
    expect(upload?.bytes?.subarray(0, 8)).toEqual(pngSignature);
    expect(Number(ticket.args.length)).toBe(upload?.bytes?.length);
    expect(h.slack.callsTo('files.completeUploadExternal', since)[0]?.args.files).toEqual([{ id: fileId, title: `${h.team.brand.name} · 2026-03-09` }]);
    const post = argsOf(h.slack.callsTo('chat.postMessage', since)[0]!);
    expect(post.channel).toBe(digestChannel);
    expect((post.blocks ?? []).filter((b): b is ImageBlock => b.type === 'image').map((b) => ('slack_file' in b ? b.slack_file : null))).toEqual([{ id: fileId }]);
    expect(textOf(post)).not.toContain('```');
    const [message] = digestsIn(digestChannel);
    expect(message?.metadata).toEqual({ event_type: digestEventType, event_payload: { brand_id: h.team.brand.id, kind: 'daily', local_date: '2026-03-10' } });
    expect(await runRow('2026-03-10')).toMatchObject({ status: 'sent', channelId: digestChannel, messageId: message?.ts, late: false });
  });

  test('when the upload is refused, the digest goes out with sparklines', async () => {
    h.ctx.clock.set('2026-03-11T08:00:00Z');
    h.slack.failNext('files.getUploadURLExternal', { error: 'missing_scope' });
    const since = h.slack.mark();
    await createDigestJob(sender).run(h.ctx, h.ctx.clock.now());
    const post = argsOf(await h.slack.waitForCall('chat.postMessage', { since }));
    expect((post.blocks ?? []).some((b: AnyBlock) => b.type === 'image')).toBe(false);
    expect(textOf(post)).toMatch(/```Followers +[▁▂▃▄▅▆▇█ ]+\\n/);
    expect(h.slack.callsTo('files.completeUploadExternal', since)).toHaveLength(0);
    expect(await runRow('2026-03-11')).toMatchObject({ status: 'sent' });
  });

  test('an answer lost after Slack posted the digest: the retry finds it in the channel and posts nothing', async () => {
    h.ctx.clock.set('2026-03-12T08:00:00Z');
    proxy.loseNextAnswer('chat.postMessage');
    await createDigestJob(sender).run(h.ctx, h.ctx.clock.now());
    expect(await runRow('2026-03-12')).toMatchObject({ status: 'failed', attempts: 1 });
    const posted = digestsIn(digestChannel).filter((m) => m.metadata?.event_payload?.local_date === '2026-03-12');
    expect(posted).toHaveLength(1);
    const historyBefore = proxy.historyCalls;
    h.ctx.clock.set('2026-03-12T08:01:00Z');
    const since = h.slack.mark();
    await createDigestJob(sender).run(h.ctx, h.ctx.clock.now());
    expect(proxy.historyCalls).toBe(historyBefore + 1);
    expect(h.slack.callsTo('chat.postMessage', since)).toHaveLength(0);
    expect(await runRow('2026-03-12')).toMatchObject({ status: 'sent', messageId: posted[0]?.ts, attempts: 1 });
  });

  test('Approve on the digest approves the post and leaves the digest as it was', async () => {
    h.ctx.clock.set('2026-03-13T08:00:00Z');
    const post = await h.database.db.post.create({
      data: { brandId: h.team.brand.id, number: 901, network: 'instagram', scheduledAt: new Date('2026-03-14T17:00:00Z'), copy: 'Approve me from the digest', authorId: h.team.cm.id },
    });
    const since = h.slack.mark();
    await createDigestJob(sender).run(h.ctx, h.ctx.clock.now());
    const digest = await h.postedMessage(since, digestChannel);
    const before = JSON.stringify(digest.blocks);
    const clicked = h.slack.mark();
    await h.click(h.team.strategist, digest, actionIds.approvePost, { blockId: 'digest_pending_901' });
    const told = await h.slack.waitForResponse({ since: clicked });
    expect(told.body.replace_original).toBe(false);
    expect(textOf(told.body)).toContain('Post #901');
    expect(await h.database.db.post.findUniqueOrThrow({ where: { id: post.id } })).toMatchObject({ status: 'approved' });
    expect(JSON.stringify(h.slack.workspace.findMessage(digest.channel, digest.ts)?.blocks)).toBe(before);
    // The author hears of it in their direct message, wherever the approval came from.
    const notice = await h.postedMessage(clicked, `D${h.team.cm.externalId.slice(1)}`);
    expect(textOf(notice)).toContain('Your post #901');
  });
});

describe('/digest', () => {
  test('preview answers only the caller and records nothing', async () => {
    h.ctx.clock.set('2026-03-16T07:30:00Z');
    const reply = await h.commandReply(h.team.viewer, '/digest', 'preview');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(textOf(reply.body)).toContain('👀 Preview');
    expect(await runRow('2026-03-16')).toBeNull();
  });

  test('now posts in the digest channel and counts as today’s: the job sends no other; again, a fresh one', async () => {
    h.ctx.clock.set('2026-03-17T06:30:00Z');
    const before = digestsIn(digestChannel).length;
    const reply = await h.commandReply(h.team.strategist, '/digest', 'now');
    expect(textOf(reply.body)).toContain(`Today’s digest is in <#${digestChannel}>`);
    expect(await runRow('2026-03-17')).toMatchObject({ status: 'sent', claimedBy: `slack-command:${h.team.strategist.id}` });
    expect(digestsIn(digestChannel)).toHaveLength(before + 1);
    h.ctx.clock.set('2026-03-17T08:00:00Z');
    await createDigestJob(sender).run(h.ctx, h.ctx.clock.now());
    expect(digestsIn(digestChannel)).toHaveLength(before + 1);
    const again = await h.commandReply(h.team.strategist, '/digest', 'now');
    expect(textOf(again.body)).toContain('Posted a fresh digest');
    expect(digestsIn(digestChannel)).toHaveLength(before + 2);
  });

  test('now needs a strategist and a digest channel', async () => {
    expect(textOf((await h.commandReply(h.team.cm, '/digest', 'now')).body)).toMatch(/strategist/);
    await setSettings({ digestChannel: null });
    try {
      expect(textOf((await h.commandReply(h.team.strategist, '/digest', 'now')).body)).toContain('/tandem settings digest-channel');
    } finally {
      await setSettings({ digestChannel });
    }
    expect(textOf((await h.commandReply(h.team.strategist, '/digest', 'tomorrow')).body)).toContain('/digest now');
  });
});

describe('reminders through Slack', () => {
  test('an approval nudge mentions the strategists in the approvals channel, with Approve buttons', async () => {
    const { runApprovalNudges } = await import('../../src/jobs/approvalNudges.js');
    h.ctx.clock.set('2026-03-20T10:00:00Z');
    await h.database.db.post.create({
      data: { brandId: h.team.brand.id, number: 902, network: 'x', scheduledAt: new Date('2026-03-20T11:00:00Z'), copy: 'Nudge me', authorId: h.team.cm.id },
    });
    const since = h.slack.mark();
    await runApprovalNudges(h.ctx, sender.delivery, h.ctx.clock.now());
    const nudge = argsOf(await h.slack.waitForCall('chat.postMessage', { since }));
    expect(nudge.channel).toBe('C0APPROVALS');
    expect(textOf(nudge)).toContain(`<@${h.team.strategist.externalId}> <@${h.team.strategist2.externalId}>`);
    expect(textOf(nudge)).toContain('#902');
    expect(textOf(nudge)).toContain(actionIds.approvePost);
  });

  test('an SLA alert mentions the community managers, with the interaction cards in its thread', async () => {
    const { runSlaAlerts } = await import('../../src/jobs/slaAlerts.js');
    h.ctx.clock.set('2026-03-20T12:00:00Z');
    await h.database.db.interaction.create({
      data: { brandId: h.team.brand.id, network: 'instagram', kind: 'comment', author: '@waiting', text: 'Hello? Anyone?', sentiment: 'negative', sentimentScore: -0.4, receivedAt: new Date('2026-03-20T09:00:00Z') },
    });
    const since = h.slack.mark();
    await runSlaAlerts(h.ctx, sender.delivery, h.ctx.clock.now());
    const [alert, card] = h.slack.callsTo('chat.postMessage', since).map(argsOf);
    expect(alert?.channel).toBe('C0COMMUNITY');
    expect(textOf(alert)).toContain(`<@${h.team.cm.externalId}>`);
    expect(textOf(alert)).toContain('Hello? Anyone?');
    expect(card).toMatchObject({ channel: 'C0COMMUNITY' });
    expect((card as { thread_ts?: string }).thread_ts).toBeDefined();
    expect(textOf(card)).toContain(actionIds.markResponded);
  });
});
