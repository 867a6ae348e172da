import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { simpleAssistant, type Assistant, type TextAnalysis } from '../../src/core/assistant.js';
import { updateBrandSetting } from '../../src/core/brands.js';
import { logInteractionsBatch } from '../../src/core/interactionImport.js';
import { listOpenInteractions, logInteraction, markResponded } from '../../src/core/interactions.js';
import { findSlaBreaches, getResponseTimeStats, markSlaAlerted } from '../../src/core/responseTimes.js';
import { createTeam, type Team } from '../helpers/fixtures.js';
import { buildTestCtx, createManualClock, type TestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

const minute = 60_000;

let database: TestDatabase;
let ctx: TestCtx;
beforeAll(async () => {
  database = await createTestDatabase();
  ctx = buildTestCtx(database.db);
});
afterAll(async () => {
  await database.close();
});

/** An assistant that always answers the same reading and remembers what it was asked. */
function scriptedAssistant(reading: Partial<TextAnalysis>): Assistant & { calls: string[] } {
  const calls: string[] = [];
  return {
    ...simpleAssistant,
    calls,
    async analyzeText(text: string) {
      calls.push(text);
      return { sentiment: 'neutral', score: 0, leadIntent: false, crisisRisk: 0, language: null, fallback: false, ...reading };
    },
  };
}

function at(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * minute);
}

async function interactionCount(brandId: number): Promise<number> {
  return database.db.interaction.count({ where: { brandId } });
}

