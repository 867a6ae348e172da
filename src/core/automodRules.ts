import { z } from 'zod';
import type { AutomodRule } from '../generated/prisma/client.js';
import { recordAudit } from './audit.js';
import type { AutomodRuleSpec } from './automod.js';
import { readBrandSettings } from './brandSettings.js';
import type { Ctx } from './context.js';
import { discordIdSchema } from './discordIds.js';
import { maxTimeoutSeconds, parseDuration } from './duration.js';
import { UserError } from './errors.js';
import { findGuildBrandId } from './guilds.js';
import { punishmentStepSchema, readGuildSettings, type PunishmentStep } from './guildSettings.js';
import { automodRuleKindSchema, type AutomodRuleKindName } from './moderation.js';
import { parseInput } from './validation.js';

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a domain such as example.com');

/** Hosts people share all the time in a brand community; a guild can change the list. */
export const defaultAllowedDomains = ['discord.com', 'discord.gg', 'discordapp.com', 'youtube.com', 'youtu.be', 'tenor.com', 'giphy.com'];

/** Each rule kind's options with their defaults: a rule stored without options uses these. */
export const ruleConfigSchemas = {
  invites: z.object({ allowedInvites: z.array(z.string().trim().min(2).max(100)).max(100).default([]) }),
  mass_mentions: z.object({ threshold: z.number().int().min(2).max(50).default(5) }),
  /** Words on top of the brand's banned words (Slack `/tandem settings banned-words`). */
  banned_words: z.object({ extraWords: z.array(z.string().trim().min(1).max(100)).max(1000).default([]) }),
  caps: z.object({ minLetters: z.number().int().min(4).max(500).default(12), ratio: z.number().min(0.5).max(1).default(0.7) }),
  flood: z.object({ messages: z.number().int().min(2).max(50).default(5), seconds: z.number().int().min(1).max(120).default(5) }),
  links: z.object({ allowedDomains: z.array(domainSchema).max(200).default(defaultAllowedDomains) }),
} as const;

export type RuleConfigs = { [K in AutomodRuleKindName]: z.infer<(typeof ruleConfigSchemas)[K]> };
export type AutomodRuleView<K extends AutomodRuleKindName = AutomodRuleKindName> = {
  kind: K;
  enabled: boolean;
  config: RuleConfigs[K];
  /** false while the guild still uses the default (never changed this rule). */
  customized: boolean;
};

export const automodRuleKinds = automodRuleKindSchema.options;

function readRuleConfig<K extends AutomodRuleKindName>(kind: K, stored: unknown): RuleConfigs[K] {
  const schema = ruleConfigSchemas[kind];
  const parsed = schema.safeParse(stored && typeof stored === 'object' ? stored : {});
  // A stored config that no longer fits (a limit tightened since) falls back to defaults.
  return (parsed.success ? parsed.data : schema.parse({})) as RuleConfigs[K];
}

function toRuleView(kind: AutomodRuleKindName, row: AutomodRule | undefined): AutomodRuleView {
  return { kind, enabled: row?.enabled ?? true, config: readRuleConfig(kind, row?.config), customized: Boolean(row) };
}

/** Every rule kind for the guild: stored ones as stored, the others on with defaults. */
export async function listAutomodRules(ctx: Ctx, guildId: string): Promise<AutomodRuleView[]> {
  const id = parseInput(discordIdSchema, guildId);
  const rows = await ctx.db.automodRule.findMany({ where: { guildId: id } });
  return automodRuleKinds.map((kind) => toRuleView(kind, rows.find((row) => row.kind === kind)));
}

/**
 * Reads the one text a moderator types after `/automod add <rule>` as that rule's option:
 * a threshold, a list of words or domains, `5/5` for flood, a percentage for caps.
 */
export function parseRuleSetting(kind: AutomodRuleKindName, text: string, current: RuleConfigs[AutomodRuleKindName]): Record<string, unknown> {
  const list = () => text.split(/[,\s]+/).map((item) => item.trim()).filter(Boolean);
  switch (kind) {
    case 'mass_mentions':
      return { threshold: Number(text) };
    case 'caps': {
      const percent = Number(text.replace('%', ''));
      return { ratio: percent > 1 ? percent / 100 : percent };
    }
    case 'flood': {
      const match = /^(\d+)\s*[/in ]+\s*(\d+)\s*s?$/i.exec(text.trim());
      if (!match) throw new UserError('automod.badSetting', { rule: kind, text, example: '5/5' });
      return { messages: Number(match[1]), seconds: Number(match[2]) };
    }
    case 'banned_words':
      return { extraWords: [...new Set([...(current as RuleConfigs['banned_words']).extraWords, ...text.split(',').map((w) => w.trim()).filter(Boolean)])] };
    case 'links':
      return { allowedDomains: [...new Set([...(current as RuleConfigs['links']).allowedDomains, ...list().map((d) => d.toLowerCase())])] };
    case 'invites':
      return { allowedInvites: [...new Set([...(current as RuleConfigs['invites']).allowedInvites, ...list()])] };
  }
}

export const setAutomodRuleSchema = z.object({
  guildId: discordIdSchema,
  kind: automodRuleKindSchema,
  enabled: z.boolean(),
  /** `/automod add` text for the rule's option (see parseRuleSetting). */
  setting: z.string().trim().min(1).max(2000).optional(),
  actorRef: z.string().min(1).max(100),
});

