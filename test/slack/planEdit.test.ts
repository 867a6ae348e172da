import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateBrandSetting } from '../../src/core/brands.js';
import type { PersonRef } from '../../src/core/people.js';
import { actionIds, callbackIds, fieldIds } from '../../src/slack/ids.js';
import type { SlackMessage, SlackView } from '../fakes/slack.js';
import { actionIdsIn, argsOf, loggedErrors, startSlackHarness, textOf, type SlackHarness } from './harness.js';

// The way back from "changes requested": the author hears of the decision in their direct
// message with Tandem, revises the post (button, form or command), and the approvers see the
// new version, with its buttons, in the request they already have.

describe('revising a post', () => {
  let h: SlackHarness;
  let day = 10;

  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  /** The app's direct message with a person, as the Slack stand-in names it. */
  const dmOf = (person: PersonRef) => `D${person.externalId.slice(1)}`;

  /** `person` plans a post with /plan; its number and its approval request. */
  async function planned(person: PersonRef, copy: string): Promise<{ number: number; request: SlackMessage }> {
    day += 1;
    const since = h.slack.mark();
    await h.commandReply(person, '/plan', `instagram 2026-04-${day} 10:00 ${copy}`);
    const request = await h.postedMessage(since);
    const post = await h.database.db.post.findFirstOrThrow({ where: { brandId: h.team.brand.id }, orderBy: { number: 'desc' } });
    return { number: post.number, request };
  }

  const postRow = (number: number) => h.database.db.post.findUniqueOrThrow({ where: { brandId_number: { brandId: h.team.brand.id, number } } });

  /** A strategist decides with a button and the note modal (Request changes, Reject). */
  async function decideWithNote(strategist: PersonRef, request: SlackMessage, actionId: string, note: string): Promise<void> {
    const since = h.slack.mark();
    await h.click(strategist, request, actionId);
    const view = await h.openedView(since);
    await h.submit(strategist, view, { [fieldIds.decisionNote]: note });
  }

  /** The next message Tandem posts in `person`'s direct message. */
  async function noticeTo(person: PersonRef, since: number): Promise<SlackMessage> {
    return h.postedMessage(since, dmOf(person));
  }

  it('Request changes: the author gets the note and a Revise button; the form saves version 2, and the approvers hear of it in the request’s thread', async () => {
    const { number, request } = await planned(h.team.cm, 'Spring menu is here');
    const since = h.slack.mark();
    await decideWithNote(h.team.strategist, request, actionIds.requestChanges, 'Say the price');
    const notice = await noticeTo(h.team.cm, since);
    expect(textOf(notice)).toContain(`asked for changes to your post #${number}`);
    expect(textOf(notice)).toContain('Say the price');
    expect(textOf(notice)).toContain(`<@${h.team.strategist.externalId}>`);
    expect(actionIdsIn(notice.blocks)).toEqual([actionIds.revisePost]);

    const opened = h.slack.mark();
    expect((await h.click(h.team.cm, notice, actionIds.revisePost)).status).toBe(200);
    const form = await h.openedView(opened);
    expect(form.callback_id).toBe(callbackIds.editPostModal);
    expect(JSON.stringify(form)).toContain(`Revise post #${number}`);
    // Filled with the post as it is: the author changes only what the note asks for.
    expect(textOf({ blocks: form.blocks })).toContain('Spring menu is here');
    expect(textOf({ blocks: form.blocks })).toContain(`2026-04-${day}`);

    const saved = h.slack.mark();
    const answer = await h.submit(h.team.cm, form, { [fieldIds.planCopy]: 'Spring menu is here, from 12 €' });
    expect(answer.text).toBe('');
    const post = await postRow(number);
    expect(post).toMatchObject({ version: 2, status: 'pending_approval', copy: 'Spring menu is here, from 12 €' });
    expect(post.scheduledAt.toISOString()).toBe(`2026-04-${day}T10:00:00.000Z`);
    // The request redrawn in place, buttons back; a reply in its thread notifies the channel.
    const redraw = await h.slack.waitForCall('chat.update', { since: saved, where: (c) => argsOf(c).ts === request.ts });
    expect(textOf(argsOf(redraw))).toContain('from 12 €');
    expect(actionIdsIn(argsOf(redraw).blocks)).toEqual([actionIds.approvePost, actionIds.requestChanges, actionIds.rejectPost]);
    const thread = await h.slack.waitForCall('chat.postMessage', { since: saved, where: (c) => c.args.thread_ts === request.ts });
    expect(textOf(argsOf(thread))).toContain(`revised post #${number}: version 2 waits for approval again`);
    const told = await h.slack.waitForCall('chat.postEphemeral', { since: saved, where: (c) => argsOf(c).user === h.team.cm.externalId });
    expect(textOf(argsOf(told))).toContain(`Post #${number} is revised (version 2)`);

    // The new version can be approved from the same request.
    const approving = h.slack.mark();
    await h.click(h.team.strategist, h.slack.workspace.findMessage(request.channel, request.ts) ?? request, actionIds.approvePost);
    await h.slack.waitForCall('chat.update', { since: approving, where: (c) => argsOf(c).ts === request.ts });
    expect((await postRow(number)).status).toBe('approved');
    expect(loggedErrors(h)).toEqual([]);
  });

  it('Reject tells the author the reason, without a Revise button; the last approval tells them it is approved', async () => {
    const rejected = await planned(h.team.cm, 'Off-brand joke');
    let since = h.slack.mark();
    await decideWithNote(h.team.strategist, rejected.request, actionIds.rejectPost, 'Not our tone');
    const notice = await noticeTo(h.team.cm, since);
    expect(textOf(notice)).toContain(`rejected your post #${rejected.number}`);
    expect(textOf(notice)).toContain('Not our tone');
    expect(actionIdsIn(notice.blocks)).toEqual([]);

    const approved = await planned(h.team.cm, 'A fine post');
    since = h.slack.mark();
    await h.click(h.team.strategist, approved.request, actionIds.approvePost);
    expect(textOf(await noticeTo(h.team.cm, since))).toContain(`Your post #${approved.number} (Instagram,`);
  });

  it('the first of two approvals is not news for the author; the second is', async () => {
    await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'approvals', value: '2' });
    try {
      const { number, request } = await planned(h.team.cm, 'Needs two');
      const since = h.slack.mark();
      await h.click(h.team.strategist, request, actionIds.approvePost);
      await h.slack.waitForCall('chat.update', { since, where: (c) => argsOf(c).ts === request.ts });
      const second = h.slack.mark();
      await h.click(h.team.strategist2, h.slack.workspace.findMessage(request.channel, request.ts) ?? request, actionIds.approvePost);
      const notice = await noticeTo(h.team.cm, second);
      expect(textOf(notice)).toContain(`Your post #${number}`);
      expect(textOf(notice)).toContain(`<@${h.team.strategist2.externalId}>`);
      const toAuthor = h.slack.callsTo('chat.postMessage', since).filter((c) => c.answer?.channel === dmOf(h.team.cm));
      expect(toAuthor).toHaveLength(1);
    } finally {
      await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'approvals', value: '1' });
    }
  });

  it('`/plan edit N <copy>` changes the copy at once; `/plan edit N` opens the form', async () => {
    const { number, request } = await planned(h.team.cm, 'First words');
    const since = h.slack.mark();
    const reply = await h.commandReply(h.team.cm, '/plan', `edit #${number} Better words`);
    expect(textOf(reply.body)).toContain(`Post #${number} is revised (version 2)`);
    expect(await postRow(number)).toMatchObject({ version: 2, copy: 'Better words', status: 'pending_approval' });
    await h.slack.waitForCall('chat.postMessage', { since, where: (c) => c.args.thread_ts === request.ts });

    const opened = h.slack.mark();
    await h.command(h.team.cm, '/plan', `edit ${number}`);
    const form = await h.openedView(opened);
    expect(form.callback_id).toBe(callbackIds.editPostModal);
    expect(textOf({ blocks: form.blocks })).toContain('Better words');
  });

  it('a strategist may revise someone else’s post; a community manager may not, and is told who can', async () => {
    const { number } = await planned(h.team.strategist, 'A strategist’s post');
    const refused = await h.commandReply(h.team.cm, '/plan', `edit ${number} My words instead`);
    expect(refused.body.response_type).toBe('ephemeral');
    expect(textOf(refused.body)).toContain(`Only the author of post #${number} or a strategist can edit it`);
    expect(await postRow(number)).toMatchObject({ version: 1, copy: 'A strategist’s post' });
    await h.commandReply(h.team.strategist2, '/plan', `edit ${number} Edited by a colleague`);
    expect(await postRow(number)).toMatchObject({ version: 2, copy: 'Edited by a colleague' });
  });

  it('wrong input gets the usage, an unknown or rejected post says so, and nothing changes', async () => {
    const noNumber = await h.commandReply(h.team.cm, '/plan', 'edit');
    expect(textOf(noNumber.body)).toContain('Say which post, by its number');
    expect(textOf(noNumber.body)).toContain('/plan edit <N> [new copy…]');
    const unknown = await h.commandReply(h.team.cm, '/plan', 'edit 9999 Hello');
    expect(textOf(unknown.body)).toContain('There is no post #9999');

    const { number, request } = await planned(h.team.cm, 'Will be rejected');
    await decideWithNote(h.team.strategist, request, actionIds.rejectPost, 'No');
    const closed = await h.commandReply(h.team.cm, '/plan', `edit ${number} Second try`);
    expect(textOf(closed.body)).toContain(`Post #${number} is rejected, so it can no longer be edited`);
    // The form is refused before it opens, not after it was filled in.
    const since = h.slack.mark();
    const viaForm = await h.commandReply(h.team.cm, '/plan', `edit ${number}`);
    expect(textOf(viaForm.body)).toContain('can no longer be edited');
    expect(h.slack.callsTo('views.open', since)).toEqual([]);
    expect(await postRow(number)).toMatchObject({ version: 1, status: 'rejected', copy: 'Will be rejected' });
  });

  it('the form refuses a time already past under the date, and an edit made meanwhile, and saves nothing', async () => {
    const { number } = await planned(h.team.cm, 'Careful edits');
    const opened = h.slack.mark();
    await h.command(h.team.cm, '/plan', `edit ${number}`);
    const form: SlackView = await h.openedView(opened);
    const past = await h.submit(h.team.cm, form, { [fieldIds.planDate]: '2026-01-02' });
    expect(past.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.planDate]: expect.stringContaining('has already passed') } });
    // Back to the post's own date: nothing differs from version 1.
    const unchanged = await h.submit(h.team.cm, form, { [fieldIds.planDate]: `2026-04-${day}` });
    expect(unchanged.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.planCopy]: expect.stringContaining('already says exactly that') } });
    expect(await postRow(number)).toMatchObject({ version: 1 });

    // Someone else saves version 2 while this form is open on version 1.
    await h.commandReply(h.team.strategist, '/plan', `edit ${number} The strategist’s words`);
    const stale = await h.submit(h.team.cm, form, { [fieldIds.planCopy]: 'My late words' });
    expect(stale.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.planCopy]: expect.stringContaining('changed while you were editing it (now version 2)') } });
    expect(await postRow(number)).toMatchObject({ version: 2, copy: 'The strategist’s words' });
  });

  it('picking another network in the form keeps what was typed and picked', async () => {
    const { number } = await planned(h.team.cm, 'Going to X instead');
    const opened = h.slack.mark();
    await h.command(h.team.cm, '/plan', `edit ${number}`);
    const form = await h.openedView(opened);
    const since = h.slack.mark();
    await h.actInView(h.team.cm, form, actionIds.planNetwork, { value: 'x' });
    const update = await h.slack.waitForCall('views.update', { since });
    const view = (update.args as { view: string | { blocks: unknown[]; callback_id: string } }).view;
    const rebuilt = typeof view === 'string' ? (JSON.parse(view) as { blocks: unknown[]; callback_id: string }) : view;
    expect(rebuilt.callback_id).toBe(callbackIds.editPostModal);
    expect(JSON.stringify(rebuilt.blocks)).toContain(`2026-04-${day}`);
    expect(JSON.stringify(rebuilt.blocks)).toContain('Going to X instead');
    expect(JSON.stringify(rebuilt.blocks)).toContain('X allows 280 characters');
  });
});
