import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editPost, planPost } from '../../src/core/posts.js';
import { actionIds, fieldIds } from '../../src/slack/ids.js';
import type { SlackMessage } from '../fakes/slack.js';
import { actionIdsIn, argsOf, loggedErrors, startSlackHarness, textOf, type SlackHarness } from './harness.js';

describe('approvals in Slack', () => {
  let h: SlackHarness;
  let day = 10;

  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  /** A community manager plans a post with /plan; returns its number and its approval message. */
  async function planned(copy = 'A post worth approving'): Promise<{ number: number; message: SlackMessage }> {
    const since = h.slack.mark();
    day += 1;
    // Waiting for the planner's own answer too, so it is not mistaken for a later one.
    await h.commandReply(h.team.cm, '/plan', `instagram 2026-03-${day} 10:00 ${copy}`);
    const message = await h.postedMessage(since);
    const post = await h.database.db.post.findFirstOrThrow({ where: { brandId: h.team.brand.id }, orderBy: { number: 'desc' } });
    return { number: post.number, message };
  }

  async function postRow(number: number) {
    return h.database.db.post.findUniqueOrThrow({ where: { brandId_number: { brandId: h.team.brand.id, number } }, include: { approvals: true } });
  }

  it('Approve records the decision and updates the message in place, without buttons', async () => {
    const { number, message } = await planned();
    const since = h.slack.mark();
    expect((await h.click(h.team.strategist, message, actionIds.approvePost)).status).toBe(200);
    const update = await h.slack.waitForCall('chat.update', { since });
    expect(argsOf(update)).toMatchObject({ channel: message.channel, ts: message.ts });
    expect(actionIdsIn(argsOf(update).blocks)).toEqual([]);
    expect(textOf(argsOf(update))).toContain('Approved by <@');
    const post = await postRow(number);
    expect(post.status).toBe('approved');
    expect(post.approvals.map((a) => [a.deciderId, a.decision])).toEqual([[h.team.strategist.id, 'approved']]);
  });

  it('a clicked message Tandem lost track of is redrawn from the response_url', async () => {
    const { number, message } = await planned();
    const post = await postRow(number);
    await h.database.db.messageRef.deleteMany({ where: { subjectType: 'post', subjectId: post.id } });
    const since = h.slack.mark();
    await h.click(h.team.strategist, message, actionIds.approvePost);
    const redraw = await h.slack.waitForResponse({ since, where: (r) => r.body.replace_original === true });
    expect(actionIdsIn(redraw.body.blocks)).toEqual([]);
    expect(textOf(h.slack.workspace.findMessage(message.channel, message.ts))).toContain('Approved by');
  });

  it('a double-clicked Approve records one approval', async () => {
    const { number, message } = await planned();
    const since = h.slack.mark();
    const clicks = await Promise.all([h.click(h.team.strategist, message, actionIds.approvePost), h.click(h.team.strategist, message, actionIds.approvePost)]);
    expect(clicks.map((c) => c.status)).toEqual([200, 200]);
    await h.slack.waitForCall('chat.update', { since });
    // The second click is told the outcome rather than counted.
    const told = await h.slack.waitForResponse({ since });
    expect(textOf(told.body)).toMatch(/already (decided|approved)/);
    const post = await postRow(number);
    expect(post.approvals).toHaveLength(1);
    expect(post.status).toBe('approved');
  });

  it('two strategists approving at once: one decision lands, the other is told who decided', async () => {
    const { number, message } = await planned();
    const since = h.slack.mark();
    await Promise.all([h.click(h.team.strategist, message, actionIds.approvePost), h.click(h.team.strategist2, message, actionIds.approvePost)]);
    const told = await h.slack.waitForResponse({ since });
    expect(textOf(told.body)).toContain(`Post #${number} was already decided by`);
    const post = await postRow(number);
    expect(post.approvals).toHaveLength(1);
    expect(post.status).toBe('approved');
    // Every message about the post shows the outcome.
    await h.slack.waitForCall('chat.update', { since, where: (c) => argsOf(c).ts === message.ts });
    expect(actionIdsIn(h.slack.workspace.findMessage(message.channel, message.ts)?.blocks)).toEqual([]);
  });

  it('refuses a community manager’s Approve, naming the strategist role, and the message stays', async () => {
    const { number, message } = await planned();
    const since = h.slack.mark();
    await h.click(h.team.cm, message, actionIds.approvePost);
    const told = await h.slack.waitForResponse({ since });
    expect(told.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(told.body)).toContain('This needs the strategist role (you have: community_manager)');
    expect((await postRow(number)).approvals).toEqual([]);
  });

  it('Request changes asks for a note in a modal; an empty note is refused in the modal; a note decides', async () => {
    const { number, message } = await planned();
    const since = h.slack.mark();
    await h.click(h.team.strategist, message, actionIds.requestChanges);
    const view = await h.openedView(since);
    expect(view.callback_id).toBe('post_decision_note_modal');
    const empty = await h.submit(h.team.strategist, view, { [fieldIds.decisionNote]: '' });
    expect(empty.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.decisionNote]: expect.stringContaining('Say what to change') } });
    expect((await postRow(number)).approvals).toEqual([]);
    const before = h.slack.mark();
    const done = await h.submit(h.team.strategist, view, { [fieldIds.decisionNote]: 'Shorten the first line' });
    expect(done.text).toBe('');
    const post = await postRow(number);
    expect(post.status).toBe('changes_requested');
    expect(post.approvals[0]).toMatchObject({ decision: 'changes_requested', comment: 'Shorten the first line' });
    const update = await h.slack.waitForCall('chat.update', { since: before });
    expect(textOf(argsOf(update))).toContain('Shorten the first line');
  });

  it('Reject asks for a reason in a modal and rejects', async () => {
    const { number, message } = await planned();
    const since = h.slack.mark();
    await h.click(h.team.strategist2, message, actionIds.rejectPost);
    const view = await h.openedView(since);
    await h.submit(h.team.strategist2, view, { [fieldIds.decisionNote]: 'Off-brand tone' });
    const post = await postRow(number);
    expect(post.status).toBe('rejected');
    expect(post.approvals[0]).toMatchObject({ decision: 'rejected', comment: 'Off-brand tone' });
  });

  it('a button on a message older than the post’s last edit is refused and the message is redrawn', async () => {
    const { number, message: live } = await planned('First version');
    // What the strategist's screen still shows while the edit lands.
    const message = structuredClone(live);
    await editPost(h.ctx, { brandId: h.team.brand.id, actorId: h.team.cm.id, postNumber: number, copy: 'Second version' });
    const since = h.slack.mark();
    await h.click(h.team.strategist, message, actionIds.approvePost);
    const told = await h.slack.waitForResponse({ since });
    expect(textOf(told.body)).toContain('was edited after you opened it');
    expect((await postRow(number)).approvals).toEqual([]);
    const redrawn = h.slack.workspace.findMessage(message.channel, message.ts);
    expect(textOf(redrawn)).toContain('Second version');
  });

  it('/approve lists pending posts with buttons; approving from the list redraws the list', async () => {
    const { number } = await planned('From the list');
    const reply = await h.commandReply(h.team.strategist, '/approve', '');
    expect(reply.body.response_type).toBe('ephemeral');
    expect(textOf(reply.body)).toContain(`Post #${number}`);
    const list = h.slack.workspace.channelHistory(reply.target?.channel ?? '', h.team.strategist.externalId).at(-1);
    if (!list) throw new Error('no list message');
    const since = h.slack.mark();
    const button = list.blocks.find((b) => b.type === 'actions' && b.block_id === `post_actions_${number}`);
    expect(button).toBeDefined();
    await h.click(h.team.strategist, list, actionIds.approvePost, { blockId: `post_actions_${number}` });
    const redraw = await h.slack.waitForResponse({ since, where: (r) => r.body.replace_original === true });
    expect(textOf(redraw.body)).not.toContain(`post_actions_${number}"`);
    expect((await postRow(number)).status).toBe('approved');
  });

  it('/approve <N> approves, /approve changes <N> <note> and reject work as text', async () => {
    const first = await planned('Text approval');
    const ok = await h.commandReply(h.team.strategist, '/approve', `#${first.number} lovely`);
    expect(textOf(ok.body)).toContain(`You approved post #${first.number} (1 of 1)`);
    const second = await planned('Text changes');
    const changes = await h.commandReply(h.team.strategist, '/approve', `changes ${second.number} add the link`);
    expect(textOf(changes.body)).toContain('You asked for changes');
    const third = await planned('Text reject');
    await h.commandReply(h.team.strategist, '/approve', `reject ${third.number} not for us`);
    expect((await postRow(third.number)).status).toBe('rejected');
  });

  it('/approve reject without a reason explains what is missing, with the usage', async () => {
    const { number } = await planned();
    const reply = await h.commandReply(h.team.strategist, '/approve', `reject ${number}`);
    const text = textOf(reply.body);
    expect(text).toContain(`Say why post #${number} is rejected`);
    expect(text).toContain('*Usage:*');
    expect((await postRow(number)).approvals).toEqual([]);
  });

  it('a post with two approval steps shows 1 of 2 after the first', async () => {
    const post = await planPost(h.ctx, { brandId: h.team.brand.id, actorId: h.team.cm.id, network: 'x', date: '2026-03-25', time: '10:00', copy: 'Needs two' });
    await h.database.db.post.update({ where: { id: post.id }, data: { approvalsNeeded: 2 } });
    const reply = await h.commandReply(h.team.strategist, '/approve', String(post.number));
    expect(textOf(reply.body)).toContain('(1 of 2). It is now ⏳ pending approval');
    expect(loggedErrors(h)).toEqual([]);
  });
});
