import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { computeCampaignBurn, createCampaign, listCampaigns, recordCampaignSpend } from '../../src/core/campaigns.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { buildTestCtx, createManualClock, type TestCtx } from '../helpers/testCtx.js';
import { createTeam, type Team } from '../helpers/fixtures.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

function ctxAt(at: string): TestCtx {
  return buildTestCtx(database.db, { clock: createManualClock(at) });
}

async function countWrites(team: Team) {
  return {
    campaigns: await database.db.campaign.count({ where: { brandId: team.brand.id } }),
    audit: await database.db.auditEntry.count({ where: { brandId: team.brand.id, subjectType: 'campaign' } }),
  };
}

describe('computeCampaignBurn', () => {
  const tenDays = { budget: 1000, startsOn: '2026-03-01', endsOn: '2026-03-10' };

  test('spend compared with elapsed time, 10 points either way is on pace', () => {
    // 5 March is day 5 of 10: 50% of the time.
    const midway = { ...tenDays, today: '2026-03-05' };
    expect(computeCampaignBurn({ ...midway, spend: 200 })).toEqual({ spentPercent: 20, elapsedPercent: 50, remainingBudget: 800, phase: 'running', status: 'under' });
    expect(computeCampaignBurn({ ...midway, spend: 400 }).status).toBe('on_pace');
    expect(computeCampaignBurn({ ...midway, spend: 600 }).status).toBe('on_pace');
    expect(computeCampaignBurn({ ...midway, spend: 610 }).status).toBe('over');
    expect(computeCampaignBurn({ ...midway, spend: 399.99 }).status).toBe('under');
    expect(computeCampaignBurn({ ...midway, spend: 1200 })).toMatchObject({ spentPercent: 120, remainingBudget: -200, status: 'over' });
  });

  test('before the start no time has gone; after the end all of it has', () => {
    expect(computeCampaignBurn({ ...tenDays, today: '2026-02-25', spend: 50 })).toMatchObject({ elapsedPercent: 0, phase: 'upcoming', status: 'on_pace' });
    expect(computeCampaignBurn({ ...tenDays, today: '2026-02-25', spend: 150 })).toMatchObject({ phase: 'upcoming', status: 'over' });
    expect(computeCampaignBurn({ ...tenDays, today: '2026-03-01', spend: 0 })).toMatchObject({ elapsedPercent: 10, phase: 'running', status: 'on_pace' });
    expect(computeCampaignBurn({ ...tenDays, today: '2026-03-15', spend: 950 })).toMatchObject({ elapsedPercent: 100, phase: 'ended', status: 'on_pace' });
    expect(computeCampaignBurn({ ...tenDays, today: '2026-03-15', spend: 800 })).toMatchObject({ phase: 'ended', status: 'under' });
  });

  test('with no budget, any spend is over', () => {
    const free = { ...tenDays, budget: 0, today: '2026-03-05' };
    expect(computeCampaignBurn({ ...free, spend: 0 })).toMatchObject({ spentPercent: null, status: 'on_pace' });
    expect(computeCampaignBurn({ ...free, spend: 5 })).toMatchObject({ spentPercent: null, status: 'over', remainingBudget: -5 });
  });
});

