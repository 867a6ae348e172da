import type { InputBlock, PlainTextInput } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateBrandSetting } from '../../src/core/brands.js';
import { actionIds, fieldIds } from '../../src/slack/ids.js';
import { actionIdsIn, approvalsChannel, argsOf, loggedErrors, socialChannel, startSlackHarness, textOf, type SlackHarness } from './harness.js';

describe('/plan', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('plans post #N and asks for approval in the current channel, with the three buttons, remembering the message', async () => {
    const since = h.slack.mark();
    const reply = await h.commandReply(h.team.cm, '/plan', 'instagram 2026-03-10 18:30 Spring is here 🌸\nNew colours in store & online');
    const post = await h.database.db.post.findFirstOrThrow({ where: { brandId: h.team.brand.id }, orderBy: { number: 'desc' } });
    expect(post).toMatchObject({ number: 1, network: 'instagram', status: 'pending_approval', copy: 'Spring is here 🌸\nNew colours in store & online' });
    expect(post.scheduledAt.toISOString()).toBe('2026-03-10T18:30:00.000Z');
    const posted = await h.slack.waitForCall('chat.postMessage', { since });
    expect(argsOf(posted).channel).toBe(socialChannel);
    expect(actionIdsIn(argsOf(posted).blocks)).toEqual([actionIds.approvePost, actionIds.requestChanges, actionIds.rejectPost]);
    expect(textOf(argsOf(posted))).toContain('Post #1');
    // Slack's escaping of & in the copy is undone before it is stored, and redone for display.
    expect(textOf(argsOf(posted))).toContain('store &amp; online');
    const ref = await h.database.db.messageRef.findFirstOrThrow({ where: { subjectType: 'post', subjectId: post.id } });
    expect(ref).toMatchObject({ platform: 'slack', channelId: socialChannel, messageId: posted.answer?.ts });
    expect(textOf(reply.body)).toContain('The approval request is in <#C0SOCIAL>');
  });

  it('asks for approval in the brand’s approvals channel when one is set', async () => {
    await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'approvals-channel', value: approvalsChannel });
    const since = h.slack.mark();
    const reply = await h.commandReply(h.team.cm, '/plan', 'x 2026-03-11 09:00 Short and sweet');
    const posted = await h.postedMessage(since);
    expect(posted.channel).toBe(approvalsChannel);
    expect(textOf(reply.body)).toContain('<#C0APPROVALS>');
    await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'approvals-channel', value: socialChannel });
  });

  it('explains a wrong date with the usage and an example, and plans nothing', async () => {
    const before = await h.database.db.post.count();
    const reply = await h.commandReply(h.team.cm, '/plan', 'instagram 10/03/2026 18:30 Hello');
    const text = textOf(reply.body);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(text).toContain('“10/03/2026” is not a date');
    expect(text).toContain('/plan <network> <YYYY-MM-DD> <HH:MM> <copy…>');
    expect(text).toContain('/plan instagram 2026-03-10 18:30');
    expect(await h.database.db.post.count()).toBe(before);
  });

  it('explains an unknown network and a time in the past', async () => {
    expect(textOf((await h.commandReply(h.team.cm, '/plan', 'myspace 2026-03-10 18:30 Hi')).body)).toContain('“myspace” is not a network');
    expect(textOf((await h.commandReply(h.team.cm, '/plan', 'x 2026-03-01 18:30 Hi')).body)).toContain('has already passed');
  });

  it('refuses a viewer, naming the role needed', async () => {
    const reply = await h.commandReply(h.team.viewer, '/plan', 'x 2026-03-12 09:00 Nope');
    expect(textOf(reply.body)).toContain('community_manager role');
  });

  it('reads and shows times in the brand’s time zone', async () => {
    await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'timezone', value: 'Europe/Rome' });
    try {
      const since = h.slack.mark();
      await h.commandReply(h.team.cm, '/plan', 'facebook 2026-03-20 18:30 Aperitivo time');
      const post = await h.database.db.post.findFirstOrThrow({ where: { brandId: h.team.brand.id, copy: 'Aperitivo time' } });
      expect(post.scheduledAt.toISOString()).toBe('2026-03-20T17:30:00.000Z');
      expect(textOf(await h.postedMessage(since))).toContain('18:30 (Europe/Rome)');
    } finally {
      await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'timezone', value: 'UTC' });
    }
  });

  it('shows the week, day by day, with each post’s status', async () => {
    const reply = await h.commandReply(h.team.viewer, '/plan', 'week 2026-03-10');
    const text = textOf(reply.body);
    expect(text).toContain('week of Mon 9 Mar');
    expect(text).toContain('`18:30` *#1* Instagram');
    expect(text).toContain('pending approval');
    expect(text).toContain('nothing planned');
  });

  it('opens the plan modal at once for an empty /plan; picking X sets the copy limit to 280', async () => {
    const since = h.slack.mark();
    await h.command(h.team.cm, '/plan', '');
    const view = await h.openedView(since);
    expect(view.callback_id).toBe('plan_modal');
    const before = h.slack.mark();
    expect((await h.actInView(h.team.cm, view, actionIds.planNetwork, { value: 'x' })).status).toBe(200);
    const update = await h.slack.waitForCall('views.update', { since: before });
    expect(update.answer?.ok).toBe(true);
    const updated = h.slack.workspace.views.get(view.id);
    const copy = updated?.blocks.find((b): b is InputBlock => b.type === 'input' && b.block_id === fieldIds.planCopy);
    expect((copy?.element as PlainTextInput).max_length).toBe(280);
    expect(textOf({ blocks: updated?.blocks })).toContain('X allows 280 characters');
  });

  it('keeps the modal open with the error under the date when the time has passed', async () => {
    const since = h.slack.mark();
    await h.command(h.team.cm, '/plan', '');
    const view = await h.openedView(since);
    const answer = await h.submit(h.team.cm, view, { [fieldIds.planNetwork]: 'instagram', [fieldIds.planDate]: '2026-03-01', [fieldIds.planTime]: '10:00', [fieldIds.planCopy]: 'Too late' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.planDate]: expect.stringContaining('has already passed') } });
    const empty = await h.submit(h.team.cm, view, { [fieldIds.planCopy]: '' });
    expect(empty.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.planCopy]: 'Write the copy.' } });
  });

  it('plans from the modal and posts the approval request where the modal was opened', async () => {
    const since = h.slack.mark();
    await h.command(h.team.cm, '/plan', '');
    const view = await h.openedView(since);
    const posts = await h.database.db.post.count();
    const answer = await h.submit(h.team.cm, view, { [fieldIds.planNetwork]: 'linkedin', [fieldIds.planDate]: '2026-03-12', [fieldIds.planTime]: '08:15', [fieldIds.planCopy]: 'We are hiring' });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    const posted = await h.postedMessage(since, socialChannel);
    expect(textOf(posted)).toContain('LinkedIn');
    expect(await h.database.db.post.count()).toBe(posts + 1);
    const told = await h.slack.waitForCall('chat.postEphemeral', { since });
    expect(argsOf(told).user).toBe(h.team.cm.externalId);
    expect(loggedErrors(h)).toEqual([]);
  });
});
