// First: discord.js must load before vega-lite (the digest's charts), which patches Set.prototype.toJSON and breaks discord.js's start-up.
import { blocksText, startCrisisHarness, type CrisisHarness } from './harness.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { actionIds, callbackIds, fieldIds } from '../../src/slack/ids.js';
import type { SlackMessage } from '../fakes/slack.js';
import { actionIdsIn, socialChannel } from '../slack/harness.js';

const minute = 60_000;

describe('notes, the timeline, and resolving with a postmortem draft', () => {
  let h: CrisisHarness;
  let escalationId: number;
  let alert: SlackMessage;
  /** The alert as someone saw it before anything happened: their screen was not refreshed. */
  let stale: SlackMessage;
  let raisedAt: number;
  beforeAll(async () => {
    h = await startCrisisHarness();
    // The week before: four comments, one negative.
    h.clock.set('2026-02-26T12:00:00Z');
    for (const text of ['love it, thanks', 'great colours', 'where is the shop?', 'terrible fit']) await h.logInteraction(`instagram comment @fan ${text}`);
    h.clock.set('2026-03-02T09:00:00Z');
    const { card } = await h.logInteraction('tiktok comment @viral this product made my kid sick, terrible, going to the press');
    raisedAt = h.clock.now().getTime();
    ({ escalationId, alert } = await h.escalateCard(card, { [fieldIds.escalateSeverity]: 'sev2' }));
    stale = structuredClone(alert);
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    expect(h.errors()).toEqual([]);
  });

  const at = (minutes: number) => h.clock.set(new Date(raisedAt + minutes * minute));

  it('Add note opens a form; the note is told in the alert’s thread', async () => {
    at(3);
    const since = h.slack.mark();
    await h.click(h.team.cm, alert, actionIds.addEscalationNote);
    const view = await h.openedView(since);
    expect(view.callback_id).toBe(callbackIds.escalationNoteModal);
    expect((await h.submit(h.team.cm, view, { [fieldIds.escalationNote]: '' })).json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.escalationNote]: 'Write the note.' } });
    const before = h.slack.mark();
    expect((await h.submit(h.team.cm, view, { [fieldIds.escalationNote]: 'Same claim on two more TikTok accounts' })).text).toBe('');
    await h.slack.waitForCall('chat.postMessage', { since: before, where: (c) => (c.args as { thread_ts?: string }).thread_ts === alert.ts });
    expect(h.threadOf(alert).at(-1)?.text).toBe(`📝 <@${h.team.cm.externalId}>: Same claim on two more TikTok accounts`);
  });

  it('more negative comments come in during the crisis', async () => {
    at(20);
    await h.logInteraction('tiktok comment @mom1 terrible, is this safe?');
    at(25);
    await h.logInteraction('tiktok comment @dad2 where can I read the ingredients?');
  });

  it('a community manager cannot resolve; a strategist acknowledges', async () => {
    const refused = await h.clickReply(h.team.cm, alert, actionIds.resolveEscalation);
    expect(blocksText(refused.body)).toContain('strategist');
    at(7);
    const since = h.slack.mark();
    await h.click(h.team.strategist, alert, actionIds.acknowledgeEscalation);
    await h.slack.waitForCall('chat.update', { since });
  });

  it('Resolve asks for the resolution and posts the postmortem draft in the thread, with the right durations', async () => {
    at(45);
    const since = h.slack.mark();
    await h.click(h.team.strategist, await h.alertOf(escalationId), actionIds.resolveEscalation);
    const view = await h.openedView(since);
    expect(view.callback_id).toBe(callbackIds.resolveModal);
    expect((await h.submit(h.team.strategist, view, {})).json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.resolution]: 'Say how it was resolved.' } });
    const before = h.slack.mark();
    await h.submit(h.team.strategist, view, { [fieldIds.resolution]: 'Lab report published; the creator took the video down' });
    const told = await h.slack.waitForCall('chat.postEphemeral', { since: before });
    expect(told.args).toMatchObject({ user: h.team.strategist.externalId });
    expect(blocksText(told.args as { text: string })).toContain('Escalation #1 resolved. The postmortem draft is in the alert’s thread.');

    const postmortem = h.threadOf(alert).find((m) => m.text.startsWith('Postmortem draft'));
    if (!postmortem) throw new Error('no postmortem in the thread');
    expect(postmortem.text).toBe('Postmortem draft · escalation #1: Time to acknowledge 7 min · Time to resolve 45 min');
    const text = blocksText(postmortem);
    expect(text).toContain('*Time to acknowledge*\\n7 min');
    expect(text).toContain('*Time to resolve*\\n45 min');
    expect(text).toContain('Lab report published; the creator took the video down');
    // Before: 1 negative of 4 in the week; during: 2 of 3 (the escalated comment and the two after it); after: nothing yet.
    expect(text).toContain('Before (7 days): 25% (1 of 4)');
    expect(text).toContain('During: 67% (2 of 3)');
    expect(text).toContain('After (24 h): no interactions logged');
    expect(text).toContain('Linked interactions (1)');
    expect(text).toContain('this product made my kid sick');
    expect(text).toContain(`<@${h.team.cm.externalId}>: Same claim on two more TikTok accounts`);
    // The assistant's short summary (the test assistant joins summary and resolution).
    expect(text).toContain('*Summary*');

    const resolved = await h.alertOf(escalationId);
    expect(blocksText(resolved)).toContain(`Resolved by <@${h.team.strategist.externalId}> at 2 Mar 2026, 09:45`);
    expect(actionIdsIn(resolved.blocks)).toEqual([actionIds.addEscalationNote, actionIds.showEscalationTimeline]);
    expect(await h.database.db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({ status: 'resolved', resolvedById: h.team.strategist.id, resolution: 'Lab report published; the creator took the video down' });
  });

  it('Resolve on a stale alert says it is already resolved', async () => {
    const refused = await h.clickReply(h.team.strategist2, stale, actionIds.resolveEscalation);
    expect(blocksText(refused.body)).toContain('Escalation #1 was already resolved by strategist');
  });

  it('Timeline shows every step with who and when, only to whoever asked', async () => {
    const told = await h.clickReply(h.team.viewer, alert, actionIds.showEscalationTimeline);
    expect(told.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const text = blocksText(told.body);
    const steps = ['🚨 Raised by', '📝', '👀 Acknowledged by', '✅ Resolved by'].map((step) => text.indexOf(step));
    expect(steps.every((index) => index > 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(text).toContain('`2 Mar 2026, 09:07` 👀 Acknowledged by');
    expect(text).toContain('Times in UTC.');
  });

  it('the interaction can be escalated again once its escalation is resolved', async () => {
    const card = h.slack.workspace.channelHistory(socialChannel).find((m) => blocksText(m).includes('made my kid sick'));
    if (!card) throw new Error('card missing');
    const since = h.slack.mark();
    await h.click(h.team.cm, card, actionIds.escalateInteraction);
    expect((await h.openedView(since)).callback_id).toBe(callbackIds.escalateModal);
  });
});