/** `/automod add|remove`: turns a rule on (optionally changing its option) or off. */
export async function setAutomodRule(ctx: Ctx, input: z.input<typeof setAutomodRuleSchema>): Promise<AutomodRuleView> {
  const data = parseInput(setAutomodRuleSchema, input);
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.automodRule.findUnique({ where: { guildId_kind: { guildId: data.guildId, kind: data.kind } } });
    const before = toRuleView(data.kind, row ?? undefined);
    let config = before.config;
    if (data.setting) {
      const parsed = ruleConfigSchemas[data.kind].safeParse({ ...config, ...parseRuleSetting(data.kind, data.setting, config) });
      if (!parsed.success) throw new UserError('automod.badSetting', { rule: data.kind, text: data.setting, example: settingExamples[data.kind] });
      config = parsed.data;
    }
    const saved = await tx.automodRule.upsert({
      where: { guildId_kind: { guildId: data.guildId, kind: data.kind } },
      create: { guildId: data.guildId, kind: data.kind, enabled: data.enabled, config, createdById: data.actorRef },
      update: { enabled: data.enabled, config },
    });
    const brandId = (await tx.discordGuild.findUnique({ where: { guildId: data.guildId }, select: { brandId: true } }))?.brandId ?? null;
    await recordAudit(tx, {
      brandId,
      actorRef: `discord:${data.actorRef}`,
      action: 'automod.rule.set',
      subjectType: 'automod_rule',
      subjectId: saved.id,
      before: { enabled: before.enabled, config: before.config },
      after: { enabled: saved.enabled, config },
    });
    return toRuleView(data.kind, saved);
  });
}

export const settingExamples: Record<AutomodRuleKindName, string> = {
  invites: 'abc123',
  mass_mentions: '5',
  banned_words: 'word one, word two',
  caps: '70%',
  flood: '5/5',
  links: 'example.com, shop.example.com',
};

/**
 * The guild's enabled rules, ready for the evaluator. Banned words are the brand's (from
 * its settings) plus the guild's extra words.
 */
export async function loadAutomodRuleSet(ctx: Ctx, guildId: string): Promise<AutomodRuleSpec[]> {
  const rules = await listAutomodRules(ctx, guildId);
  const brandId = await findGuildBrandId(ctx, guildId);
  const brand = brandId ? await ctx.db.brand.findUnique({ where: { id: brandId }, select: { settings: true } }) : null;
  const brandWords = brand ? readBrandSettings(brand.settings).bannedWords : [];
  const specs: AutomodRuleSpec[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const config = rule.config;
    switch (rule.kind) {
      case 'banned_words':
        specs.push({ kind: 'banned_words', words: [...brandWords, ...(config as RuleConfigs['banned_words']).extraWords] });
        break;
      case 'invites':
        specs.push({ kind: 'invites', ...(config as RuleConfigs['invites']) });
        break;
      case 'links':
        specs.push({ kind: 'links', ...(config as RuleConfigs['links']) });
        break;
      case 'mass_mentions':
        specs.push({ kind: 'mass_mentions', ...(config as RuleConfigs['mass_mentions']) });
        break;
      case 'flood':
        specs.push({ kind: 'flood', ...(config as RuleConfigs['flood']) });
        break;
      case 'caps':
        specs.push({ kind: 'caps', ...(config as RuleConfigs['caps']) });
        break;
    }
  }
  return specs;
}

export const setPunishmentSchema = z.object({
  guildId: discordIdSchema,
  actorRef: z.string().min(1).max(100),
  warnings: z.number().int().min(2).max(50),
  /** `off` removes the step for this many warnings. */
  action: z.enum(['timeout', 'kick', 'ban', 'off']),
  duration: z.string().trim().max(20).optional(),
  windowHours: z.number().int().min(1).max(720).default(24),
});

/** `/automod punishment`: sets (or removes) the step for a number of warnings. */
export async function setPunishment(ctx: Ctx, input: z.input<typeof setPunishmentSchema>): Promise<PunishmentStep[]> {
  const data = parseInput(setPunishmentSchema, input);
  let step: PunishmentStep | null = null;
  if (data.action !== 'off') {
    const durationSeconds = data.action === 'timeout' ? parseDuration(data.duration ?? '1h', maxTimeoutSeconds) : undefined;
    step = parseInput(punishmentStepSchema, { warnings: data.warnings, windowHours: data.windowHours, action: data.action, durationSeconds });
  }
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.discordGuild.findUnique({ where: { guildId: data.guildId } });
    const settings = readGuildSettings(row?.settings);
    const punishments = settings.punishments.filter((existing) => existing.warnings !== data.warnings);
    if (step) punishments.push(step);
    punishments.sort((a, b) => a.warnings - b.warnings);
    if (punishments.length > 5) throw new UserError('automod.tooManyPunishments', { max: 5 });
    const next = { ...settings, punishments };
    await tx.discordGuild.upsert({ where: { guildId: data.guildId }, create: { guildId: data.guildId, settings: next }, update: { settings: next } });
    await recordAudit(tx, {
      brandId: row?.brandId ?? null,
      actorRef: `discord:${data.actorRef}`,
      action: 'automod.punishments.set',
      subjectType: 'discord_guild',
      subjectId: data.guildId,
      before: { punishments: settings.punishments },
      after: { punishments },
    });
    return punishments;
  });
}
