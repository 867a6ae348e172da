import { z } from 'zod';
import { translate } from '../i18n/catalog.js';
import { getBrand } from './brands.js';
import type { Ctx } from './context.js';
import { discordIdSchema } from './discordIds.js';
import { raiseEscalation, type RaisedEscalation } from './escalations.js';
import { idSchema, parseInput } from './validation.js';

export const raiseCrisisBurstSchema = z.object({
  brandId: idSchema,
  /** The Discord server the last violation or report came from: where the moderators are told later. */
  guildId: discordIdSchema,
});

export type CrisisBurst = { escalation: RaisedEscalation; violations: number; reports: number; windowMinutes: number };

/**
 * Automod's own escalation: when automod warnings and member reports in the brand's
 * communities reach the brand's threshold within its window (default 5 in 10 minutes), a
 * sev2 is raised for the strategists. While that escalation is open nothing more is
 * raised; after it is resolved only what came later counts towards the next one. Returns
 * null when there is no burst.
 *
 * Not safe against two processes deciding at the same instant: the caller serializes per
 * brand. Discord delivers a guild's messages and interactions to one shard, so one process
 * sees a guild's burst.
 */
export async function raiseCrisisBurst(ctx: Ctx, input: z.input<typeof raiseCrisisBurstSchema>): Promise<CrisisBurst | null> {
  const data = parseInput(raiseCrisisBurstSchema, input);
  const brand = await getBrand(ctx, data.brandId);
  const { crisisBurstThreshold: threshold, crisisBurstWindowMinutes: windowMinutes } = brand.settings;
  const now = ctx.clock.now();
  const last = await ctx.db.escalation.findFirst({
    where: { brandId: data.brandId, raisedVia: 'automod' },
    orderBy: { createdAt: 'desc' },
    select: { status: true, createdAt: true, resolvedAt: true },
  });
  if (last && last.status !== 'resolved') return null;
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000);
  const answered = last ? (last.resolvedAt ?? last.createdAt) : null;
  const since = answered && answered > windowStart ? answered : windowStart;
  const createdAt = { gt: since, lte: now };
  const [violations, reports] = await Promise.all([
    ctx.db.moderationCase.count({ where: { brandId: data.brandId, source: 'automod', action: 'warn', createdAt } }),
    ctx.db.report.count({ where: { brandId: data.brandId, createdAt } }),
  ]);
  if (violations + reports < threshold) return null;
  const summary = translate(brand.settings.language, 'crisis.burst.summary', { count: violations + reports, violations, reports, minutes: windowMinutes });
  const escalation = await raiseEscalation(ctx, {
    brandId: data.brandId,
    actorRef: 'automod',
    severity: 'sev2',
    summary,
    raisedVia: 'automod',
    originRef: { platform: 'discord', guildId: data.guildId },
  });
  return { escalation, violations, reports, windowMinutes };
}
