import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../src/core/people.js';
import { actionIds, fieldIds } from '../../src/slack/ids.js';
import { buildAppHomeOpened, buildMessageAction, buildSlashCommand, buildViewSubmission, type SlackMessage, type SlackRequest, type SlackView } from '../fakes/slack.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { actorOf, socialChannel, startReliabilityTandem, type ReliabilityTandem } from './harness.js';

// Slack redelivers what it got no acknowledgement for within 3 s, with X-Slack-Retry-Num
// 1, then 2 (then 3). Slash commands and interactivity payloads carry a trigger_id and
// events an event_id, which Tandem's retry guard (src/slack/retryGuard.ts, production
// middleware) records on the first delivery: a redelivery is acknowledged and not done
// again. People double-click and click together: the database decides once.

const retry = (n: number) => ({ headers: { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' } });

describe('Slack retries and repeated clicks', () => {
  let database: TestDatabase;
  let run: ReliabilityTandem;
  let day = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    run = await startReliabilityTandem({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await run?.close();
    await database?.close();
  });

  /** Delivers a request, then its retries 1 and 2 once Slack would have given up waiting. */
  async function deliverThrice(request: SlackRequest, firstDone: () => Promise<unknown>): Promise<void> {
    expect((await run.send(request)).status).toBe(200);
    await firstDone();
    const retried = run.log.lines().filter((l) => String(l.msg).includes('not repeated')).length;
    for (const n of [1, 2]) expect((await run.send(request, retry(n))).status).toBe(200);
    await run.log.waitFor(() => run.log.lines().filter((l) => String(l.msg).includes('not repeated')).length >= retried + 2);
  }

  async function plan(copy: string): Promise<{ number: number; message: SlackMessage }> {
    const since = run.slack.mark();
    await run.commandReply(run.team.cm, '/plan', `instagram 2031-04-${String(++day).padStart(2, '0')} 10:00 ${copy}`);
    const call = await run.slack.waitForCall('chat.postMessage', { since, where: (c) => c.answer?.ok === true && c.answer.channel === socialChannel });
    const message = run.slack.workspace.findMessage(String(call.answer?.channel), String(call.answer?.ts));
    if (!message) throw new Error('approval request not posted');
    const post = await database.db.post.findFirstOrThrow({ where: { brandId: run.team.brand.id }, orderBy: { number: 'desc' } });
    return { number: post.number, message };
  }

  const postRow = (number: number) =>
    database.db.post.findUniqueOrThrow({ where: { brandId_number: { brandId: run.team.brand.id, number } }, include: { approvals: true } });

  it('an event delivered with X-Slack-Retry-Num 1 and 2 is processed once (App Home published once)', async () => {
    const since = run.slack.mark();
    const request = buildAppHomeOpened(run.slack, { user: actorOf(run.team.cm) });
    await deliverThrice(request, () => run.slack.waitForCall('views.publish', { since }));
    await new Promise((r) => setTimeout(r, 300));
    expect(run.slack.callsTo('views.publish', since)).toHaveLength(1);
  });

  it('a slash command redelivered twice plans one post', async () => {
    const before = await database.db.post.count();
    const since = run.slack.mark();
    const request = buildSlashCommand(run.slack, { command: '/plan', text: 'instagram 2031-05-04 10:00 Once only', user: actorOf(run.team.cm), channelId: socialChannel });
    await deliverThrice(request, () => run.slack.waitForResponse({ since }));
    expect(await database.db.post.count()).toBe(before + 1);
    expect(run.slack.callsTo('chat.postMessage', since)).toHaveLength(1);
  });

  it('a button click redelivered twice is one decision, one audit entry, one redraw', async () => {
    const { number, message } = await plan('Approve me once');
    const since = run.slack.mark();
    const click = buildMessageAction(run.slack, { user: actorOf(run.team.strategist), message, actionId: actionIds.approvePost });
    await deliverThrice(click, () => run.slack.waitForCall('chat.update', { since }));
    const post = await postRow(number);
    expect(post.status).toBe('approved');
    expect(post.approvals).toHaveLength(1);
    expect(await decisionsOn(number)).toBe(1);
    expect(run.slack.callsTo('chat.update', since)).toHaveLength(1);
    // And one notice to the author that the post is approved.
    expect(await noticesToAuthor(since)).toHaveLength(1);
  });

  it('a double-click (two deliveries, two trigger ids) is one approval; the second click is told', async () => {
    const { number, message } = await plan('Double-clicked');
    const since = run.slack.mark();
    const answers = await Promise.all([0, 1].map(() => run.send(buildMessageAction(run.slack, { user: actorOf(run.team.strategist), message, actionId: actionIds.approvePost }))));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const told = await run.slack.waitForResponse({ since, where: (r) => r.body.replace_original === false });
    expect(JSON.stringify(told.body)).toMatch(/already (decided|approved)/);
    const post = await postRow(number);
    expect(post.approvals).toHaveLength(1);
    expect(post.status).toBe('approved');
    expect(await noticesToAuthor(since)).toHaveLength(1);
  });

  it('approvals, a rejection and a change request submitted at the same instant land as exactly one decision', async () => {
    const { number, message } = await plan('Everyone has an opinion');
    // Reject and Request changes ask for a note in a modal first: open both, then let
    // everything land together: six Approve clicks, the rejection and the change request.
    const rejectView = await openNoteModal(run.team.strategist2, message, actionIds.rejectPost);
    const changesView = await openNoteModal(run.team.admin, message, actionIds.requestChanges);
    const since = run.slack.mark();
    const deciders = [run.team.strategist, run.team.strategist2, run.team.admin];
    const requests = [
      ...Array.from({ length: 6 }, (_, i) => buildMessageAction(run.slack, { user: actorOf(deciders[i % 3]!), message, actionId: actionIds.approvePost })),
      buildViewSubmission(run.slack, { user: actorOf(run.team.strategist2), view: rejectView, values: { [fieldIds.decisionNote]: 'Off brand' } }),
      buildViewSubmission(run.slack, { user: actorOf(run.team.admin), view: changesView, values: { [fieldIds.decisionNote]: 'Shorter please' } }),
    ];
    const answers = await Promise.all(requests.map((r) => run.send(r)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await waitUntil(async () => (await decisionsOn(number)) >= 1 && run.slack.calls.some((c) => c.seq > since && c.method === 'chat.update'));
    await new Promise((r) => setTimeout(r, 500));
    const post = await postRow(number);
    expect(post.approvals).toHaveLength(1);
    expect(['approved', 'rejected', 'changes_requested']).toContain(post.status);
    expect(post.approvals[0]?.decision).toBe(post.status);
    expect(await decisionsOn(number)).toBe(1);
    // Whichever decision landed, its author hears of it once.
    expect(await noticesToAuthor(since)).toHaveLength(1);
    expect(run.log.errors()).toEqual([]);
  });

  /** Tandem's messages in the planner's direct message since `since`, once the first is in and a moment has passed for any other. */
  async function noticesToAuthor(since: number) {
    const direct = `D${run.team.cm.externalId.slice(1)}`;
    await run.slack.waitForCall('chat.postMessage', { since, where: (c) => c.answer?.channel === direct });
    await new Promise((r) => setTimeout(r, 300));
    return run.slack.callsTo('chat.postMessage', since).filter((c) => c.answer?.channel === direct);
  }

  async function openNoteModal(person: PersonRef, message: SlackMessage, actionId: string): Promise<SlackView> {
    const since = run.slack.mark();
    await run.send(buildMessageAction(run.slack, { user: actorOf(person), message, actionId }));
    const call = await run.slack.waitForCall('views.open', { since, where: (c) => c.answer?.ok === true });
    const view = run.slack.workspace.views.get((call.answer?.view as { id: string }).id);
    if (!view) throw new Error('note modal not stored');
    return view;
  }

  async function decisionsOn(number: number): Promise<number> {
    const post = await postRow(number);
    return database.db.auditEntry.count({ where: { subjectType: 'post', subjectId: String(post.id), action: { in: ['post.approved', 'post.rejected', 'post.changes_requested'] } } });
  }
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
