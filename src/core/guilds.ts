import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { DiscordGuild, Prisma } from '../generated/prisma/client.js';
import { recordAudit } from './audit.js';
import { getRole, requirePermission, toBrandView, type BrandView } from './brands.js';
import type { Ctx } from './context.js';
import { discordIdSchema } from './discordIds.js';
import { UserError } from './errors.js';
import { readGuildSettings, type GuildSettings } from './guildSettings.js';
import { resolvePerson, type PersonRef } from './people.js';
import { compareRoles } from './permissions.js';
import { idSchema, parseInput } from './validation.js';

export type GuildView = {
  guildId: string;
  brandId: number | null;
  modLogChannelId: string | null;
  reportsChannelId: string | null;
  digestChannelId: string | null;
  settings: GuildSettings;
};

function toGuildView(guildId: string, row: DiscordGuild | null): GuildView {
  return {
    guildId,
    brandId: row?.brandId ?? null,
    modLogChannelId: row?.modLogChannelId ?? null,
    reportsChannelId: row?.reportsChannelId ?? null,
    digestChannelId: row?.digestChannelId ?? null,
    settings: readGuildSettings(row?.settings),
  };
}

/** A guild's settings; a guild Tandem has never stored reads as all defaults. */
export async function getGuild(ctx: Ctx, guildId: string): Promise<GuildView> {
  const id = parseInput(discordIdSchema, guildId);
  return toGuildView(id, await ctx.db.discordGuild.findUnique({ where: { guildId: id } }));
}

const optionalChannel = discordIdSchema.nullable().optional();

export const updateGuildChannelsSchema = z.object({
  guildId: discordIdSchema,
  /** The Discord user changing it (a server admin, checked by the adapter). */
  actorRef: z.string().min(1).max(100),
  modLogChannelId: optionalChannel,
  reportsChannelId: optionalChannel,
  digestChannelId: optionalChannel,
});

/** `/setup`: where the mod log, reports and digest go. Absent fields stay as they are. */
export async function updateGuildChannels(ctx: Ctx, input: z.input<typeof updateGuildChannelsSchema>): Promise<GuildView> {
  const data = parseInput(updateGuildChannelsSchema, input);
  const changes: Prisma.DiscordGuildUpdateInput = {};
  if (data.modLogChannelId !== undefined) changes.modLogChannelId = data.modLogChannelId;
  if (data.reportsChannelId !== undefined) changes.reportsChannelId = data.reportsChannelId;
  if (data.digestChannelId !== undefined) changes.digestChannelId = data.digestChannelId;
  const row = await ctx.db.$transaction(async (tx) => {
    const before = await tx.discordGuild.findUnique({ where: { guildId: data.guildId } });
    const after = await tx.discordGuild.upsert({
      where: { guildId: data.guildId },
      create: { guildId: data.guildId, modLogChannelId: data.modLogChannelId ?? null, reportsChannelId: data.reportsChannelId ?? null, digestChannelId: data.digestChannelId ?? null },
      update: changes,
    });
    await recordAudit(tx, {
      brandId: after.brandId,
      actorRef: `discord:${data.actorRef}`,
      action: 'guild.channels',
      subjectType: 'discord_guild',
      subjectId: data.guildId,
      before: before ? { modLogChannelId: before.modLogChannelId, reportsChannelId: before.reportsChannelId, digestChannelId: before.digestChannelId } : null,
      after: { modLogChannelId: after.modLogChannelId, reportsChannelId: after.reportsChannelId, digestChannelId: after.digestChannelId },
    });
    return after;
  });
  return toGuildView(data.guildId, row);
}

/** Unambiguous characters only: codes are read off one screen and typed into another. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const linkCodeTtlMs = 30 * 60_000;

function generateLinkCode(): string {
  const pick = () => Array.from({ length: 4 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
  return `${pick()}-${pick()}`;
}

function normalizeLinkCode(code: string): string {
  const compact = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}

export const createDiscordLinkCodeSchema = z.object({ brandId: idSchema, actorId: idSchema });

/** `/tandem discord link` in Slack: a one-time code an admin redeems with `/setup` in Discord. */
export async function createDiscordLinkCode(ctx: Ctx, input: z.input<typeof createDiscordLinkCodeSchema>): Promise<{ code: string; expiresAt: Date }> {
  const data = parseInput(createDiscordLinkCodeSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'brand.settings');
  const expiresAt = new Date(ctx.clock.now().getTime() + linkCodeTtlMs);
  const code = generateLinkCode();
  await ctx.db.$transaction(async (tx) => {
    await tx.discordLinkCode.create({ data: { code, brandId: data.brandId, createdById: data.actorId, expiresAt } });
    // The code itself is a credential until used: the audit names it by its expiry, not its value.
    await recordAudit(tx, { brandId: data.brandId, actorId: data.actorId, action: 'discord.link_code.created', subjectType: 'brand', subjectId: data.brandId, after: { expiresAt } });
  });
  return { code, expiresAt };
}

