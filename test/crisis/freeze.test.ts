// First: discord.js must load before vega-lite (the digest's charts), which patches Set.prototype.toJSON and breaks discord.js's start-up.
import { approvalsChannel, blocksText, crisisChannel, startCrisisHarness, type CrisisHarness } from './harness.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { actionIds } from '../../src/slack/ids.js';
import type { SlackMessage } from '../fakes/slack.js';
import { actionIdsIn } from '../slack/harness.js';

describe('a sev1 freezes publishing until a strategist lifts it', () => {
  let h: CrisisHarness;
  let day = 10;
  beforeAll(async () => {
    h = await startCrisisHarness();
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    expect(h.errors()).toEqual([]);
  });

  /** A post planned with /plan; its approval request in #approvals. */
  async function planned(): Promise<{ number: number; request: SlackMessage }> {
    day += 1;
    const since = h.slack.mark();
    await h.commandReply(h.team.cm, '/plan', `instagram 2026-03-${day} 10:00 New colours in store`);
    const call = await h.slack.waitForCall('chat.postMessage', { since, where: (c) => c.answer?.channel === approvalsChannel });
    const request = h.slack.workspace.findMessage(approvalsChannel, String(call.answer?.ts));
    if (!request) throw new Error('approval request missing');
    const post = await h.database.db.post.findFirstOrThrow({ where: { brandId: h.team.brand.id }, orderBy: { number: 'desc' } });
    return { number: post.number, request };
  }

  const current = (message: SlackMessage) => h.slack.workspace.findMessage(message.channel, message.ts) ?? message;

  async function raiseSev1(summary: string): Promise<{ escalationId: number; alert: SlackMessage }> {
    const since = h.slack.mark();
    await h.commandReply(h.team.cm, '/escalate', `sev1 ${summary}`);
    await h.slack.waitForCall('chat.postMessage', { since, where: (c) => c.answer?.channel === crisisChannel });
    const row = await h.database.db.escalation.findFirstOrThrow({ where: { summary } });
    return { escalationId: row.id, alert: await h.alertOf(row.id) };
  }

  it('approval is refused with the freeze message; the request and /plan week show the freeze; the alert offers Lift freeze', async () => {
    const { number, request } = await planned();
    const { alert } = await raiseSev1('Recall rumour: a fake screenshot of a recall notice is spreading');
    expect(actionIdsIn(alert.blocks)).toContain(actionIds.liftFreeze);
    expect(blocksText(alert)).toContain('Publishing is frozen');
    const brand = await h.database.db.brand.findUniqueOrThrow({ where: { id: h.team.brand.id } });
    expect(brand.frozenAt).not.toBeNull();
    // The approval request updates itself to say approving waits.
    await h.slack.waitForCall('chat.update', { where: (c) => (c.args as { ts?: string }).ts === request.ts });
    expect(blocksText(current(request))).toContain('Publishing is frozen by a sev1 crisis');

    const refused = await h.clickReply(h.team.strategist, current(request), actionIds.approvePost);
    expect(blocksText(refused.body)).toContain('Publishing for Acme is frozen by a sev1 crisis (since 2026-03-02 09:00 UTC)');
    expect((await h.database.db.post.findFirstOrThrow({ where: { brandId: h.team.brand.id, number } })).status).toBe('pending_approval');

    const week = await h.commandReply(h.team.strategist, '/plan', 'week 2026-03-09');
    expect(blocksText(week.body)).toContain('Publishing is frozen');
  });

  it('only a strategist lifts it: the Lift freeze button refuses a community manager, `/escalate unfreeze` too', async () => {
    const escalation = await h.database.db.escalation.findFirstOrThrow({ where: { severity: 'sev1' } });
    const refused = await h.clickReply(h.team.cm, await h.alertOf(escalation.id), actionIds.liftFreeze);
    expect(blocksText(refused.body)).toContain('strategist');
    expect(blocksText((await h.commandReply(h.team.cm, '/escalate', 'unfreeze')).body)).toContain('strategist');
    expect((await h.database.db.brand.findUniqueOrThrow({ where: { id: h.team.brand.id } })).frozenAt).not.toBeNull();
  });

  it('Lift freeze on the alert: the alert loses the button, the thread says who lifted it, and approval works', async () => {
    const escalation = await h.database.db.escalation.findFirstOrThrow({ where: { severity: 'sev1' } });
    const alert = await h.alertOf(escalation.id);
    const since = h.slack.mark();
    const told = await h.clickReply(h.team.strategist, alert, actionIds.liftFreeze);
    expect(blocksText(told.body)).toContain('Publishing for Acme is no longer frozen');
    await h.slack.waitForCall('chat.postMessage', { since, where: (c) => (c.args as { thread_ts?: string }).thread_ts === alert.ts });
    expect(actionIdsIn((await h.alertOf(escalation.id)).blocks)).not.toContain(actionIds.liftFreeze);
    expect(h.threadOf(alert).map((m) => m.text)).toContain(`▶️ <@${h.team.strategist.externalId}> lifted the publishing freeze.`);

    const { number, request } = await planned();
    const approved = h.slack.mark();
    await h.click(h.team.strategist, request, actionIds.approvePost);
    await h.slack.waitForCall('chat.update', { since: approved, where: (c) => (c.args as { ts?: string }).ts === request.ts });
    expect((await h.database.db.post.findFirstOrThrow({ where: { brandId: h.team.brand.id, number } })).status).toBe('approved');
  });

  it('`/escalate unfreeze` lifts a freeze too', async () => {
    await raiseSev1('Data leak claim on a forum');
    const { request } = await planned();
    expect(blocksText((await h.clickReply(h.team.strategist, request, actionIds.approvePost)).body)).toContain('is frozen by a sev1 crisis');
    const lifted = await h.commandReply(h.team.strategist, '/escalate', 'unfreeze');
    expect(blocksText(lifted.body)).toContain('no longer frozen');
    const approved = h.slack.mark();
    await h.click(h.team.strategist, current(request), actionIds.approvePost);
    await h.slack.waitForCall('chat.update', { since: approved, where: (c) => (c.args as { ts?: string }).ts === request.ts });
    expect(blocksText((await h.commandReply(h.team.strategist, '/escalate', 'unfreeze')).body)).toContain('is not frozen');
  });
});