describe('logInteraction', () => {
  test('stores the assistant reading, marks a lead, audits and publishes', async () => {
    const ai = scriptedAssistant({ sentiment: 'negative', score: -0.75, crisisRisk: 0.6, leadIntent: true, language: 'es' });
    const local = buildTestCtx(database.db, { ai });
    const team = await createTeam(local, 'Reading');
    const { interaction, created } = await logInteraction(local, {
      brandId: team.brand.id,
      actorId: team.cm.id,
      network: 'instagram',
      kind: 'comment',
      author: '@maria',
      text: '  ¿Cuánto cuesta? El último pedido llegó roto  ',
      link: 'https://instagram.com/p/abc',
    });
    expect(created).toBe(true);
    expect(ai.calls).toEqual(['¿Cuánto cuesta? El último pedido llegó roto']);
    expect(interaction).toMatchObject({
      brandId: team.brand.id,
      sentiment: 'negative',
      sentimentScore: -0.75,
      crisisRisk: 0.6,
      language: 'es',
      leadStage: 'new',
      loggedById: team.cm.id,
      respondedAt: null,
    });
    expect(interaction.receivedAt).toEqual(local.clock.now());
    expect(local.events).toContainEqual({ type: 'interaction.logged', brandId: team.brand.id, interactionId: interaction.id });
    const audit = await database.db.auditEntry.findMany({ where: { brandId: team.brand.id, action: 'interaction.logged' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: team.cm.id, subjectId: String(interaction.id) });
  });

  test('the person decides whether it is a lead when they say so', async () => {
    const team = await createTeam(ctx, 'LeadFlag');
    const base = { brandId: team.brand.id, actorId: team.cm.id, network: 'x', kind: 'mention', author: '@a' } as const;
    const flagged = await logInteraction(ctx, { ...base, text: 'nice shoes' , lead: true });
    const asked = await logInteraction(ctx, { ...base, text: 'how much is the red one?' });
    const overruled = await logInteraction(ctx, { ...base, text: 'how much did you pay the influencer?', lead: false });
    expect([flagged, asked, overruled].map((r) => r.interaction.leadStage)).toEqual(['new', 'new', null]);
  });

  test('the same sourceRef is logged once, and the assistant is not asked again', async () => {
    const ai = scriptedAssistant({ sentiment: 'positive', score: 0.5 });
    const local = buildTestCtx(database.db, { ai });
    const team = await createTeam(local, 'Idempotent');
    const input = { brandId: team.brand.id, actorId: team.cm.id, network: 'discord', kind: 'mention', author: 'bob#1', text: 'love it', sourceRef: 'discord:msg:42' } as const;
    const first = await logInteraction(local, input);
    const again = await logInteraction(local, { ...input, text: 'edited text' });
    expect(again).toEqual({ interaction: first.interaction, created: false });
    expect(ai.calls).toHaveLength(1);
    expect(local.events.filter((e) => e.type === 'interaction.logged')).toHaveLength(1);
    // The same ref in another brand is another interaction.
    const other = await createTeam(local, 'Idempotent');
    expect((await logInteraction(local, { ...input, brandId: other.brand.id, actorId: other.cm.id })).created).toBe(true);
  });

  test('the same sourceRef logged at the same instant over two connections makes one row', async () => {
    const team = await createTeam(ctx, 'RaceRef');
    const ctx2 = buildTestCtx(database.connect(2), { clock: ctx.clock });
    const input = { brandId: team.brand.id, actorId: team.cm.id, network: 'discord', kind: 'mention', author: 'eve', text: 'hello', sourceRef: 'discord:msg:race' } as const;
    const [a, b] = await Promise.all([logInteraction(ctx, input), logInteraction(ctx2, input)]);
    expect(a.interaction.id).toBe(b.interaction.id);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    expect(await interactionCount(team.brand.id)).toBe(1);
  });

  test('refuses people without the role, and invalid input writes nothing', async () => {
    const team = await createTeam(ctx, 'Refusals');
    const valid = { brandId: team.brand.id, actorId: team.cm.id, network: 'facebook', kind: 'review', author: 'Ann', text: 'ok' } as const;
    await expect(logInteraction(ctx, { ...valid, actorId: team.viewer.id })).rejects.toMatchObject({
      code: 'permission.denied',
      params: { required: 'community_manager', current: 'viewer' },
    });
    await expect(logInteraction(ctx, { ...valid, actorId: team.outsider.id })).rejects.toMatchObject({ code: 'permission.denied', params: { current: 'none' } });
    for (const bad of [
      { ...valid, text: '   ' },
      { ...valid, author: '' },
      { ...valid, network: 'myspace' },
      { ...valid, kind: 'tweet' },
      { ...valid, link: 'javascript:alert(1)' },
      { ...valid, brandId: -1 },
    ]) {
      await expect(logInteraction(ctx, bad as typeof valid)).rejects.toMatchObject({ code: 'error.invalidInput' });
    }
    await expect(logInteraction(ctx, { ...valid, receivedAt: at(ctx.clock.now(), 60) })).rejects.toMatchObject({ code: 'interaction.inFuture' });
    const failing: Assistant = {
      ...simpleAssistant,
      async analyzeText() {
        throw new Error('model down');
      },
    };
    await expect(logInteraction(buildTestCtx(database.db, { ai: failing }), valid)).rejects.toThrow('model down');
    expect(await interactionCount(team.brand.id)).toBe(0);
    expect(await database.db.auditEntry.count({ where: { brandId: team.brand.id, action: 'interaction.logged' } })).toBe(0);
  });
});

describe('replies and the open queue', () => {
  test('markResponded computes the response time and refuses a second reply naming who and when', async () => {
    const local = buildTestCtx(database.db, { clock: createManualClock('2026-03-02T09:00:00Z') });
    const team = await createTeam(local, 'Replies');
    await updateBrandSetting(local, { brandId: team.brand.id, actorId: team.admin.id, key: 'timezone', value: 'Europe/Rome' });
    const { interaction } = await logInteraction(local, {
      brandId: team.brand.id,
      actorId: team.cm.id,
      network: 'instagram',
      kind: 'dm',
      author: 'Lia',
      text: 'Is the store open on Sunday?',
      receivedAt: new Date('2026-03-02T08:35:00Z'),
    });
    const answered = await markResponded(local, { brandId: team.brand.id, actorId: team.cm.id, interactionId: interaction.id });
    expect(answered.responseMs).toBe(25 * minute);
    expect(answered.interaction).toMatchObject({ respondedById: team.cm.id, respondedAt: new Date('2026-03-02T09:00:00Z') });

    local.clock.advance(5 * minute);
    await expect(markResponded(local, { brandId: team.brand.id, actorId: team.strategist.id, interactionId: interaction.id })).rejects.toMatchObject({
      code: 'interaction.alreadyResponded',
      params: { who: 'community-manager', when: '2026-03-02 10:00 Europe/Rome' },
    });
    expect(await database.db.auditEntry.count({ where: { brandId: team.brand.id, action: 'interaction.responded' } })).toBe(1);
  });

  test('a reply before the interaction, another brand, or a viewer is refused', async () => {
    const team = await createTeam(ctx, 'ReplyRefusals');
    const other = await createTeam(ctx, 'ReplyOther');
    const { interaction } = await logInteraction(ctx, { brandId: team.brand.id, actorId: team.cm.id, network: 'x', kind: 'mention', author: '@z', text: 'hey', receivedAt: at(ctx.clock.now(), -10) });
    await expect(markResponded(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: interaction.id, respondedAt: at(ctx.clock.now(), -20) })).rejects.toMatchObject({
      code: 'interaction.respondedBeforeReceived',
    });
    await expect(markResponded(ctx, { brandId: other.brand.id, actorId: other.cm.id, interactionId: interaction.id })).rejects.toMatchObject({ code: 'interaction.notFound' });
    await expect(markResponded(ctx, { brandId: team.brand.id, actorId: team.viewer.id, interactionId: interaction.id })).rejects.toMatchObject({ code: 'permission.denied' });
    expect((await database.db.interaction.findUniqueOrThrow({ where: { id: interaction.id } })).respondedAt).toBeNull();
  });

  test('two people marking the same reply at once: one recorded', async () => {
    const team = await createTeam(ctx, 'ReplyRace');
    const ctx2 = buildTestCtx(database.connect(2), { clock: ctx.clock });
    const { interaction } = await logInteraction(ctx, { brandId: team.brand.id, actorId: team.cm.id, network: 'x', kind: 'dm', author: '@r', text: 'hi', receivedAt: at(ctx.clock.now(), -3) });
    const results = await Promise.allSettled([
      markResponded(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: interaction.id }),
      markResponded(ctx2, { brandId: team.brand.id, actorId: team.strategist.id, interactionId: interaction.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'interaction.alreadyResponded' } });
    expect(await database.db.auditEntry.count({ where: { brandId: team.brand.id, action: 'interaction.responded' } })).toBe(1);
  });

  test('listOpenInteractions: unanswered only, oldest first, with age', async () => {
    const team = await createTeam(ctx, 'Queue');
    const now = ctx.clock.now();
    const base = { brandId: team.brand.id, actorId: team.cm.id, network: 'tiktok', kind: 'comment', author: 'u' } as const;
    const newer = await logInteraction(ctx, { ...base, text: 'b', receivedAt: at(now, -5) });
    const oldest = await logInteraction(ctx, { ...base, text: 'a', receivedAt: at(now, -90) });
    const answered = await logInteraction(ctx, { ...base, text: 'c', receivedAt: at(now, -120) });
    await markResponded(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: answered.interaction.id });
    const open = await listOpenInteractions(ctx, { brandId: team.brand.id, limit: 10 });
    expect(open.total).toBe(2);
    expect(open.items.map((i) => [i.id, i.ageMinutes])).toEqual([
      [oldest.interaction.id, 90],
      [newer.interaction.id, 5],
    ]);
    expect((await listOpenInteractions(ctx, { brandId: team.brand.id, limit: 1 })).items).toHaveLength(1);
  });
});

