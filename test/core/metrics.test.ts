import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { updateBrandSetting } from '../../src/core/brands.js';
import { getMetricSeries, recordMetrics } from '../../src/core/metrics.js';
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
    snapshots: await database.db.metricSnapshot.count({ where: { brandId: team.brand.id } }),
    audit: await database.db.auditEntry.count({ where: { brandId: team.brand.id, action: 'metrics.recorded' } }),
  };
}

describe('recordMetrics', () => {
  test('a second entry for the same day merges into the snapshot, with before/after in the audit', async () => {
    const ctx = ctxAt('2026-03-02T09:00:00Z');
    const team = await createTeam(ctx, 'Merge Co');
    const first = await recordMetrics(ctx, { brandId: team.brand.id, actorId: team.cm.id, network: 'instagram', date: '2026-03-01', values: { reach: 1200, spend: 19.99 } });
    expect(first).toMatchObject({ created: true, network: 'instagram', date: '2026-03-01', values: { reach: 1200, spend: 19.99, followers: null } });

    const second = await recordMetrics(ctx, { brandId: team.brand.id, actorId: team.strategist.id, network: 'instagram', date: '2026-03-01', values: { followers: 5400, reach: 1300 } });
    expect(second.created).toBe(false);
    expect(second.id).toBe(first.id);
    expect(second.values).toEqual({ followers: 5400, reach: 1300, impressions: null, engagements: null, clicks: null, shares: null, comments: null, likes: null, spend: 19.99 });
    expect(second.updatedById).toBe(team.strategist.id);

    // Another network the same day is its own snapshot.
    await recordMetrics(ctx, { brandId: team.brand.id, actorId: team.cm.id, network: 'tiktok', date: '2026-03-01', values: { reach: 10 } });
    expect(await countWrites(team)).toEqual({ snapshots: 2, audit: 3 });

    const audit = await database.db.auditEntry.findMany({ where: { brandId: team.brand.id, action: 'metrics.recorded', subjectId: String(first.id) }, orderBy: { id: 'asc' } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorId: team.cm.id, before: null, after: { reach: 1200, followers: null, spend: 19.99 } });
    expect(audit[1]).toMatchObject({ actorId: team.strategist.id, before: { reach: 1200, followers: null }, after: { reach: 1300, followers: 5400, spend: 19.99 } });
  });

  test('refuses negative numbers, empty sets, unknown metrics and impossible dates, writing nothing', async () => {
    const ctx = ctxAt('2026-03-02T09:00:00Z');
    const team = await createTeam(ctx, 'Invalid Metrics');
    const base = { brandId: team.brand.id, actorId: team.cm.id, network: 'instagram' as const, date: '2026-03-01' };
    await expect(recordMetrics(ctx, { ...base, values: { reach: 10, clicks: -1 } })).rejects.toMatchObject({ code: 'metrics.negative', params: { metric: 'clicks', value: -1 } });
    await expect(recordMetrics(ctx, { ...base, values: { spend: -0.5 } })).rejects.toMatchObject({ code: 'metrics.negative', params: { metric: 'spend' } });
    await expect(recordMetrics(ctx, { ...base, values: {} })).rejects.toMatchObject({ code: 'metrics.noValues' });
    await expect(recordMetrics(ctx, { ...base, values: { reach: undefined } })).rejects.toMatchObject({ code: 'metrics.noValues' });
    await expect(recordMetrics(ctx, { ...base, values: { follower: 3 } as never })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(recordMetrics(ctx, { ...base, values: { followers: 10.5 } })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(recordMetrics(ctx, { ...base, date: '2026-02-30', values: { reach: 1 } })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(recordMetrics(ctx, { ...base, date: '03/01/2026', values: { reach: 1 } })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(recordMetrics(ctx, { ...base, network: 'myspace' as never, values: { reach: 1 } })).rejects.toMatchObject({ code: 'error.invalidInput' });
    await expect(recordMetrics(ctx, { ...base, date: '2026-03-03', values: { reach: 1 } })).rejects.toMatchObject({ code: 'metrics.futureDate', params: { today: '2026-03-02' } });
    expect(await countWrites(team)).toEqual({ snapshots: 0, audit: 0 });
  });

  test('"future" is judged in the brand time zone', async () => {
    // 12:00 UTC on 2 March is already 01:00 on 3 March in Auckland (UTC+13).
    const ctx = ctxAt('2026-03-02T12:00:00Z');
    const utcTeam = await createTeam(ctx, 'Greenwich');
    const nzTeam = await createTeam(ctx, 'Kiwi');
    await updateBrandSetting(ctx, { brandId: nzTeam.brand.id, actorId: nzTeam.admin.id, key: 'timezone', value: 'Pacific/Auckland' });
    const values = { followers: 100 };
    await expect(recordMetrics(ctx, { brandId: utcTeam.brand.id, actorId: utcTeam.cm.id, network: 'x', date: '2026-03-03', values })).rejects.toMatchObject({ code: 'metrics.futureDate' });
    const saved = await recordMetrics(ctx, { brandId: nzTeam.brand.id, actorId: nzTeam.cm.id, network: 'x', date: '2026-03-03', values });
    expect(saved.date).toBe('2026-03-03');
    await expect(recordMetrics(ctx, { brandId: nzTeam.brand.id, actorId: nzTeam.cm.id, network: 'x', date: '2026-03-04', values })).rejects.toMatchObject({ code: 'metrics.futureDate' });
  });

  test('viewers and outsiders cannot record', async () => {
    const ctx = ctxAt('2026-03-02T09:00:00Z');
    const team = await createTeam(ctx, 'Read Only');
    const input = { brandId: team.brand.id, network: 'facebook' as const, date: '2026-03-01', values: { likes: 4 } };
    await expect(recordMetrics(ctx, { ...input, actorId: team.viewer.id })).rejects.toMatchObject({ code: 'permission.denied', params: { required: 'community_manager', current: 'viewer' } });
    await expect(recordMetrics(ctx, { ...input, actorId: team.outsider.id })).rejects.toMatchObject({ code: 'permission.denied', params: { current: 'none' } });
    expect(await countWrites(team)).toEqual({ snapshots: 0, audit: 0 });
  });
});

describe('getMetricSeries', () => {
  test('one value per recorded day, per network or summed over networks, within the range', async () => {
    const ctx = ctxAt('2026-03-10T09:00:00Z');
    const team = await createTeam(ctx, 'Series');
    const record = (network: 'instagram' | 'facebook', date: string, values: Parameters<typeof recordMetrics>[1]['values']) =>
      recordMetrics(ctx, { brandId: team.brand.id, actorId: team.cm.id, network, date, values });
    await record('instagram', '2026-03-01', { reach: 100, spend: 0.1 });
    await record('facebook', '2026-03-01', { reach: 40, spend: 0.2 });
    await record('instagram', '2026-03-02', { reach: 150 });
    // 3 March: nobody recorded anything.
    await record('facebook', '2026-03-04', { reach: 60, followers: 900 });
    await record('instagram', '2026-03-05', { reach: 500 });
    const other = await createTeam(ctx, 'Series Other');
    await recordMetrics(ctx, { brandId: other.brand.id, actorId: other.cm.id, network: 'instagram', date: '2026-03-02', values: { reach: 99_999 } });

    const range = { brandId: team.brand.id, from: '2026-03-01', to: '2026-03-04' };
    expect(await getMetricSeries(ctx, { ...range, metric: 'reach' })).toEqual([
      { date: '2026-03-01', value: 140 },
      { date: '2026-03-02', value: 150 },
      { date: '2026-03-04', value: 60 },
    ]);
    expect(await getMetricSeries(ctx, { ...range, metric: 'reach', network: 'instagram' })).toEqual([
      { date: '2026-03-01', value: 100 },
      { date: '2026-03-02', value: 150 },
    ]);
    // Decimal sums stay exact: 0.1 + 0.2 is 0.3 here.
    expect(await getMetricSeries(ctx, { ...range, metric: 'spend' })).toEqual([{ date: '2026-03-01', value: 0.3 }]);
    expect(await getMetricSeries(ctx, { ...range, metric: 'followers' })).toEqual([{ date: '2026-03-04', value: 900 }]);
    expect(await getMetricSeries(ctx, { ...range, metric: 'likes', actorId: team.viewer.id })).toEqual([]);
  });

  test('refuses a reversed range and people outside the brand', async () => {
    const ctx = ctxAt('2026-03-10T09:00:00Z');
    const team = await createTeam(ctx, 'Series Guard');
    await expect(getMetricSeries(ctx, { brandId: team.brand.id, metric: 'reach', from: '2026-03-05', to: '2026-03-01' })).rejects.toMatchObject({ code: 'metrics.badRange' });
    await expect(getMetricSeries(ctx, { brandId: team.brand.id, metric: 'reach', from: '2026-03-01', to: '2026-03-05', actorId: team.outsider.id })).rejects.toMatchObject({ code: 'permission.denied' });
    await expect(getMetricSeries(ctx, { brandId: team.brand.id, metric: 'mood' as never, from: '2026-03-01', to: '2026-03-05' })).rejects.toMatchObject({ code: 'error.invalidInput' });
  });
});