export const redeemDiscordLinkCodeSchema = z.object({
  guildId: discordIdSchema,
  code: z.string().trim().min(4).max(20),
  actorRef: z.string().min(1).max(100).optional(),
});

/** `/setup code:…` in Discord: links the guild to the code's brand. Each code works once. */
export async function redeemDiscordLinkCode(ctx: Ctx, input: z.input<typeof redeemDiscordLinkCodeSchema>): Promise<BrandView> {
  const data = parseInput(redeemDiscordLinkCodeSchema, input);
  const code = normalizeLinkCode(data.code);
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    // Conditional update: of two guilds redeeming one code at once, exactly one gets it.
    const { count } = await tx.discordLinkCode.updateMany({
      where: { code, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, usedByGuildId: data.guildId },
    });
    if (count === 0) {
      const found = await tx.discordLinkCode.findUnique({ where: { code } });
      if (!found) throw new UserError('guild.linkCodeUnknown');
      if (found.usedAt) throw new UserError('guild.linkCodeUsed');
      throw new UserError('guild.linkCodeExpired');
    }
    const { brandId } = await tx.discordLinkCode.findUniqueOrThrow({ where: { code } });
    const before = await tx.discordGuild.findUnique({ where: { guildId: data.guildId } });
    await tx.discordGuild.upsert({ where: { guildId: data.guildId }, create: { guildId: data.guildId, brandId }, update: { brandId } });
    const binding = { platform: 'discord' as const, scope: 'guild', externalId: data.guildId };
    await tx.binding.upsert({ where: { platform_scope_externalId: binding }, create: { ...binding, brandId }, update: { brandId } });
    await recordAudit(tx, {
      brandId,
      actorRef: data.actorRef ? `discord:${data.actorRef}` : null,
      action: 'discord.guild.linked',
      subjectType: 'discord_guild',
      subjectId: data.guildId,
      before: { brandId: before?.brandId ?? null },
      after: { brandId },
    });
    return toBrandView(await tx.brand.findUniqueOrThrow({ where: { id: brandId } }));
  });
}

/** The guild's brand id when it can be known without asking anyone; null otherwise. */
export async function findGuildBrandId(ctx: Ctx, guildId: string): Promise<number | null> {
  const guild = await ctx.db.discordGuild.findUnique({ where: { guildId }, select: { brandId: true } });
  if (guild?.brandId) return guild.brandId;
  const binding = await ctx.db.binding.findUnique({ where: { platform_scope_externalId: { platform: 'discord', scope: 'guild', externalId: guildId } } });
  if (binding) return binding.brandId;
  // The common single-brand team needs no setup step: its one brand is every guild's brand.
  const brands = await ctx.db.brand.findMany({ select: { id: true }, take: 2 });
  return brands.length === 1 ? (brands[0]?.id ?? null) : null;
}

/** The brand this guild works for; with several brands and no link, an admin must run /setup. */
export async function resolveGuildBrand(ctx: Ctx, guildId: string): Promise<BrandView> {
  const id = parseInput(discordIdSchema, guildId);
  const brandId = await findGuildBrandId(ctx, id);
  if (!brandId) throw new UserError('guild.setupNeeded');
  return toBrandView(await ctx.db.brand.findUniqueOrThrow({ where: { id: brandId } }));
}

export const admitGuildModeratorSchema = z.object({
  brandId: idSchema,
  guildId: discordIdSchema,
  userId: discordIdSchema,
  displayName: z.string().trim().max(200).optional(),
});

/**
 * The Person behind a Discord moderator of the brand's guild, with at least the community
 * manager role on that brand (docs/decisions/007): moderating the brand's community is
 * that role's job, and Discord already decided who moderates. Higher roles are kept.
 */
export async function admitGuildModerator(ctx: Ctx, input: z.input<typeof admitGuildModeratorSchema>): Promise<PersonRef> {
  const data = parseInput(admitGuildModeratorSchema, input);
  const person = await resolvePerson(ctx, { platform: 'discord', externalId: data.userId, displayName: data.displayName });
  const role = await getRole(ctx, data.brandId, person.id);
  if (role && compareRoles(role, 'community_manager') >= 0) return person;
  await ctx.db.$transaction(async (tx) => {
    await tx.membership.upsert({
      where: { brandId_personId: { brandId: data.brandId, personId: person.id } },
      create: { brandId: data.brandId, personId: person.id, role: 'community_manager' },
      update: { role: 'community_manager' },
    });
    await recordAudit(tx, {
      brandId: data.brandId,
      actorRef: `discord:${data.userId}`,
      action: 'role.set',
      subjectType: 'person',
      subjectId: person.id,
      before: { role },
      after: { role: 'community_manager', via: `discord guild ${data.guildId} moderator` },
    });
  });
  return person;
}
