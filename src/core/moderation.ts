import { z } from 'zod';
import type { ModerationCase } from '../generated/prisma/client.js';
import { AutomodRuleKind, CaseSource, ModerationAction } from '../generated/prisma/enums.js';
import { recordAudit } from './audit.js';
import type { Ctx } from './context.js';
import { takeNextNumber } from './counters.js';
import { discordIdSchema } from './discordIds.js';
import { UserError } from './errors.js';
import { idSchema, parseInput } from './validation.js';

export const moderationActionSchema = z.enum(ModerationAction);
export type ModerationActionName = z.infer<typeof moderationActionSchema>;
export const caseSourceSchema = z.enum(CaseSource);
export const automodRuleKindSchema = z.enum(AutomodRuleKind);
export type AutomodRuleKindName = z.infer<typeof automodRuleKindSchema>;
export type { ModerationCase };

const tag = z.string().trim().min(1).max(100);

export const recordCaseSchema = z.object({
  guildId: discordIdSchema,
  brandId: idSchema.nullish(),
  action: moderationActionSchema,
  /** A member for member actions; the channel for purge, slowmode, lock and unlock. */
  targetId: discordIdSchema,
  targetTag: tag.optional(),
  moderatorId: discordIdSchema,
  moderatorTag: tag.optional(),
  reason: z.string().trim().max(512).optional(),
  durationSeconds: z.number().int().min(0).max(10 * 365 * 86_400).optional(),
  source: caseSourceSchema.default('manual'),
  ruleKind: automodRuleKindSchema.optional(),
});

/**
 * A numbered moderation case. The number is the guild's next one, taken in the same
 * transaction as the insert: concurrent moderators (or replicas) never share or skip one.
 */
export async function recordCase(ctx: Ctx, input: z.input<typeof recordCaseSchema>): Promise<ModerationCase> {
  const data = parseInput(recordCaseSchema, input);
  const createdAt = ctx.clock.now();
  const created = await ctx.db.$transaction(async (tx) => {
    const number = await takeNextNumber(tx, `guild:${data.guildId}`, 'case');
    const row = await tx.moderationCase.create({
      data: {
        guildId: data.guildId,
        number,
        brandId: data.brandId ?? null,
        action: data.action,
        targetId: data.targetId,
        targetTag: data.targetTag ?? null,
        moderatorId: data.moderatorId,
        moderatorTag: data.moderatorTag ?? null,
        reason: data.reason || null,
        durationSeconds: data.durationSeconds ?? null,
        source: data.source,
        ruleKind: data.ruleKind ?? null,
        createdAt,
      },
    });
    await recordAudit(tx, {
      brandId: row.brandId,
      actorRef: `discord:${data.moderatorId}`,
      action: `moderation.${data.action}`,
      subjectType: 'moderation_case',
      subjectId: row.id,
      after: { guildId: row.guildId, number, targetId: row.targetId, reason: row.reason, durationSeconds: row.durationSeconds, source: row.source, ruleKind: row.ruleKind },
    });
    return row;
  });
  await ctx.notify.publish({ type: 'moderation.case', brandId: created.brandId, guildId: created.guildId, caseId: created.id });
  return created;
}

export const noteCaseDeliverySchema = z.object({
  caseId: idSchema,
  dmDelivered: z.boolean().optional(),
  modLogMessageId: discordIdSchema.optional(),
});

/**
 * Where the case was told (DM to the member, mod-log message). Bookkeeping about
 * notifications, not a decision: the case's own audit entry already says who did what.
 */
export async function noteCaseDelivery(ctx: Ctx, input: z.input<typeof noteCaseDeliverySchema>): Promise<void> {
  const data = parseInput(noteCaseDeliverySchema, input);
  await ctx.db.moderationCase.update({
    where: { id: data.caseId },
    data: { dmDelivered: data.dmDelivered, modLogMessageId: data.modLogMessageId },
  });
}

export const getCaseSchema = z.object({ guildId: discordIdSchema, number: z.number().int().positive() });

/** `/case 12`: refused as not found when the number belongs to no case of this guild. */
export async function getCase(ctx: Ctx, input: z.input<typeof getCaseSchema>): Promise<ModerationCase> {
  const data = parseInput(getCaseSchema, input);
  const found = await ctx.db.moderationCase.findUnique({ where: { guildId_number: { guildId: data.guildId, number: data.number } } });
  if (!found) throw new UserError('moderation.caseNotFound', { number: data.number });
  return found;
}

export const listCasesForUserSchema = z.object({
  guildId: discordIdSchema,
  targetId: discordIdSchema,
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(25).default(5),
});

export type CasePage = { cases: ModerationCase[]; total: number; page: number; pageCount: number };

/** `/modlog @member`: the member's cases, newest first, one page at a time. */
export async function listCasesForUser(ctx: Ctx, input: z.input<typeof listCasesForUserSchema>): Promise<CasePage> {
  const data = parseInput(listCasesForUserSchema, input);
  const where = { guildId: data.guildId, targetId: data.targetId };
  const total = await ctx.db.moderationCase.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / data.pageSize));
  const page = Math.min(data.page, pageCount);
  const cases = await ctx.db.moderationCase.findMany({ where, orderBy: { number: 'desc' }, skip: (page - 1) * data.pageSize, take: data.pageSize });
  return { cases, total, page, pageCount };
}

export const countRecentWarningsSchema = z.object({
  guildId: discordIdSchema,
  targetId: discordIdSchema,
  since: z.date(),
});

/** Warnings (manual and automod) a member collected since `since`, for escalating punishments. */
export async function countRecentWarnings(ctx: Ctx, input: z.input<typeof countRecentWarningsSchema>): Promise<number> {
  const data = parseInput(countRecentWarningsSchema, input);
  return ctx.db.moderationCase.count({ where: { guildId: data.guildId, targetId: data.targetId, action: 'warn', createdAt: { gte: data.since } } });
}
