import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createBrand,
  getBrand,
  resolveBrandForPlace,
  setRole,
  updateBrandSetting,
  useBrandInChannel,
} from '../../src/core/brands.js';
import { UserError } from '../../src/core/errors.js';
import { roleAllows } from '../../src/core/permissions.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { buildTestCtx, type TestCtx } from '../helpers/testCtx.js';
import { createPerson, createTeam } from '../helpers/fixtures.js';

let database: TestDatabase;
let ctx: TestCtx;
beforeAll(async () => {
  database = await createTestDatabase();
  ctx = buildTestCtx(database.db);
});
afterAll(async () => {
  await database.close();
});

describe('permission table', () => {
  test('roles nest: admin > strategist > community manager > viewer', () => {
    expect(roleAllows('admin', 'post.approve')).toBe(true);
    expect(roleAllows('strategist', 'post.approve')).toBe(true);
    expect(roleAllows('community_manager', 'post.approve')).toBe(false);
    expect(roleAllows('community_manager', 'interaction.log')).toBe(true);
    expect(roleAllows('viewer', 'interaction.log')).toBe(false);
    expect(roleAllows(null, 'brand.view')).toBe(false);
    expect(roleAllows('strategist', 'brand.settings')).toBe(false);
  });
});

describe('brands', () => {
  test('the first person in a brand-less workspace gets a default brand and is its admin', async () => {
    const first = await createPerson(ctx, 'first');
    const second = await createPerson(ctx, 'second');
    const a = await resolveBrandForPlace(ctx, { platform: 'slack', workspaceId: 'T-NEW', channelId: 'C1', workspaceName: 'Café Nero', personId: first.id });
    expect(a).toMatchObject({ created: true, role: 'admin', brand: { slug: 'cafe-nero', name: 'Café Nero' } });
    const b = await resolveBrandForPlace(ctx, { platform: 'slack', workspaceId: 'T-NEW', channelId: 'C2', personId: second.id });
    expect(b).toMatchObject({ created: false, role: null, brand: { id: a.brand.id } });
  });

  test('two first commands at the same instant make one default brand', async () => {
    const db2 = database.connect(2);
    const ctx2 = buildTestCtx(db2);
    const p1 = await createPerson(ctx, 'racer-one');
    const p2 = await createPerson(ctx, 'racer-two');
    const [a, b] = await Promise.all([
      resolveBrandForPlace(ctx, { platform: 'slack', workspaceId: 'T-RACE', personId: p1.id }),
      resolveBrandForPlace(ctx2, { platform: 'slack', workspaceId: 'T-RACE', personId: p2.id }),
    ]);
    expect(a.brand.id).toBe(b.brand.id);
    expect(await database.db.binding.count({ where: { externalId: 'T-RACE' } })).toBe(1);
  });

  test('slugs are unique and a channel can switch brand', async () => {
    const team = await createTeam(ctx, 'Globex');
    const other = await createBrand(ctx, { name: 'Globex', actorId: team.admin.id, bindTo: { platform: 'slack', scope: 'channel', externalId: 'C-GLOBEX' } });
    expect(other.slug).toBe('globex-2');
    const used = await useBrandInChannel(ctx, { slug: team.brand.slug, actorId: team.admin.id, platform: 'slack', channelId: 'C-GLOBEX' });
    expect(used.id).toBe(team.brand.id);
    await expect(useBrandInChannel(ctx, { slug: team.brand.slug, actorId: team.cm.id, platform: 'slack', channelId: 'C-GLOBEX' })).rejects.toMatchObject({ code: 'permission.denied' });
    await expect(useBrandInChannel(ctx, { slug: 'nope', actorId: team.admin.id, platform: 'slack', channelId: 'C-GLOBEX' })).rejects.toMatchObject({ code: 'brand.notFound' });
  });

  test('only admins set roles, and the last admin stays admin', async () => {
    const team = await createTeam(ctx, 'Initech');
    await expect(setRole(ctx, { brandId: team.brand.id, actorId: team.strategist.id, targetPersonId: team.cm.id, role: 'admin' })).rejects.toMatchObject({
      code: 'permission.denied',
      params: { required: 'admin', current: 'strategist' },
    });
    await expect(setRole(ctx, { brandId: team.brand.id, actorId: team.admin.id, targetPersonId: team.admin.id, role: 'viewer' })).rejects.toMatchObject({ code: 'role.lastAdmin' });
    const audit = await database.db.auditEntry.findMany({ where: { brandId: team.brand.id, action: 'role.set' } });
    expect(audit).toHaveLength(4);
  });

  test('settings are validated, written with an audit entry, and read with defaults', async () => {
    const team = await createTeam(ctx, 'Umbrella');
    expect(team.brand.settings).toMatchObject({ timezone: 'UTC', language: 'en', digestTime: '09:00', approvalSteps: 1, slaMinutes: 60 });
    const updated = await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'timezone', value: 'America/Sao_Paulo' });
    expect(updated.settings.timezone).toBe('America/Sao_Paulo');
    await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'approvals', value: '2' });
    await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'banned-words', value: 'scam, free money ,' });
    const brand = await getBrand(ctx, team.brand.id);
    expect(brand.settings).toMatchObject({ approvalSteps: 2, bannedWords: ['scam', 'free money'] });

    for (const [key, value, code] of [
      ['timezone', 'Mars/Base', 'setting.invalid'],
      ['approvals', '4', 'setting.invalid'],
      ['digest-time', '25:00', 'setting.invalid'],
      ['colour', 'red', 'setting.unknown'],
    ] as const) {
      const error = await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key, value }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe(code);
    }
    await expect(updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.strategist.id, key: 'language', value: 'es' })).rejects.toMatchObject({ code: 'permission.denied' });
    expect((await getBrand(ctx, team.brand.id)).settings.language).toBe('en');
  });

  test('a stored setting that went bad falls back to its default on read', async () => {
    const team = await createTeam(ctx, 'Hooli');
    await database.db.brand.update({ where: { id: team.brand.id }, data: { settings: { timezone: 'Not/AZone', approvalSteps: 9, language: 'it' } } });
    const brand = await getBrand(ctx, team.brand.id);
    expect(brand.settings).toMatchObject({ timezone: 'UTC', approvalSteps: 1, language: 'it' });
  });
});
