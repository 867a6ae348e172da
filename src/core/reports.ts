import { z } from 'zod';
import type { Report } from '../generated/prisma/client.js';
import { recordAudit } from './audit.js';
import type { Ctx } from './context.js';
import { discordIdSchema } from './discordIds.js';
import { UserError } from './errors.js';
import { findGuildBrandId } from './guilds.js';
import { idSchema, parseInput } from './validation.js';

export type { Report };

export const createReportSchema = z.object({
  guildId: discordIdSchema,
  channelId: discordIdSchema,
  messageId: discordIdSchema,
  /** Who wrote the reported message. */
  authorId: discordIdSchema,
  reporterId: discordIdSchema,
  content: z.string().max(4000),
});

/**
 * A member's report of a message. A message already reported and still open is not
 * reported twice: moderators see one report, the second reporter is told it is in hand.
 */
export async function createReport(ctx: Ctx, input: z.input<typeof createReportSchema>): Promise<{ report: Report; created: boolean }> {
  const data = parseInput(createReportSchema, input);
  const existing = await ctx.db.report.findFirst({ where: { guildId: data.guildId, messageId: data.messageId, status: 'open' } });
  if (existing) return { report: existing, created: false };
  const brandId = await findGuildBrandId(ctx, data.guildId);
  const report = await ctx.db.$transaction(async (tx) => {
    const created = await tx.report.create({ data: { ...data, brandId, createdAt: ctx.clock.now() } });
    await recordAudit(tx, {
      brandId,
      actorRef: `discord:${data.reporterId}`,
      action: 'report.created',
      subjectType: 'report',
      subjectId: created.id,
      after: { guildId: data.guildId, channelId: data.channelId, messageId: data.messageId, authorId: data.authorId },
    });
    return created;
  });
  await ctx.notify.publish({ type: 'moderation.report', brandId, guildId: data.guildId, reportId: report.id });
  return { report, created: true };
}

export const getReportSchema = z.object({ guildId: discordIdSchema, reportId: idSchema });

export async function getReport(ctx: Ctx, input: z.input<typeof getReportSchema>): Promise<Report> {
  const data = parseInput(getReportSchema, input);
  const report = await ctx.db.report.findFirst({ where: { id: data.reportId, guildId: data.guildId } });
  if (!report) throw new UserError('report.notFound', { id: data.reportId });
  return report;
}

export const resolveReportSchema = z.object({
  guildId: discordIdSchema,
  reportId: idSchema,
  handledById: discordIdSchema,
  status: z.enum(['actioned', 'dismissed']),
  /** What was done: "deleted", "warned (case #4)", … */
  resolution: z.string().trim().max(500).optional(),
});

/** A moderator's decision on a report; of two moderators clicking at once, the first counts. */
export async function resolveReport(ctx: Ctx, input: z.input<typeof resolveReportSchema>): Promise<Report> {
  const data = parseInput(resolveReportSchema, input);
  const report = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.report.updateMany({
      where: { id: data.reportId, guildId: data.guildId, status: 'open' },
      data: { status: data.status, handledById: data.handledById, handledAt: ctx.clock.now(), resolution: data.resolution ?? null },
    });
    const after = await tx.report.findFirst({ where: { id: data.reportId, guildId: data.guildId } });
    if (!after) throw new UserError('report.notFound', { id: data.reportId });
    if (count === 0) throw new UserError('report.alreadyHandled', { id: data.reportId, handledBy: after.handledById ?? '?', status: after.status });
    await recordAudit(tx, {
      brandId: after.brandId,
      actorRef: `discord:${data.handledById}`,
      action: `report.${data.status}`,
      subjectType: 'report',
      subjectId: after.id,
      before: { status: 'open' },
      after: { status: after.status, resolution: after.resolution },
    });
    return after;
  });
  await ctx.notify.publish({ type: 'moderation.report', brandId: report.brandId, guildId: report.guildId, reportId: report.id });
  return report;
}
