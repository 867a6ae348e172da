// First: discord.js must load before vega-lite (the digest's charts), which patches Set.prototype.toJSON and breaks discord.js's start-up.
import { blocksText, crisisChannel, startCrisisHarness, type CrisisHarness } from './harness.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { actionIds, fieldIds } from '../../src/slack/ids.js';
import type { SlackMessage } from '../fakes/slack.js';
import { actionIdsIn } from '../slack/harness.js';

const minute = 60_000;

describe('paging until someone acknowledges', () => {
  let h: CrisisHarness;
  let escalationId: number;
  let alert: SlackMessage;
  let raisedAt: number;
  beforeAll(async () => {
    h = await startCrisisHarness();
    const { card } = await h.logInteraction('facebook review @zoe terrible, my order arrived broken and nobody answers');
    raisedAt = h.clock.now().getTime();
    ({ escalationId, alert } = await h.escalateCard(card, { [fieldIds.escalateSeverity]: 'sev2' }));
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    expect(h.errors()).toEqual([]);
  });

  const pagesIn = (message: SlackMessage) => h.threadOf(message).filter((m) => m.text.includes('🔔 Page'));
  const at = (minutes: number) => new Date(raisedAt + minutes * minute);

  it('a sev2 is not re-paged before its 30 minutes', async () => {
    const since = h.slack.mark();
    await h.repage(at(29));
    expect(h.slack.callsTo('chat.postMessage', since)).toEqual([]);
    expect(h.slack.callsTo('chat.update', since)).toEqual([]);
    expect(pagesIn(alert)).toEqual([]);
  });

  it('after 30 minutes without an acknowledgement, the page goes in the alert’s thread mentioning the strategists, and the alert is updated in place', async () => {
    const since = h.slack.mark();
    await h.repage(at(30));
    const pages = pagesIn(alert);
    expect(pages).toHaveLength(1);
    const page = pages[0] as SlackMessage;
    expect(page.text).toContain('🔔 Page 1: 🟠 SEV2 escalation #1 is still waiting for a strategist, raised 30 min ago.');
    for (const strategist of [h.team.strategist, h.team.strategist2]) expect(page.text).toContain(`<@${strategist.externalId}>`);
    const update = await h.slack.waitForCall('chat.update', { since });
    expect(update.args).toMatchObject({ channel: crisisChannel, ts: alert.ts });
    expect(blocksText(await h.alertOf(escalationId))).toContain('paged 1×');
    // Running again at the same moment (another tick, another replica) sends nothing more.
    await h.repage(at(30));
    expect(pagesIn(alert)).toHaveLength(1);
  });

  it('the next page comes one interval after the last one', async () => {
    await h.repage(at(59));
    expect(pagesIn(alert)).toHaveLength(1);
    await h.repage(at(60));
    expect(pagesIn(alert).map((m) => m.text.match(/Page \d/)?.[0])).toEqual(['Page 1', 'Page 2']);
  });

  it('Acknowledge stops the pages and updates the alert in place with who and when', async () => {
    h.clock.set(at(65));
    const since = h.slack.mark();
    const answer = await h.click(h.team.strategist, await h.alertOf(escalationId), actionIds.acknowledgeEscalation);
    expect(answer.status).toBe(200);
    const update = await h.slack.waitForCall('chat.update', { since });
    expect(update.args).toMatchObject({ channel: crisisChannel, ts: alert.ts });
    const now = await h.alertOf(escalationId);
    expect(blocksText(now)).toContain(`Acknowledged by <@${h.team.strategist.externalId}> at 2 Mar 2026, 10:05`);
    expect(actionIdsIn(now.blocks)).not.toContain(actionIds.acknowledgeEscalation);
    // No new message in the channel: the alert changed, the story goes on in its thread.
    expect(h.slack.workspace.channelHistory(crisisChannel).filter((m) => !m.thread_ts)).toHaveLength(1);
    await h.slack.waitForCall('chat.postMessage', { since, where: (c) => (c.args as { thread_ts?: string }).thread_ts === alert.ts });
    expect(h.threadOf(alert).at(-1)?.text).toBe(`👀 Acknowledged by <@${h.team.strategist.externalId}>`);
    const row = await h.database.db.escalation.findUniqueOrThrow({ where: { id: escalationId } });
    expect(row).toMatchObject({ status: 'acknowledged', acknowledgedById: h.team.strategist.id, nextPageAt: null, pageCount: 2 });

    await h.repage(at(300));
    expect(pagesIn(alert)).toHaveLength(2);
  });

  it('two strategists acknowledging at once: one is recorded, the other is told who was first', async () => {
    const { card } = await h.logInteraction('x mention @hal terrible, they sold my data');
    const second = await h.escalateCard(card, { [fieldIds.escalateSeverity]: 'sev1' });
    const since = h.slack.mark();
    const answers = await Promise.all([h.team.strategist, h.team.strategist2].map((person) => h.click(person, second.alert, actionIds.acknowledgeEscalation)));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const refusal = await h.slack.waitForResponse({ since, where: (r) => blocksText(r.body).includes('was already acknowledged') });
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const row = await h.database.db.escalation.findUniqueOrThrow({ where: { id: second.escalationId } });
    const winner = row.acknowledgedById === h.team.strategist.id ? h.team.strategist : h.team.strategist2;
    expect([h.team.strategist.id, h.team.strategist2.id]).toContain(row.acknowledgedById);
    expect(blocksText(refusal.body)).toContain(`Escalation #2 was already acknowledged by ${winner.displayName}`);
    expect(await h.database.db.escalationEvent.count({ where: { escalationId: second.escalationId, type: 'acknowledged' } })).toBe(1);
    expect(await h.database.db.auditEntry.count({ where: { subjectType: 'escalation', subjectId: String(second.escalationId), action: 'escalation.acknowledged' } })).toBe(1);
  });

  it('a brand’s own interval applies: sev1 every 5 minutes here', async () => {
    const brand = await h.database.db.brand.findUniqueOrThrow({ where: { id: h.team.brand.id } });
    await h.database.db.brand.update({ where: { id: brand.id }, data: { settings: { ...(brand.settings as object), repageMinutes: { sev1: 5, sev2: 30, sev3: 0 } } } });
    const { card } = await h.logInteraction('instagram comment @ivy viral video, the product made me sick, terrible');
    const start = h.clock.now().getTime();
    const third = await h.escalateCard(card, { [fieldIds.escalateSeverity]: 'sev1' });
    await h.repage(new Date(start + 4 * minute));
    expect(pagesIn(third.alert)).toHaveLength(0);
    await h.repage(new Date(start + 5 * minute));
    expect(pagesIn(third.alert)).toHaveLength(1);
  });
});
