import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { logInteraction } from '../../src/core/interactions.js';
import { allowedNextStages, listLeads, setLeadStage } from '../../src/core/leads.js';
import { createTeam, type Team } from '../helpers/fixtures.js';
import { buildTestCtx, type TestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let database: TestDatabase;
let ctx: TestCtx;
beforeAll(async () => {
  database = await createTestDatabase();
  ctx = buildTestCtx(database.db);
});
afterAll(async () => {
  await database.close();
});

async function logText(team: Team, text: string, minutesAgo = 0) {
  const receivedAt = new Date(ctx.clock.now().getTime() - minutesAgo * 60_000);
  return (await logInteraction(ctx, { brandId: team.brand.id, actorId: team.cm.id, network: 'instagram', kind: 'dm', author: '@buyer', text, receivedAt })).interaction;
}

describe('lead stages', () => {
  test('the table: new → qualified → handed_off | lost, new → lost; final stages stay', () => {
    expect(allowedNextStages(null)).toEqual(['new']);
    expect(allowedNextStages('new')).toEqual(['qualified', 'lost']);
    expect(allowedNextStages('qualified')).toEqual(['handed_off', 'lost']);
    expect(allowedNextStages('handed_off')).toEqual([]);
    expect(allowedNextStages('lost')).toEqual([]);
  });

  test('a lead spotted by the assistant moves along and each step is audited', async () => {
    const team = await createTeam(ctx, 'Pipeline');
    const lead = await logText(team, 'How much is the blue jacket?');
    expect(lead.leadStage).toBe('new');
    const qualified = await setLeadStage(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: lead.id, stage: 'qualified' });
    expect(qualified.leadStage).toBe('qualified');
    const handed = await setLeadStage(ctx, { brandId: team.brand.id, actorId: team.strategist.id, interactionId: lead.id, stage: 'handed_off' });
    expect(handed.leadStage).toBe('handed_off');
    const audit = await database.db.auditEntry.findMany({ where: { brandId: team.brand.id, action: 'lead.stageChanged' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ leadStage: 'new' }, { leadStage: 'qualified' }],
      [{ leadStage: 'qualified' }, { leadStage: 'handed_off' }],
    ]);
  });

  test('illegal transitions are refused with what is allowed, and change nothing', async () => {
    const team = await createTeam(ctx, 'Illegal');
    const lead = await logText(team, 'Is it available in XL?');
    const plain = await logText(team, 'Nice photo');
    expect(plain.leadStage).toBeNull();
    await expect(setLeadStage(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: lead.id, stage: 'handed_off' })).rejects.toMatchObject({
      code: 'lead.illegalTransition',
      params: { from: 'new', to: 'handed_off', allowed: 'qualified, lost' },
    });
    await expect(setLeadStage(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: plain.id, stage: 'qualified' })).rejects.toMatchObject({
      code: 'lead.illegalTransition',
      params: { from: 'none', allowed: 'new' },
    });
    await setLeadStage(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: lead.id, stage: 'lost' });
    await expect(setLeadStage(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: lead.id, stage: 'qualified' })).rejects.toMatchObject({
      code: 'lead.illegalTransition',
      params: { from: 'lost', allowed: 'none' },
    });
    // A person may call a plain interaction a lead.
    expect((await setLeadStage(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: plain.id, stage: 'new' })).leadStage).toBe('new');
    expect(await database.db.auditEntry.count({ where: { brandId: team.brand.id, action: 'lead.stageChanged' } })).toBe(2);
  });

  test('refusals: role, other brand, invalid stage', async () => {
    const team = await createTeam(ctx, 'LeadRefusals');
    const other = await createTeam(ctx, 'LeadOther');
    const lead = await logText(team, 'how much for two?');
    await expect(setLeadStage(ctx, { brandId: team.brand.id, actorId: team.viewer.id, interactionId: lead.id, stage: 'qualified' })).rejects.toMatchObject({
      code: 'permission.denied',
      params: { required: 'community_manager' },
    });
    await expect(setLeadStage(ctx, { brandId: other.brand.id, actorId: other.cm.id, interactionId: lead.id, stage: 'qualified' })).rejects.toMatchObject({ code: 'interaction.notFound' });
    await expect(setLeadStage(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: lead.id, stage: 'won' as 'lost' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    expect((await database.db.interaction.findUniqueOrThrow({ where: { id: lead.id } })).leadStage).toBe('new');
  });

  test('two people qualifying the same lead at once: one step recorded', async () => {
    const team = await createTeam(ctx, 'LeadRace');
    const ctx2 = buildTestCtx(database.connect(2), { clock: ctx.clock });
    const lead = await logText(team, 'price for 100 units?');
    const results = await Promise.allSettled([
      setLeadStage(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: lead.id, stage: 'qualified' }),
      setLeadStage(ctx2, { brandId: team.brand.id, actorId: team.strategist.id, interactionId: lead.id, stage: 'qualified' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'lead.illegalTransition', params: { from: 'qualified' } } });
    expect(await database.db.auditEntry.count({ where: { brandId: team.brand.id, action: 'lead.stageChanged' } })).toBe(1);
  });

  test('listLeads: leads only, newest first, by stage', async () => {
    const team = await createTeam(ctx, 'LeadList');
    const older = await logText(team, 'how much is shipping?', 30);
    const newer = await logText(team, 'can I buy it online?', 5);
    await logText(team, 'cute dog', 1);
    await setLeadStage(ctx, { brandId: team.brand.id, actorId: team.cm.id, interactionId: older.id, stage: 'qualified' });
    expect((await listLeads(ctx, { brandId: team.brand.id })).map((l) => l.id)).toEqual([newer.id, older.id]);
    expect((await listLeads(ctx, { brandId: team.brand.id, stages: ['qualified'] })).map((l) => l.id)).toEqual([older.id]);
    expect(await listLeads(ctx, { brandId: team.brand.id, stages: ['handed_off'] })).toEqual([]);
  });
});
