import { z } from 'zod';
import { Prisma, type ModerationCase } from '../generated/prisma/client.js';
import type { Ctx } from './context.js';
import { idSchema, parseInput } from './validation.js';

export const claimCasesForBridgeSchema = z.object({ caseIds: z.array(idSchema).min(1).max(500) });

/**
 * Marks cases as told to the brand's team (bridged_at) and returns the ones this call
 * claimed, oldest first. Claim first, post after: a case is never told twice, even if the
 * same event reached two listeners; a post that fails after the claim loses that line only.
 */
export async function claimCasesForBridge(ctx: Ctx, input: z.input<typeof claimCasesForBridgeSchema>): Promise<ModerationCase[]> {
  const data = parseInput(claimCasesForBridgeSchema, input);
  const now = ctx.clock.now();
  const claimed = await ctx.db.$queryRaw<{ id: number }[]>`
    UPDATE moderation_cases SET bridged_at = ${now}
     WHERE id IN (${Prisma.join(data.caseIds)}) AND bridged_at IS NULL
    RETURNING id`;
  if (claimed.length === 0) return [];
  return ctx.db.moderationCase.findMany({ where: { id: { in: claimed.map((row) => row.id) } }, orderBy: { id: 'asc' } });
}