describe('campaigns', () => {
  test('a strategist creates a campaign; the audit says who and what', async () => {
    const ctx = ctxAt('2026-03-05T12:00:00Z');
    const team = await createTeam(ctx, 'Launch Co');
    const campaign = await createCampaign(ctx, {
      brandId: team.brand.id,
      actorId: team.strategist.id,
      name: '  Spring launch ',
      objective: 'Awareness for the new range',
      startsOn: '2026-03-01',
      endsOn: '2026-03-10',
      budget: 1000,
    });
    expect(campaign).toMatchObject({
      name: 'Spring launch',
      objective: 'Awareness for the new range',
      startsOn: '2026-03-01',
      endsOn: '2026-03-10',
      budget: 1000,
      spend: 0,
      createdById: team.strategist.id,
      burn: { spentPercent: 0, elapsedPercent: 50, phase: 'running', status: 'under' },
    });
    const audit = await database.db.auditEntry.findMany({ where: { brandId: team.brand.id, action: 'campaign.created' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: team.strategist.id, subjectId: String(campaign.id), after: { name: 'Spring launch', budget: 1000 } });
    // The budget defaults to zero.
    const unbudgeted = await createCampaign(ctx, { brandId: team.brand.id, actorId: team.admin.id, name: 'Organic', startsOn: '2026-03-05', endsOn: '2026-03-05' });
    expect(unbudgeted).toMatchObject({ budget: 0, objective: null, burn: { elapsedPercent: 100, status: 'on_pace' } });
  });

  test('refuses bad budgets, reversed dates and names already taken, writing nothing', async () => {
    const ctx = ctxAt('2026-03-05T12:00:00Z');
    const team = await createTeam(ctx, 'Strict Co');
    const base = { brandId: team.brand.id, actorId: team.strategist.id, name: 'Summer', startsOn: '2026-06-01', endsOn: '2026-06-30', budget: 500 };
    await createCampaign(ctx, base);
    const before = await countWrites(team);

    await expect(createCampaign(ctx, { ...base, name: 'Autumn', budget: -1 })).rejects.toMatchObject({ code: 'campaign.negativeBudget' });
    await expect(createCampaign(ctx, { ...base, name: 'Autumn', endsOn: '2026-05-31' })).rejects.toMatchObject({ code: 'campaign.endsBeforeStart', params: { startsOn: '2026-06-01', endsOn: '2026-05-31' } });
    await expect(createCampaign(ctx, { ...base, name: '   ' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(createCampaign(ctx, { ...base, name: 'Autumn', startsOn: '2026-06-31' })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(createCampaign(ctx, { ...base, name: 'Autumn', budget: Number.NaN })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(createCampaign(ctx, base)).rejects.toMatchObject({ code: 'campaign.nameTaken', params: { name: 'Summer' } });
    await expect(createCampaign(ctx, { ...base, name: 'SUMMER' })).rejects.toMatchObject({ code: 'campaign.nameTaken', params: { name: 'Summer' } });
    expect(await countWrites(team)).toEqual(before);

    // Names are unique per brand, not across brands.
    const other = await createTeam(ctx, 'Strict Other');
    await expect(createCampaign(ctx, { ...base, brandId: other.brand.id, actorId: other.strategist.id })).resolves.toMatchObject({ name: 'Summer' });
  });

  test('two creations of the same name at the same instant make one campaign', async () => {
    const ctx = ctxAt('2026-03-05T12:00:00Z');
    const ctx2 = buildTestCtx(database.connect(2), { clock: createManualClock('2026-03-05T12:00:00Z') });
    const team = await createTeam(ctx, 'Race Co');
    const input = { brandId: team.brand.id, actorId: team.strategist.id, name: 'Flash sale', startsOn: '2026-03-06', endsOn: '2026-03-07' };
    const results = await Promise.allSettled([createCampaign(ctx, input), createCampaign(ctx2, input)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.reason).toMatchObject({ code: 'campaign.nameTaken' });
    expect(await countWrites(team)).toEqual({ campaigns: 1, audit: 1 });
  });

  test('spend adds up exactly, with before/after in the audit, also when entered at once', async () => {
    const ctx = ctxAt('2026-03-05T12:00:00Z');
    const ctx2 = buildTestCtx(database.connect(3), { clock: createManualClock('2026-03-05T12:00:00Z') });
    const team = await createTeam(ctx, 'Spend Co');
    const campaign = await createCampaign(ctx, { brandId: team.brand.id, actorId: team.strategist.id, name: 'Boosts', startsOn: '2026-03-01', endsOn: '2026-03-10', budget: 1000 });
    const spend = (c: TestCtx, amount: number, note?: string) => recordCampaignSpend(c, { brandId: team.brand.id, actorId: team.strategist.id, campaignId: campaign.id, amount, note });

    expect((await spend(ctx, 0.1)).spend).toBe(0.1);
    const after = await spend(ctx, 0.2, 'boosted post #4');
    expect(after.spend).toBe(0.3);
    const audit = await database.db.auditEntry.findMany({ where: { brandId: team.brand.id, action: 'campaign.spend' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ spend: 0 }, { spend: 0.1, amount: 0.1, note: null }],
      [{ spend: 0.1 }, { spend: 0.3, amount: 0.2, note: 'boosted post #4' }],
    ]);

    await Promise.all([...Array.from({ length: 5 }, () => spend(ctx, 100)), ...Array.from({ length: 5 }, () => spend(ctx2, 10))]);
    const [listed] = await listCampaigns(ctx, { brandId: team.brand.id, actorId: team.viewer.id });
    expect(listed).toMatchObject({ id: campaign.id, spend: 550.3, burn: { elapsedPercent: 50, status: 'on_pace', remainingBudget: 449.7 } });
    expect(listed?.burn.spentPercent).toBeCloseTo(55.03, 6);
  });

  test('refuses spend that is not positive and campaigns of other brands, changing nothing', async () => {
    const ctx = ctxAt('2026-03-05T12:00:00Z');
    const team = await createTeam(ctx, 'Guarded Spend');
    const other = await createTeam(ctx, 'Guarded Other');
    const campaign = await createCampaign(ctx, { brandId: team.brand.id, actorId: team.strategist.id, name: 'Ads', startsOn: '2026-03-01', endsOn: '2026-03-31', budget: 100 });
    const input = { brandId: team.brand.id, actorId: team.strategist.id, campaignId: campaign.id };
    await expect(recordCampaignSpend(ctx, { ...input, amount: 0 })).rejects.toMatchObject({ code: 'campaign.spendNotPositive' });
    await expect(recordCampaignSpend(ctx, { ...input, amount: -20 })).rejects.toMatchObject({ code: 'campaign.spendNotPositive' });
    await expect(recordCampaignSpend(ctx, { ...input, campaignId: 999_999, amount: 5 })).rejects.toMatchObject({ code: 'campaign.notFound' });
    await expect(recordCampaignSpend(ctx, { brandId: other.brand.id, actorId: other.strategist.id, campaignId: campaign.id, amount: 5 })).rejects.toMatchObject({ code: 'campaign.notFound' });
    await expect(recordCampaignSpend(ctx, { ...input, actorId: team.cm.id, amount: 5 })).rejects.toMatchObject({ code: 'permission.denied', params: { required: 'strategist' } });
    const stored = await database.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(stored.spend.toNumber()).toBe(0);
    expect(await database.db.auditEntry.count({ where: { action: 'campaign.spend', subjectId: String(campaign.id) } })).toBe(0);
  });

  test('community managers and viewers cannot create; everyone on the brand can list; outsiders cannot', async () => {
    const ctx = ctxAt('2026-03-05T12:00:00Z');
    const team = await createTeam(ctx, 'Campaign Guard');
    const input = { brandId: team.brand.id, name: 'Secret', startsOn: '2026-03-01', endsOn: '2026-03-31' };
    await expect(createCampaign(ctx, { ...input, actorId: team.cm.id })).rejects.toMatchObject({ code: 'permission.denied', params: { current: 'community_manager' } });
    await expect(createCampaign(ctx, { ...input, actorId: team.viewer.id })).rejects.toMatchObject({ code: 'permission.denied', params: { current: 'viewer' } });
    expect(await countWrites(team)).toEqual({ campaigns: 0, audit: 0 });
    await createCampaign(ctx, { ...input, actorId: team.strategist.id });
    expect(await listCampaigns(ctx, { brandId: team.brand.id, actorId: team.cm.id })).toHaveLength(1);
    await expect(listCampaigns(ctx, { brandId: team.brand.id, actorId: team.outsider.id })).rejects.toMatchObject({ code: 'permission.denied' });
  });

  test('the list leaves out ended campaigns unless asked, soonest first', async () => {
    const ctx = ctxAt('2026-03-05T12:00:00Z');
    const team = await createTeam(ctx, 'Listing Co');
    const make = (name: string, startsOn: string, endsOn: string) => createCampaign(ctx, { brandId: team.brand.id, actorId: team.strategist.id, name, startsOn, endsOn, budget: 100 });
    await make('Later', '2026-04-01', '2026-04-30');
    await make('Past', '2026-02-01', '2026-02-28');
    await make('Ends today', '2026-02-20', '2026-03-05');
    await make('Now', '2026-03-01', '2026-03-31');
    const list = async (includeEnded?: boolean) => (await listCampaigns(ctx, { brandId: team.brand.id, actorId: team.viewer.id, includeEnded })).map((c) => [c.name, c.burn.phase]);
    expect(await list()).toEqual([
      ['Ends today', 'running'],
      ['Now', 'running'],
      ['Later', 'upcoming'],
    ]);
    expect(await list(true)).toEqual([
      ['Past', 'ended'],
      ['Ends today', 'running'],
      ['Now', 'running'],
      ['Later', 'upcoming'],
    ]);
  });
});
