// First: discord.js must load before vega-lite (the digest's charts), which patches Set.prototype.toJSON and breaks discord.js's start-up.
import { blocksText, crisisChannel, startCrisisHarness, type CrisisHarness } from './harness.js';
import type { InputBlock, StaticSelect } from '@slack/types';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { actionIds, callbackIds, fieldIds } from '../../src/slack/ids.js';
import { actionIdsIn, socialChannel } from '../slack/harness.js';

describe('raising an escalation from Slack', () => {
  let h: CrisisHarness;
  beforeAll(async () => {
    h = await startCrisisHarness();
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    expect(h.errors()).toEqual([]);
  });

  function preselected(view: { blocks: unknown[] }): string | undefined {
    const block = view.blocks.find((b): b is InputBlock => (b as InputBlock).block_id === fieldIds.escalateSeverity);
    return (block?.element as StaticSelect | undefined)?.initial_option?.value;
  }

  it('Escalate on a logged interaction opens the form with the severity picked from its crisis risk; submitting posts the alert', async () => {
    // A day of ordinary comments before, so the alert has a baseline to compare with.
    h.clock.set('2026-03-01T08:00:00Z');
    await h.logInteraction('instagram comment @ana love the new colours, thanks');
    await h.logInteraction('instagram comment @bea great service');
    h.clock.set('2026-03-02T09:00:00Z');
    const { id, card } = await h.logInteraction('instagram comment @press viral boycott thread, terrible, a lawsuit is coming');
    h.clock.advance(60_000);

    const since = h.slack.mark();
    await h.click(h.team.cm, card, actionIds.escalateInteraction);
    const view = await h.openedView(since);
    expect(view.callback_id).toBe(callbackIds.escalateModal);
    expect(preselected(view)).toBe('sev1');
    expect(blocksText(view)).toContain('@press: “viral boycott thread, terrible, a lawsuit is coming”');

    const before = h.slack.mark();
    const answer = await h.submit(h.team.cm, view, { [fieldIds.escalateSeverity]: 'sev2' });
    // The modal closes at once; the alert follows.
    expect(answer).toMatchObject({ status: 200, text: '' });
    const posted = await h.slack.waitForCall('chat.postMessage', { since: before, where: (c) => c.answer?.channel === crisisChannel });
    // The raiser is told where the alert is, privately, where they clicked: the last step.
    const told = await h.slack.waitForCall('chat.postEphemeral', { since: before });
    expect(told.args).toMatchObject({ channel: socialChannel, user: h.team.cm.externalId });
    expect(blocksText(told.args as { text: string })).toContain('Escalation #1 (🟠 SEV2) raised');
    const row = await h.database.db.escalation.findFirstOrThrow({ where: { brandId: h.team.brand.id }, include: { interactions: true } });
    expect(row).toMatchObject({ number: 1, severity: 'sev2', status: 'open', raisedById: h.team.cm.id, raisedVia: 'slack_button', alertChannelId: crisisChannel, alertMessageId: posted.answer?.ts });
    expect(row.interactions.map((i) => i.interactionId)).toEqual([id]);

    const alert = await h.alertOf(row.id);
    expect(actionIdsIn(alert.blocks)).toEqual([actionIds.acknowledgeEscalation, actionIds.addEscalationNote, actionIds.resolveEscalation, actionIds.showEscalationTimeline]);
    const shown = blocksText(alert);
    expect(shown).toContain('🟠 SEV2 · Escalation #1 · Acme');
    expect(shown).toContain(`<@${h.team.cm.externalId}> via the Escalate button`);
    expect(shown).toContain('*@press*');
    expect(shown).toContain('viral boycott thread, terrible, a lawsuit is coming');
    // One negative of one in the last 24 h, against none of two in the week before.
    expect(shown).toContain('negative share in the last 24 h: 100% (1 of 1) · 7-day baseline: 0% (0 of 2) · +100 points');
    // Both strategists are mentioned, in the notification text too (that is what notifies them).
    for (const strategist of [h.team.strategist, h.team.strategist2]) expect(alert.text).toContain(`<@${strategist.externalId}>`);

  });

  it('a second click on Escalate for the same interaction links to the open escalation instead of raising another', async () => {
    const card = h.slack.workspace.channelHistory(socialChannel).filter((m) => blocksText(m).includes('viral boycott')).at(-1);
    if (!card) throw new Error('card missing');
    const since = h.slack.mark();
    const told = await h.clickReply(h.team.strategist, card, actionIds.escalateInteraction);
    expect(told.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blocksText(told.body)).toContain('Already escalated: #1 (🟠 SEV2, 🔔 open)');
    expect(blocksText(told.body)).toContain('Open the alert');
    expect(h.slack.callsTo('views.open', since)).toEqual([]);
    expect(await h.database.db.escalation.count()).toBe(1);
  });

  it('another interaction can join the open escalation from the same form: the alert and its thread show it', async () => {
    const { id, card } = await h.logInteraction('instagram comment @dan joining the boycott, terrible');
    const since = h.slack.mark();
    await h.click(h.team.cm, card, actionIds.escalateInteraction);
    const view = await h.openedView(since);
    const escalation = await h.database.db.escalation.findFirstOrThrow({ where: { number: 1 } });
    expect(blocksText(view)).toContain('#1 @press');
    const before = h.slack.mark();
    await h.submit(h.team.cm, view, { [fieldIds.escalateInto]: String(escalation.id) });
    const told = await h.slack.waitForCall('chat.postEphemeral', { since: before });
    expect(blocksText(told.args as { text: string })).toContain(`Interaction #${id} added to escalation #1.`);
    expect(await h.database.db.escalation.count()).toBe(1);
    const alert = await h.alertOf(escalation.id);
    expect(blocksText(alert)).toContain('joining the boycott');
    expect(h.threadOf(alert).map((m) => m.text)).toContain(`🔗 <@${h.team.cm.externalId}> linked interaction #${id}`);
  });

  it('the severity starts lower for a plain negative comment, and lowest for a neutral one', async () => {
    for (const [text, severity] of [
      ['x comment @kim terrible service, I want a refund', 'sev2'],
      ['x comment @lou where is the shop?', 'sev3'],
    ] as const) {
      const { card } = await h.logInteraction(text);
      const since = h.slack.mark();
      await h.click(h.team.cm, card, actionIds.escalateInteraction);
      expect(preselected(await h.openedView(since))).toBe(severity);
    }
  });

  it('the form refuses an empty summary in place; a viewer cannot escalate', async () => {
    const { card } = await h.logInteraction('tiktok comment @max this is a scam');
    const since = h.slack.mark();
    await h.click(h.team.cm, card, actionIds.escalateInteraction);
    const view = await h.openedView(since);
    const refused = await h.submit(h.team.cm, view, { [fieldIds.escalateSummary]: '  ' });
    expect(refused.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.escalateSummary]: 'Say what is happening.' } });
    const viewer = await h.clickReply(h.team.viewer, card, actionIds.escalateInteraction);
    expect(blocksText(viewer.body)).toContain('community_manager');
  });

  it('“Escalate to strategist” on any message raises it with a link back to the message', async () => {
    const pasted = h.slack.workspace.storeMessage({ channel: socialChannel, text: 'Customer on the phone: the batch 42 bottles leak, she is posting photos', blocks: [], user: 'UCUSTOMERCARE', via: 'user' });
    const since = h.slack.mark();
    await h.shortcut(h.team.cm, pasted);
    const view = await h.openedView(since);
    expect(preselected(view)).toBe('sev2');
    expect(blocksText(view)).toContain('the batch 42 bottles leak');
    const before = h.slack.mark();
    await h.submit(h.team.cm, view, { [fieldIds.escalateSeverity]: 'sev3' });
    await h.slack.waitForCall('chat.postEphemeral', { since: before });
    const row = await h.database.db.escalation.findFirstOrThrow({ where: { raisedVia: 'slack_shortcut' } });
    expect(row).toMatchObject({ severity: 'sev3', summary: 'Customer on the phone: the batch 42 bottles leak, she is posting photos' });
    expect(row.originRef).toMatchObject({ platform: 'slack', channelId: socialChannel, messageId: pasted.ts });
    const alert = await h.alertOf(row.id);
    expect(blocksText(alert)).toContain(`/archives/${socialChannel}/p${pasted.ts.replace('.', '')}|a message>`);
  });

  it('/escalate sev1 <summary> raises from a command; without a severity it is a sev2; mistakes show the usage', async () => {
    const raised = await h.commandReply(h.team.cm, '/escalate', 'sev1 Recall rumour trending on X');
    expect(raised.body.response_type).toBe('ephemeral');
    expect(blocksText(raised.body)).toContain('(🔴 SEV1) raised');
    expect(blocksText(raised.body)).toContain('Publishing is frozen');
    const sev1 = await h.database.db.escalation.findFirstOrThrow({ where: { summary: 'Recall rumour trending on X' } });
    expect(sev1).toMatchObject({ severity: 'sev1', raisedVia: 'slack_command' });
    expect(actionIdsIn((await h.alertOf(sev1.id)).blocks)).toContain(actionIds.liftFreeze);

    await h.commandReply(h.team.cm, '/escalate', 'Store manager quoted in a local paper');
    expect(await h.database.db.escalation.findFirstOrThrow({ where: { summary: 'Store manager quoted in a local paper' } })).toMatchObject({ severity: 'sev2' });

    expect(blocksText((await h.commandReply(h.team.cm, '/escalate', 'sev2')).body)).toContain('Say what is happening after sev2.');
    expect(blocksText((await h.commandReply(h.team.cm, '/escalate', 'sev7 whatever')).body)).toContain('“sev7” is not a severity');

    const since = h.slack.mark();
    await h.command(h.team.cm, '/escalate', '');
    expect((await h.openedView(since)).callback_id).toBe(callbackIds.escalateModal);
  });
});
