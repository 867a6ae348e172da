import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getBrand } from '../../src/core/brands.js';
import { claimDuePages, findDuePages, recordPage } from '../../src/core/escalationPaging.js';
import {
  acknowledgeEscalation,
  addEscalationNote,
  linkInteraction,
  raiseEscalation,
  resolveEscalation,
  setAlertMessage,
} from '../../src/core/escalations.js';
import { getEscalationTimeline } from '../../src/core/escalationTimeline.js';
import { getEscalation, listOpenEscalations } from '../../src/core/escalationViews.js';
import { logInteractionsBatch } from '../../src/core/interactionImport.js';
import { logInteraction } from '../../src/core/interactions.js';
import { buildPostmortem } from '../../src/core/postmortem.js';
import { liftFreeze } from '../../src/core/publishingFreeze.js';
import { getSentimentPicture } from '../../src/core/sentimentPicture.js';
import { createTeam, type Team } from '../helpers/fixtures.js';
import { buildTestCtx, createManualClock, type TestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

let database: TestDatabase;
let ctx: TestCtx;
beforeAll(async () => {
  database = await createTestDatabase();
  ctx = buildTestCtx(database.db);
});
afterAll(async () => {
  await database.close();
});

/** Each test on its own clock, so paging in one test never sees another's escalations as due. */
function freshCtx(start: string): TestCtx {
  return buildTestCtx(database.db, { clock: createManualClock(start) });
}

function raise(c: TestCtx, team: Team, extra: Partial<Parameters<typeof raiseEscalation>[1]> = {}) {
  return raiseEscalation(c, { brandId: team.brand.id, actorId: team.cm.id, severity: 'sev2', summary: 'Angry thread about late deliveries', raisedVia: 'slack_command', ...extra });
}

async function logComplaint(c: TestCtx, team: Team, text = 'This is terrible, I want a refund') {
  return (await logInteraction(c, { brandId: team.brand.id, actorId: team.cm.id, network: 'instagram', kind: 'comment', author: '@angry', text, receivedAt: new Date(c.clock.now().getTime() - 5 * minute) })).interaction;
}

describe('raising', () => {
  test('numbered per brand, from a concurrent pair too, with a raised event and an audit entry', async () => {
    const a = await createTeam(ctx, 'NumbersA');
    const b = await createTeam(ctx, 'NumbersB');
    const first = await raise(ctx, a);
    const second = await raise(ctx, a, { severity: 'sev3' });
    const otherBrand = await raise(ctx, b);
    expect([first.number, second.number, otherBrand.number]).toEqual([1, 2, 1]);
    expect(first).toMatchObject({ status: 'open', existing: false, raisedBy: { personId: a.cm.id, name: 'community-manager' }, raisedAt: ctx.clock.now() });

    const ctx2 = buildTestCtx(database.connect(2), { clock: ctx.clock });
    const pair = await Promise.all([raise(ctx, a), raise(ctx2, a)]);
    expect(pair.map((e) => e.number).sort()).toEqual([3, 4]);

    expect(ctx.events).toContainEqual({ type: 'escalation.raised', brandId: a.brand.id, escalationId: first.id });
    expect(await getEscalationTimeline(ctx, { escalationId: first.id })).toMatchObject([
      { type: 'raised', actor: { personId: a.cm.id }, note: 'Angry thread about late deliveries', data: { severity: 'sev2', raisedVia: 'slack_command' } },
    ]);
    expect(await database.db.auditEntry.count({ where: { brandId: a.brand.id, action: 'escalation.raised' } })).toBe(4);
  });

  test('a second Escalate on the same interaction returns the open escalation instead of raising another', async () => {
    const team = await createTeam(ctx, 'DoubleClick');
    const complaint = await logComplaint(ctx, team);
    const first = await raise(ctx, team, { interactionId: complaint.id, raisedVia: 'slack_button' });
    expect(first.interactions).toMatchObject([{ id: complaint.id, author: '@angry', text: 'This is terrible, I want a refund', sentiment: 'negative' }]);
    const again = await raise(ctx, team, { interactionId: complaint.id, raisedVia: 'slack_button', severity: 'sev1' });
    expect(again).toMatchObject({ id: first.id, existing: true, severity: 'sev2' });
    expect(ctx.events.filter((e) => e.type === 'escalation.raised' && e.brandId === team.brand.id)).toHaveLength(1);
    expect((await getBrand(ctx, team.brand.id)).frozenAt).toBeNull();

    // Two clicks at the same instant over two connections: still one escalation.
    const fresh = await logComplaint(ctx, team, 'worst service ever');
    const ctx2 = buildTestCtx(database.connect(2), { clock: ctx.clock });
    const [x, y] = await Promise.all([raise(ctx, team, { interactionId: fresh.id }), raise(ctx2, team, { interactionId: fresh.id })]);
    expect(x.id).toBe(y.id);
    expect([x.existing, y.existing].sort()).toEqual([false, true]);

    // Once resolved, the same interaction can start a new escalation.
    await resolveEscalation(ctx, { brandId: team.brand.id, actorId: team.strategist.id, escalationId: first.id, resolution: 'Refunded' });
    const next = await raise(ctx, team, { interactionId: complaint.id });
    expect(next).toMatchObject({ existing: false, number: 3 });
  });

  test('Discord moderators and automod raise without being people here', async () => {
    const team = await createTeam(ctx, 'DiscordRaise');
    const raised = await raiseEscalation(ctx, {
      brandId: team.brand.id,
      actorRef: 'discord:1234567890',
      severity: 'sev2',
      summary: 'Raid in #general',
      raisedVia: 'discord',
      originRef: { platform: 'discord', guildId: 'G1', channelId: 'C9', userId: '1234567890' },
    });
    expect(raised).toMatchObject({ raisedBy: { personId: null, ref: 'discord:1234567890' }, originRef: { platform: 'discord', channelId: 'C9', userId: '1234567890' } });
    const audit = await database.db.auditEntry.findFirstOrThrow({ where: { brandId: team.brand.id, action: 'escalation.raised' } });
    expect(audit).toMatchObject({ actorId: null, actorRef: 'discord:1234567890' });
  });

  test('refusals and invalid input write nothing and use no number', async () => {
    const team = await createTeam(ctx, 'RaiseRefusals');
    const other = await createTeam(ctx, 'RaiseOther');
    const foreign = await logComplaint(ctx, other);
    await expect(raise(ctx, team, { actorId: team.viewer.id })).rejects.toMatchObject({ code: 'permission.denied', params: { required: 'community_manager', current: 'viewer' } });
    await expect(raise(ctx, team, { summary: '  ' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(raise(ctx, team, { severity: 'sev0' as 'sev1' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(raise(ctx, team, { raisedVia: 'email' as 'discord' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(raiseEscalation(ctx, { brandId: team.brand.id, severity: 'sev3', summary: 'x', raisedVia: 'automod' })).rejects.toMatchObject({
      code: 'error.invalidInput',
      params: { problems: expect.stringContaining('actorId') },
    });
    await expect(raise(ctx, team, { interactionId: foreign.id })).rejects.toMatchObject({ code: 'interaction.notFound' });
    expect(await database.db.escalation.count({ where: { brandId: team.brand.id } })).toBe(0);
    expect(await database.db.auditEntry.count({ where: { brandId: team.brand.id, action: { startsWith: 'escalation.' } } })).toBe(0);
    expect((await raise(ctx, team)).number).toBe(1);
  });
});

describe('acknowledge, notes, links, resolve', () => {
  test('the lifecycle writes a timeline with who and when, and refuses what is already done', async () => {
    const c = freshCtx('2026-04-01T08:00:00Z');
    const team = await createTeam(c, 'Lifecycle');
    const complaint = await logComplaint(c, team);
    const extra = await logComplaint(c, team, 'Same here, awful');
    const raised = await raise(c, team, { interactionId: complaint.id });
    c.clock.advance(3 * minute);
    await expect(acknowledgeEscalation(c, { brandId: team.brand.id, actorId: team.cm.id, escalationId: raised.id })).rejects.toMatchObject({
      code: 'permission.denied',
      params: { required: 'strategist' },
    });
    const acked = await acknowledgeEscalation(c, { brandId: team.brand.id, actorId: team.strategist.id, escalationId: raised.id });
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: { personId: team.strategist.id, name: 'strategist' }, acknowledgedAt: c.clock.now(), nextPageAt: null });
    await expect(acknowledgeEscalation(c, { brandId: team.brand.id, actorId: team.strategist2.id, escalationId: raised.id })).rejects.toMatchObject({
      code: 'escalation.alreadyAcknowledged',
      params: { number: raised.number, who: 'strategist', when: '2026-04-01 08:03 UTC' },
    });

    c.clock.advance(minute);
    await addEscalationNote(c, { brandId: team.brand.id, actorId: team.cm.id, escalationId: raised.id, note: 'Customer DMed, asking for a call' });
    const linked = await linkInteraction(c, { brandId: team.brand.id, actorId: team.cm.id, escalationId: raised.id, interactionId: extra.id });
    expect(linked.linked).toBe(true);
    expect(linked.interactions.map((i) => i.id)).toEqual([complaint.id, extra.id]);
    expect((await linkInteraction(c, { brandId: team.brand.id, actorId: team.cm.id, escalationId: raised.id, interactionId: extra.id })).linked).toBe(false);

    await expect(resolveEscalation(c, { brandId: team.brand.id, actorId: team.strategist.id, escalationId: raised.id, resolution: ' ' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(resolveEscalation(c, { brandId: team.brand.id, actorId: team.cm.id, escalationId: raised.id, resolution: 'done' })).rejects.toMatchObject({ code: 'permission.denied' });
    c.clock.advance(10 * minute);
    const resolved = await resolveEscalation(c, { brandId: team.brand.id, actorId: team.strategist2.id, escalationId: raised.id, resolution: 'Refund issued and public reply posted' });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: { personId: team.strategist2.id }, resolution: 'Refund issued and public reply posted' });
    for (const attempt of [
      () => resolveEscalation(c, { brandId: team.brand.id, actorId: team.strategist.id, escalationId: raised.id, resolution: 'again' }),
      () => acknowledgeEscalation(c, { brandId: team.brand.id, actorId: team.strategist.id, escalationId: raised.id }),
      () => linkInteraction(c, { brandId: team.brand.id, actorId: team.cm.id, escalationId: raised.id, interactionId: complaint.id }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'escalation.alreadyResolved', params: { who: 'strategist-two', when: '2026-04-01 08:14 UTC' } });
    }
    // A note after the fact is still welcome: it goes into the postmortem.
    await addEscalationNote(c, { brandId: team.brand.id, actorId: team.strategist.id, escalationId: raised.id, note: 'Lesson: answer refunds within the hour' });

    const timeline = await getEscalationTimeline(c, { escalationId: raised.id, brandId: team.brand.id });
    expect(timeline.map((e) => [e.type, e.actor?.name, e.at.toISOString()])).toEqual([
      ['raised', 'community-manager', '2026-04-01T08:00:00.000Z'],
      ['acknowledged', 'strategist', '2026-04-01T08:03:00.000Z'],
      ['note', 'community-manager', '2026-04-01T08:04:00.000Z'],
      ['linked', 'community-manager', '2026-04-01T08:04:00.000Z'],
      ['resolved', 'strategist-two', '2026-04-01T08:14:00.000Z'],
      ['note', 'strategist', '2026-04-01T08:14:00.000Z'],
    ]);
    const updates = c.events.filter((e) => e.type === 'escalation.updated').map((e) => (e.type === 'escalation.updated' ? e.change : null));
    expect(updates).toEqual(['acknowledged', 'note', 'linked', 'resolved', 'note']);
    const audit = await database.db.auditEntry.findMany({ where: { brandId: team.brand.id, subjectType: 'escalation' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['escalation.raised', 'escalation.acknowledged', 'escalation.note', 'escalation.linked', 'escalation.resolved', 'escalation.note']);
  });

  test('two strategists acknowledging at once over two connections: exactly one recorded', async () => {
    const team = await createTeam(ctx, 'AckRace');
    const raised = await raise(ctx, team, { severity: 'sev1' });
    const ctx2 = buildTestCtx(database.connect(2), { clock: ctx.clock });
    const results = await Promise.allSettled([
      acknowledgeEscalation(ctx, { brandId: team.brand.id, actorId: team.strategist.id, escalationId: raised.id }),
      acknowledgeEscalation(ctx2, { brandId: team.brand.id, actorId: team.strategist2.id, escalationId: raised.id }),
    ]);
    const won = results.find((r) => r.status === 'fulfilled');
    const lost = results.find((r) => r.status === 'rejected');
    expect(won && lost).toBeTruthy();
    const winner = won?.status === 'fulfilled' ? won.value.acknowledgedBy?.name : undefined;
    expect(lost).toMatchObject({ reason: { code: 'escalation.alreadyAcknowledged', params: { who: winner } } });
    const events = await database.db.escalationEvent.count({ where: { escalationId: raised.id, type: 'acknowledged' } });
    expect(events).toBe(1);
    expect(await database.db.auditEntry.count({ where: { subjectType: 'escalation', subjectId: String(raised.id), action: 'escalation.acknowledged' } })).toBe(1);
  });

  test('another brand’s escalation is not found; the alert message is remembered', async () => {
    const team = await createTeam(ctx, 'Scoped');
    const other = await createTeam(ctx, 'ScopedOther');
    const raised = await raise(ctx, team);
    await expect(acknowledgeEscalation(ctx, { brandId: other.brand.id, actorId: other.strategist.id, escalationId: raised.id })).rejects.toMatchObject({ code: 'escalation.notFound' });
    await expect(getEscalation(ctx, { escalationId: raised.id, brandId: other.brand.id })).rejects.toMatchObject({ code: 'escalation.notFound' });
    await setAlertMessage(ctx, { escalationId: raised.id, platform: 'slack', channelId: 'C-CRISIS', messageId: '1712345678.000100' });
    expect((await getEscalation(ctx, { escalationId: raised.id })).alert).toEqual({ platform: 'slack', channelId: 'C-CRISIS', messageId: '1712345678.000100' });
  });

  test('listOpenEscalations: unresolved, most severe first, with age', async () => {
    const c = freshCtx('2026-04-02T10:00:00Z');
    const team = await createTeam(c, 'OpenList');
    const sev3 = await raise(c, team, { severity: 'sev3' });
    c.clock.advance(20 * minute);
    const sev2 = await raise(c, team, { severity: 'sev2' });
    const done = await raise(c, team, { severity: 'sev1' });
    await resolveEscalation(c, { brandId: team.brand.id, actorId: team.strategist.id, escalationId: done.id, resolution: 'false alarm' });
    c.clock.advance(10 * minute);
    const open = await listOpenEscalations(c, { brandId: team.brand.id });
    expect(open.map((e) => [e.id, e.severity, e.ageMinutes])).toEqual([
      [sev2.id, 'sev2', 10],
      [sev3.id, 'sev3', 30],
    ]);
  });
});

describe('sev1 freeze', () => {
  test('a sev1 freezes publishing until a strategist lifts it', async () => {
    const c = freshCtx('2026-04-03T10:00:00Z');
    const team = await createTeam(c, 'Freeze');
    const crisis = await raise(c, team, { severity: 'sev1', summary: 'Product recall rumour going viral' });
    const brand = await getBrand(c, team.brand.id);
    expect(brand.frozenAt).toEqual(c.clock.now());
    expect((await database.db.brand.findUniqueOrThrow({ where: { id: team.brand.id } })).frozenByEscalationId).toBe(crisis.id);
    expect(c.events).toContainEqual({ type: 'publishing.frozen', brandId: team.brand.id, escalationId: crisis.id });

    // A second sev1 while frozen does not take the freeze over.
    const second = await raise(c, team, { severity: 'sev1', summary: 'Second wave' });
    expect(c.events.filter((e) => e.type === 'publishing.frozen')).toHaveLength(1);
    expect((await getEscalationTimeline(c, { escalationId: second.id })).map((e) => e.type)).toEqual(['raised']);

    await expect(liftFreeze(c, { brandId: team.brand.id, actorId: team.cm.id })).rejects.toMatchObject({ code: 'permission.denied', params: { required: 'strategist' } });
    c.clock.advance(45 * minute);
    const lifted = await liftFreeze(c, { brandId: team.brand.id, actorId: team.strategist.id });
    expect(lifted).toEqual({ brandId: team.brand.id, frozenAt: new Date('2026-04-03T10:00:00Z'), escalationId: crisis.id });
    expect((await getBrand(c, team.brand.id)).frozenAt).toBeNull();
    expect(c.events).toContainEqual({ type: 'publishing.unfrozen', brandId: team.brand.id, escalationId: crisis.id });
    expect((await getEscalationTimeline(c, { escalationId: crisis.id })).map((e) => [e.type, e.actor?.personId])).toEqual([
      ['raised', team.cm.id],
      ['frozen', team.cm.id],
      ['unfrozen', team.strategist.id],
    ]);
    await expect(liftFreeze(c, { brandId: team.brand.id, actorId: team.strategist.id })).rejects.toMatchObject({ code: 'publishing.notFrozen', params: { brand: 'Freeze' } });
    const audit = await database.db.auditEntry.findMany({ where: { brandId: team.brand.id, action: { startsWith: 'publishing.' } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['publishing.frozen', team.cm.id],
      ['publishing.unfrozen', team.strategist.id],
    ]);
  });
});

describe('re-paging', () => {
  test('pages on the brand schedule until acknowledged, driven by a manual clock', async () => {
    const c = freshCtx('2026-05-01T09:00:00Z');
    const t0 = c.clock.now().getTime();
    const team = await createTeam(c, 'Repage');
    const sev2 = await raise(c, team, { severity: 'sev2' });
    const sev3 = await raise(c, team, { severity: 'sev3' });
    expect(sev2.nextPageAt).toEqual(new Date(t0 + 30 * minute));
    expect(sev3.nextPageAt).toBeNull();
    const mine = async (now: number) => (await findDuePages(c, { now: new Date(now) })).filter((p) => p.brandId === team.brand.id).map((p) => p.escalationId);

    expect(await mine(t0 + 29 * minute)).toEqual([]);
    expect(await mine(t0 + 30 * minute)).toEqual([sev2.id]);
    const first = await recordPage(c, { escalationId: sev2.id, now: new Date(t0 + 31 * minute), owner: 'replica-a' });
    expect(first).toMatchObject({ escalationId: sev2.id, pageCount: 1, nextPageAt: new Date(t0 + 61 * minute) });
    expect(await recordPage(c, { escalationId: sev2.id, now: new Date(t0 + 31 * minute), owner: 'replica-b' })).toBeNull();
    expect(c.events).toContainEqual({ type: 'escalation.updated', brandId: team.brand.id, escalationId: sev2.id, change: 'paged' });

    // After a long outage: one catch-up page, and the next one counted from it.
    const late = await recordPage(c, { escalationId: sev2.id, now: new Date(t0 + 300 * minute), owner: 'replica-a' });
    expect(late).toMatchObject({ pageCount: 2, nextPageAt: new Date(t0 + 330 * minute) });

    c.clock.set(new Date(t0 + 305 * minute));
    await acknowledgeEscalation(c, { brandId: team.brand.id, actorId: team.strategist.id, escalationId: sev2.id });
    expect(await mine(t0 + 1000 * minute)).toEqual([]);
    expect(await recordPage(c, { escalationId: sev2.id, now: new Date(t0 + 1000 * minute), owner: 'replica-a' })).toBeNull();
    const pages = await getEscalationTimeline(c, { escalationId: sev2.id });
    expect(pages.filter((e) => e.type === 'paged').map((e) => [e.actor?.ref, e.data.pageCount])).toEqual([
      ['replica-a', 1],
      ['replica-a', 2],
    ]);
  });

  test('the interval comes from the brand settings; 0 means never re-page', async () => {
    const c = freshCtx('2026-05-02T09:00:00Z');
    const t0 = c.clock.now().getTime();
    const team = await createTeam(c, 'RepageCustom');
    await database.db.brand.update({ where: { id: team.brand.id }, data: { settings: { repageMinutes: { sev1: 5, sev2: 0, sev3: 60 } } } });
    const sev1 = await raise(c, team, { severity: 'sev1' });
    const sev2 = await raise(c, team, { severity: 'sev2' });
    const sev3 = await raise(c, team, { severity: 'sev3' });
    expect([sev1.nextPageAt, sev2.nextPageAt, sev3.nextPageAt]).toEqual([new Date(t0 + 5 * minute), null, new Date(t0 + 60 * minute)]);
    const pages = await claimDuePages(c, { now: new Date(t0 + 5 * minute), owner: 'solo' });
    expect(pages.filter((p) => p.brandId === team.brand.id)).toMatchObject([{ escalationId: sev1.id, pageCount: 1, nextPageAt: new Date(t0 + 10 * minute) }]);
  });

  test('two schedulers claiming at once over two connections page each due escalation exactly once', async () => {
    const c = freshCtx('2026-06-01T09:00:00Z');
    const t0 = c.clock.now().getTime();
    const team = await createTeam(c, 'RepageRace');
    const raised = [];
    for (let i = 0; i < 6; i++) raised.push(await raise(c, team, { severity: 'sev1', summary: `incident ${i}` }));
    const ids = raised.map((e) => e.id).sort((a, b) => a - b);
    const c2 = buildTestCtx(database.connect(4), { clock: c.clock });
    const now = new Date(t0 + 10 * minute);
    // Each scheduler reads the same due list, then races to record every page on it.
    const run = async (cx: TestCtx, owner: string) => {
      const due = (await findDuePages(cx, { now, limit: 500 })).filter((p) => p.brandId === team.brand.id);
      const pages = await Promise.all(due.map((p) => recordPage(cx, { escalationId: p.escalationId, now, owner })));
      return pages.filter((p) => p !== null).map((p) => p.escalationId);
    };
    const [a, b] = await Promise.all([run(c, 'replica-a'), run(c2, 'replica-b')]);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(ids);
    const events = await database.db.escalationEvent.groupBy({ by: ['escalationId'], where: { escalationId: { in: ids }, type: 'paged' }, _count: true });
    expect(events.map((e) => e._count)).toEqual(ids.map(() => 1));
    const rows = await database.db.escalation.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.pageCount === 1 && r.nextPageAt?.getTime() === t0 + 20 * minute)).toBe(true);
    // claimDuePages from both at once, a page period later: again each exactly once.
    const later = new Date(t0 + 20 * minute);
    const [x, y] = await Promise.all([claimDuePages(c, { now: later, owner: 'replica-a' }), claimDuePages(c2, { now: later, owner: 'replica-b' })]);
    const claimed = [...x, ...y].filter((p) => p.brandId === team.brand.id).map((p) => p.escalationId);
    expect(claimed.sort((p, q) => p - q)).toEqual(ids);
  });
});

describe('postmortem and sentiment', () => {
  test('durations are exact and sentiment is compared before, during and after', async () => {
    const c = freshCtx('2026-07-10T12:00:00Z');
    const raisedAt = c.clock.now().getTime();
    const team = await createTeam(c, 'Postmortem');
    const row = (text: string, at: number, ref: string) => ({ network: 'instagram' as const, kind: 'comment' as const, author: ref, text, receivedAt: new Date(at), sourceRef: ref });
    // Before (7 days before the raise): 1 negative of 4. One older row is outside every window.
    await logInteractionsBatch(c, {
      brandId: team.brand.id,
      actorId: team.cm.id,
      rows: [
        row('love it', raisedAt - 6 * day, 'b1'),
        row('great stuff', raisedAt - 3 * day, 'b2'),
        row('terrible packaging', raisedAt - 2 * day, 'b3'),
        row('ok', raisedAt - hour, 'b4'),
        row('awful awful', raisedAt - 8 * day, 'old'),
      ],
    });
    const complaint = await logComplaint(c, team, 'Your product made my kid sick, this is terrible');
    const raised = await raise(c, team, { severity: 'sev1', interactionId: complaint.id, summary: 'Health complaint going viral' });
    c.clock.advance(7 * minute + 30_000);
    await acknowledgeEscalation(c, { brandId: team.brand.id, actorId: team.strategist.id, escalationId: raised.id });
    c.clock.advance(20 * minute);
    await addEscalationNote(c, { brandId: team.brand.id, actorId: team.cm.id, escalationId: raised.id, note: 'Legal informed' });
    // During: 2 negative of 3 (received while open).
    await logInteractionsBatch(c, {
      brandId: team.brand.id,
      actorId: team.cm.id,
      rows: [row('worst brand', raisedAt + 10 * minute, 'd1'), row('boycott, terrible', raisedAt + 20 * minute, 'd2'), row('thanks for replying', raisedAt + 25 * minute, 'd3')],
    });
    c.clock.set(new Date(raisedAt + 95 * minute));
    await resolveEscalation(c, { brandId: team.brand.id, actorId: team.strategist2.id, escalationId: raised.id, resolution: 'Product tested safe; public statement posted' });
    // After (24 h after the resolution): 0 negative of 2, one row after that window.
    c.clock.set(new Date(raisedAt + 3 * day));
    await logInteractionsBatch(c, {
      brandId: team.brand.id,
      actorId: team.cm.id,
      rows: [row('thanks for the update', raisedAt + 2 * hour, 'a1'), row('love the transparency', raisedAt + 20 * hour, 'a2'), row('hate it', raisedAt + 2 * day, 'a3')],
    });

    const pm = await buildPostmortem(c, { escalationId: raised.id, brandId: team.brand.id });
    expect(pm.timeToAcknowledgeMs).toBe(7 * minute + 30_000);
    expect(pm.timeToResolveMs).toBe(95 * minute);
    expect(pm.escalation).toMatchObject({ number: 1, severity: 'sev1', summary: 'Health complaint going viral', resolution: 'Product tested safe; public statement posted' });
    expect(pm.interactions).toMatchObject([{ id: complaint.id, author: '@angry', text: 'Your product made my kid sick, this is terrible' }]);
    // The complaint itself arrived 5 minutes before the raise, so it counts in "before".
    expect(pm.sentiment.before).toMatchObject({ total: 5, negative: 2, negativeShare: 0.4 });
    expect(pm.sentiment.during).toMatchObject({ total: 3, negative: 2 });
    expect(pm.sentiment.during.negativeShare).toBeCloseTo(2 / 3, 9);
    expect(pm.sentiment.after).toMatchObject({ total: 2, negative: 0, negativeShare: 0 });
    expect(pm.notes).toMatchObject([{ note: 'Legal informed', actor: { name: 'community-manager' } }]);
    expect(pm.timeline.map((e) => [e.type, e.actor?.name])).toEqual([
      ['raised', 'community-manager'],
      ['frozen', 'community-manager'],
      ['acknowledged', 'strategist'],
      ['note', 'community-manager'],
      ['resolved', 'strategist-two'],
    ]);
  });

  test('resolved without an acknowledgement: time to acknowledge is the time to resolve; open: both null', async () => {
    const c = freshCtx('2026-07-20T12:00:00Z');
    const team = await createTeam(c, 'PostmortemQuick');
    const quick = await raise(c, team, { severity: 'sev3' });
    const open = await raise(c, team, { severity: 'sev3' });
    c.clock.advance(12 * minute);
    await resolveEscalation(c, { brandId: team.brand.id, actorId: team.strategist.id, escalationId: quick.id, resolution: 'Answered publicly' });
    const pm = await buildPostmortem(c, { escalationId: quick.id });
    expect([pm.timeToAcknowledgeMs, pm.timeToResolveMs]).toEqual([12 * minute, 12 * minute]);
    expect(pm.sentiment.after).toMatchObject({ total: 0, negativeShare: null });
    const pending = await buildPostmortem(c, { escalationId: open.id });
    expect([pending.timeToAcknowledgeMs, pending.timeToResolveMs, pending.sentiment.after]).toEqual([null, null, null]);
  });

  test('the sentiment picture: last 24 h against the 7 days before', async () => {
    const c = freshCtx('2026-08-01T12:00:00Z');
    const now = c.clock.now().getTime();
    const team = await createTeam(c, 'Picture');
    const row = (text: string, at: number, ref: string) => ({ network: 'x' as const, kind: 'mention' as const, author: ref, text, receivedAt: new Date(at), sourceRef: ref });
    await logInteractionsBatch(c, {
      brandId: team.brand.id,
      actorId: team.cm.id,
      rows: [
        row('terrible', now - hour, 'n1'),
        row('awful', now - 2 * hour, 'n2'),
        row('fine', now - 3 * hour, 'n3'),
        row('love it', now - 2 * day, 'p1'),
        row('great', now - 3 * day, 'p2'),
        row('hate this', now - 4 * day, 'p3'),
        row('excellent', now - 5 * day, 'p4'),
      ],
    });
    const picture = await getSentimentPicture(c, { brandId: team.brand.id });
    expect(picture.last24h).toMatchObject({ total: 3, negative: 2 });
    expect(picture.baseline7d).toMatchObject({ total: 4, negative: 1, negativeShare: 0.25, from: new Date(now - 8 * day), to: new Date(now - day) });
    expect(picture.shiftPoints).toBeCloseTo((2 / 3 - 0.25) * 100, 9);
    const empty = await createTeam(c, 'PictureEmpty');
    expect(await getSentimentPicture(c, { brandId: empty.brand.id })).toMatchObject({ last24h: { total: 0, negativeShare: null }, shiftPoints: null });
  });
});
