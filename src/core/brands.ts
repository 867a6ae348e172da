import { z } from 'zod';
import type { Brand } from '../generated/prisma/client.js';
import { recordAudit } from './audit.js';
import { readBrandSettings, settingField, settingKeys, settingParsers, type BrandSettings, type SettingKey } from './brandSettings.js';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { platformSchema, type PlatformName } from './people.js';
import { requiredRole, roleAllows, roleSchema, type Permission, type Role } from './permissions.js';
import { idSchema, parseInput } from './validation.js';

export type BrandView = { id: number; slug: string; name: string; settings: BrandSettings; frozenAt: Date | null };
export type BrandAccess = { brand: BrandView; role: Role | null };

export function toBrandView(brand: Brand): BrandView {
  return { id: brand.id, slug: brand.slug, name: brand.name, settings: readBrandSettings(brand.settings), frozenAt: brand.frozenAt };
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'brand';
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

async function findFreeSlug(ctx: Ctx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await ctx.db.brand.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((b) => b.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function getBrand(ctx: Ctx, brandId: number): Promise<BrandView> {
  const brand = await ctx.db.brand.findUnique({ where: { id: brandId } });
  if (!brand) throw new UserError('brand.notFound', { brand: String(brandId) });
  return toBrandView(brand);
}

export async function getRole(ctx: Ctx, brandId: number, personId: number): Promise<Role | null> {
  const membership = await ctx.db.membership.findUnique({ where: { brandId_personId: { brandId, personId } } });
  return membership?.role ?? null;
}

/** Refuses with the role needed unless the person's role on the brand allows `permission`. */
export async function requirePermission(ctx: Ctx, brandId: number, personId: number, permission: Permission): Promise<Role> {
  const role = await getRole(ctx, brandId, personId);
  if (!roleAllows(role, permission)) {
    throw new UserError('permission.denied', { required: requiredRole(permission), current: role ?? 'none' });
  }
  return role as Role;
}

export const placeSchema = z.object({
  platform: platformSchema,
  /** Slack team id, or Discord guild id */
  workspaceId: z.string().min(1),
  /** Slack channel id; absent for Discord (a guild is one place) */
  channelId: z.string().min(1).optional(),
  workspaceName: z.string().max(80).optional(),
  personId: idSchema,
});
export type Place = z.infer<typeof placeSchema>;

async function findBoundBrand(ctx: Ctx, platform: PlatformName, scope: string, externalId: string): Promise<Brand | null> {
  const binding = await ctx.db.binding.findUnique({
    where: { platform_scope_externalId: { platform, scope, externalId } },
    include: { brand: true },
  });
  return binding?.brand ?? null;
}

/**
 * The brand a command in this place is about: the channel's brand, else the workspace's
 * default brand. A workspace with no brand gets one, and the first person in it is its
 * admin — a new team starts working without a setup step.
 */
export async function resolveBrandForPlace(ctx: Ctx, input: Place): Promise<BrandAccess & { created: boolean }> {
  const place = parseInput(placeSchema, input);
  const workspaceScope = place.platform === 'discord' ? 'guild' : 'workspace';
  for (let attempt = 0; attempt < 3; attempt++) {
    const bound =
      (place.channelId ? await findBoundBrand(ctx, place.platform, 'channel', place.channelId) : null) ??
      (await findBoundBrand(ctx, place.platform, workspaceScope, place.workspaceId));
    if (bound) return { brand: toBrandView(bound), role: await getRole(ctx, bound.id, place.personId), created: false };
    try {
      const name = place.workspaceName?.trim() || 'My brand';
      const slug = await findFreeSlug(ctx, name);
      const brand = await ctx.db.$transaction(async (tx) => {
        const created = await tx.brand.create({ data: { slug, name } });
        await tx.binding.create({ data: { brandId: created.id, platform: place.platform, scope: workspaceScope, externalId: place.workspaceId } });
        await tx.membership.create({ data: { brandId: created.id, personId: place.personId, role: 'admin' } });
        await recordAudit(tx, { brandId: created.id, actorId: place.personId, action: 'brand.created', subjectType: 'brand', subjectId: created.id, after: { slug, name, default: true } });
        return created;
      });
      return { brand: toBrandView(brand), role: 'admin', created: true };
    } catch (error) {
      // Someone else's first command created it at the same instant: use theirs.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error('could not resolve a brand for this place');
}

export const createBrandSchema = z.object({
  name: z.string().trim().min(1, 'a brand needs a name').max(80, 'at most 80 characters'),
  actorId: idSchema,
  /** The place that made it, bound to the new brand (the Slack channel it was created in). */
  bindTo: z.object({ platform: platformSchema, scope: z.enum(['channel', 'workspace', 'guild']), externalId: z.string().min(1) }).optional(),
  /** The brand the actor is working in now: they must be its admin to create another. */
  fromBrandId: idSchema.optional(),
});

export async function createBrand(ctx: Ctx, input: z.input<typeof createBrandSchema>): Promise<BrandView> {
  const data = parseInput(createBrandSchema, input);
  if (data.fromBrandId) await requirePermission(ctx, data.fromBrandId, data.actorId, 'brand.create');
  const slug = await findFreeSlug(ctx, data.name);
  const brand = await ctx.db.$transaction(async (tx) => {
    const created = await tx.brand.create({ data: { slug, name: data.name } });
    await tx.membership.create({ data: { brandId: created.id, personId: data.actorId, role: 'admin' } });
    if (data.bindTo) {
      await tx.binding.upsert({
        where: { platform_scope_externalId: data.bindTo },
        create: { ...data.bindTo, brandId: created.id },
        update: { brandId: created.id },
      });
    }
    await recordAudit(tx, { brandId: created.id, actorId: data.actorId, action: 'brand.created', subjectType: 'brand', subjectId: created.id, after: { slug, name: data.name, bindTo: data.bindTo } });
    return created;
  });
  return toBrandView(brand);
}

export const useBrandSchema = z.object({
  slug: z.string().trim().min(1).max(60),
  actorId: idSchema,
  platform: platformSchema,
  channelId: z.string().min(1),
});

/** Binds a channel to another brand; only that brand's admins may do it. */
export async function useBrandInChannel(ctx: Ctx, input: z.input<typeof useBrandSchema>): Promise<BrandView> {
  const data = parseInput(useBrandSchema, input);
  const brand = await ctx.db.brand.findUnique({ where: { slug: data.slug.toLowerCase() } });
  if (!brand) throw new UserError('brand.notFound', { brand: data.slug });
  await requirePermission(ctx, brand.id, data.actorId, 'brand.settings');
  await ctx.db.$transaction(async (tx) => {
    const where = { platform_scope_externalId: { platform: data.platform, scope: 'channel', externalId: data.channelId } };
    const before = await tx.binding.findUnique({ where });
    await tx.binding.upsert({ where, create: { platform: data.platform, scope: 'channel', externalId: data.channelId, brandId: brand.id }, update: { brandId: brand.id } });
    await recordAudit(tx, { brandId: brand.id, actorId: data.actorId, action: 'channel.bound', subjectType: 'binding', subjectId: data.channelId, before: before ? { brandId: before.brandId } : null, after: { brandId: brand.id } });
  });
  return toBrandView(brand);
}

export const setRoleSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  targetPersonId: idSchema,
  role: roleSchema,
});

/** Admins give roles. The last admin cannot be demoted: a brand always has someone in charge. */
export async function setRole(ctx: Ctx, input: z.input<typeof setRoleSchema>): Promise<{ role: Role; previous: Role | null }> {
  const data = parseInput(setRoleSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'brand.roles');
  return ctx.db.$transaction(async (tx) => {
    const current = await tx.membership.findUnique({ where: { brandId_personId: { brandId: data.brandId, personId: data.targetPersonId } } });
    if (current?.role === 'admin' && data.role !== 'admin') {
      const admins = await tx.membership.count({ where: { brandId: data.brandId, role: 'admin' } });
      if (admins <= 1) throw new UserError('role.lastAdmin');
    }
    await tx.membership.upsert({
      where: { brandId_personId: { brandId: data.brandId, personId: data.targetPersonId } },
      create: { brandId: data.brandId, personId: data.targetPersonId, role: data.role },
      update: { role: data.role },
    });
    await recordAudit(tx, { brandId: data.brandId, actorId: data.actorId, action: 'role.set', subjectType: 'person', subjectId: data.targetPersonId, before: { role: current?.role ?? null }, after: { role: data.role } });
    return { role: data.role, previous: current?.role ?? null };
  });
}

export const updateSettingSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  key: z.string().trim().toLowerCase(),
  value: z.string(),
});

/** `/tandem settings <key> <value>`: parsed strictly; a wrong value says why. */
export async function updateBrandSetting(ctx: Ctx, input: z.input<typeof updateSettingSchema>): Promise<BrandView> {
  const data = parseInput(updateSettingSchema, input);
  if (!(settingKeys as string[]).includes(data.key)) throw new UserError('setting.unknown', { key: data.key, keys: settingKeys.join(', ') });
  const key = data.key as SettingKey;
  const parsed = settingParsers[key].safeParse(data.value);
  if (!parsed.success) throw new UserError('setting.invalid', { key, problem: parsed.error.issues[0]?.message ?? 'invalid value' });
  await requirePermission(ctx, data.brandId, data.actorId, 'brand.settings');
  return ctx.db.$transaction(async (tx) => {
    const brand = await tx.brand.findUniqueOrThrow({ where: { id: data.brandId } });
    const before = readBrandSettings(brand.settings);
    const field = settingField[key];
    const after = { ...before, [field]: parsed.data };
    const updated = await tx.brand.update({ where: { id: brand.id }, data: { settings: after } });
    await recordAudit(tx, { brandId: brand.id, actorId: data.actorId, action: 'settings.updated', subjectType: 'brand', subjectId: brand.id, before: { [field]: before[field] }, after: { [field]: parsed.data } });
    return toBrandView(updated);
  });
}

/** The brands a person belongs to, with their role in each (App Home, `/tandem help`). */
export async function listMemberships(ctx: Ctx, personId: number): Promise<BrandAccess[]> {
  const rows = await ctx.db.membership.findMany({ where: { personId }, include: { brand: true }, orderBy: { brand: { name: 'asc' } } });
  return rows.map((row) => ({ brand: toBrandView(row.brand), role: row.role }));
}

/** People holding at least `role` on a brand, for mentions (strategists on an alert). */
export async function listPeopleWithRole(ctx: Ctx, brandId: number, roles: Role[], platform?: PlatformName) {
  return ctx.db.membership.findMany({
    where: { brandId, role: { in: roles }, ...(platform ? { person: { platform } } : {}) },
    include: { person: true },
    orderBy: { id: 'asc' },
  });
}