describe('response times', () => {
  test('p50/p90 overall and per person, computed by the database over the replies in the period', async () => {
    const team = await createTeam(ctx, 'Stats');
    const from = new Date('2026-02-01T00:00:00Z');
    const to = new Date('2026-02-02T00:00:00Z');
    // [responder, minutes after receipt]: cm 10, 20, 30; strategist 40, 100.
    const replies = [
      [team.cm.id, 10],
      [team.cm.id, 20],
      [team.cm.id, 30],
      [team.strategist.id, 40],
      [team.strategist.id, 100],
    ] as const;
    let hour = 1;
    for (const [personId, minutes] of replies) {
      const receivedAt = new Date(from.getTime() + hour++ * 60 * minute);
      const { interaction } = await logInteraction(ctx, { brandId: team.brand.id, actorId: team.cm.id, network: 'facebook', kind: 'comment', author: 'x', text: 't', receivedAt });
      await markResponded(ctx, { brandId: team.brand.id, actorId: personId, interactionId: interaction.id, respondedAt: at(receivedAt, minutes) });
    }
    // Answered after the period: not counted.
    const late = await logInteraction(ctx, { brandId: team.brand.id, actorId: team.cm.id, network: 'facebook', kind: 'comment', author: 'x', text: 't', receivedAt: at(to, -5) });
    await markResponded(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: late.interaction.id, respondedAt: at(to, 500) });

    const stats = await getResponseTimeStats(ctx, { brandId: team.brand.id, from, to, byPerson: true });
    expect(stats.overall.count).toBe(5);
    expect(stats.overall.p50Minutes).toBeCloseTo(30, 6);
    // percentile_cont(0.9) of 10,20,30,40,100: position 3.6 → 40 + 0.6 × 60.
    expect(stats.overall.p90Minutes).toBeCloseTo(76, 6);
    expect(stats.byPerson).toHaveLength(2);
    expect(stats.byPerson?.[0]).toMatchObject({ personId: team.cm.id, name: 'community-manager', count: 3 });
    expect(stats.byPerson?.[0]?.p50Minutes).toBeCloseTo(20, 6);
    expect(stats.byPerson?.[0]?.p90Minutes).toBeCloseTo(28, 6);
    expect(stats.byPerson?.[1]).toMatchObject({ personId: team.strategist.id, count: 2 });
    expect(stats.byPerson?.[1]?.p50Minutes).toBeCloseTo(70, 6);
    expect(stats.byPerson?.[1]?.p90Minutes).toBeCloseTo(94, 6);

    const overallOnly = await getResponseTimeStats(ctx, { brandId: team.brand.id, from, to });
    expect(overallOnly.byPerson).toBeUndefined();
    const empty = await getResponseTimeStats(ctx, { brandId: team.brand.id, from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-01-02T00:00:00Z') });
    expect(empty.overall).toEqual({ count: 0, p50Minutes: null, p90Minutes: null });
    await expect(getResponseTimeStats(ctx, { brandId: team.brand.id, from: to, to: from })).rejects.toMatchObject({ code: 'error.invalidInput' });
  });
});

describe('SLA breaches', () => {
  test('unanswered past each brand’s SLA, alerted once, claimed once by concurrent jobs', async () => {
    const local = buildTestCtx(database.db, { clock: createManualClock('2026-03-10T12:00:00Z') });
    const now = local.clock.now();
    const hourly = await createTeam(local, 'SlaHour');
    const fast = await createTeam(local, 'SlaFast');
    await updateBrandSetting(local, { brandId: fast.brand.id, actorId: fast.admin.id, key: 'sla-minutes', value: '30' });
    const log = (team: Team, minutesAgo: number) =>
      logInteraction(local, { brandId: team.brand.id, actorId: team.cm.id, network: 'instagram', kind: 'comment', author: 'a', text: 'where is my order', receivedAt: at(now, -minutesAgo) }).then((r) => r.interaction);
    const breachedHour = await log(hourly, 61);
    await log(hourly, 59);
    const answered = await log(hourly, 240);
    await markResponded(local, { brandId: hourly.brand.id, actorId: hourly.cm.id, interactionId: answered.id });
    const breachedFast = await log(fast, 31);
    await log(fast, 29);

    const both = (await findSlaBreaches(local, { now })).filter((b) => [hourly.brand.id, fast.brand.id].includes(b.brandId));
    expect(both.map((b) => [b.id, b.slaMinutes, b.ageMinutes])).toEqual([
      [breachedHour.id, 60, 61],
      [breachedFast.id, 30, 31],
    ]);
    expect((await findSlaBreaches(local, { brandId: fast.brand.id, now })).map((b) => b.id)).toEqual([breachedFast.id]);

    const ctx2 = buildTestCtx(database.connect(2), { clock: local.clock });
    const ids = [breachedHour.id, breachedFast.id];
    const [mine, theirs] = await Promise.all([markSlaAlerted(local, { interactionIds: ids, now }), markSlaAlerted(ctx2, { interactionIds: ids, now })]);
    expect([...mine, ...theirs].sort((a, b) => a - b)).toEqual(ids);
    expect(await markSlaAlerted(local, { interactionIds: ids })).toEqual([]);
    expect((await findSlaBreaches(local, { now })).filter((b) => [hourly.brand.id, fast.brand.id].includes(b.brandId))).toEqual([]);
    expect(await database.db.auditEntry.count({ where: { brandId: { in: [hourly.brand.id, fast.brand.id] }, action: 'interaction.slaAlerted' } })).toBe(2);
  });
});

describe('logInteractionsBatch', () => {
  test('imports many rows in chunks with one audit entry, skipping known sourceRefs on a rerun', async () => {
    const local = buildTestCtx(database.db, { ai: simpleAssistant });
    const team = await createTeam(local, 'Import');
    const now = local.clock.now();
    const rows = Array.from({ length: 2_500 }, (_, i) => ({
      network: 'instagram' as const,
      kind: 'comment' as const,
      author: `user${i}`,
      text: i % 10 === 0 ? 'terrible, I want a refund' : i % 7 === 0 ? 'how much is it?' : 'love this',
      receivedAt: at(now, -i),
      sourceRef: `import:${i}`,
    }));
    const first = await logInteractionsBatch(local, { brandId: team.brand.id, actorId: team.cm.id, rows, chunkSize: 1000 });
    expect(first).toEqual({ received: 2500, inserted: 2500, skipped: 0 });
    expect(await database.db.interaction.count({ where: { brandId: team.brand.id, sentiment: 'negative' } })).toBe(250);
    expect(await database.db.interaction.count({ where: { brandId: team.brand.id, leadStage: 'new' } })).toBe(rows.filter((r) => r.text.startsWith('how much')).length);

    const rerun = await logInteractionsBatch(local, { brandId: team.brand.id, actorId: team.cm.id, rows: [...rows.slice(0, 10), { ...rows[0]!, sourceRef: 'import:new' }] });
    expect(rerun).toEqual({ received: 11, inserted: 1, skipped: 10 });
    expect(await interactionCount(team.brand.id)).toBe(2501);
    expect(await database.db.auditEntry.count({ where: { brandId: team.brand.id, action: 'interaction.imported' } })).toBe(2);
    expect(local.events.filter((e) => e.type === 'interaction.logged')).toHaveLength(0);
  });

  test('one bad row or a missing role writes nothing', async () => {
    const team = await createTeam(ctx, 'ImportBad');
    const good = { network: 'x', kind: 'mention', author: 'a', text: 'hi' } as const;
    await expect(logInteractionsBatch(ctx, { brandId: team.brand.id, actorId: team.cm.id, rows: [good, { ...good, text: '' }] })).rejects.toMatchObject({
      code: 'error.invalidInput',
      params: { problems: expect.stringContaining('rows.1.text') },
    });
    await expect(logInteractionsBatch(ctx, { brandId: team.brand.id, actorId: team.cm.id, rows: [good, { ...good, receivedAt: at(ctx.clock.now(), 600) }] })).rejects.toMatchObject({
      code: 'error.invalidInput',
      params: { problems: expect.stringContaining('rows.1.receivedAt') },
    });
    await expect(logInteractionsBatch(ctx, { brandId: team.brand.id, actorId: team.viewer.id, rows: [good] })).rejects.toMatchObject({ code: 'permission.denied' });
    expect(await interactionCount(team.brand.id)).toBe(0);
  });
});
