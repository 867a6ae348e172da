import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.js';
import { recordAudit } from './audit.js';
import { getBrand, requirePermission } from './brands.js';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { recordEscalationEvent } from './escalationTimeline.js';
import { idSchema, parseInput } from './validation.js';

/**
 * Holds the brand's publishing for a sev1, inside the transaction that raised it. A brand
 * already frozen stays frozen by the first crisis: the freeze is one switch, lifted once.
 * Returns whether this call froze it.
 */
export async function freezeBrandFor(
  tx: Prisma.TransactionClient,
  input: { brandId: number; escalationId: number; actorId: number | null; actorRef: string | null; at: Date },
): Promise<boolean> {
  const { count } = await tx.brand.updateMany({
    where: { id: input.brandId, frozenAt: null },
    data: { frozenAt: input.at, frozenByEscalationId: input.escalationId },
  });
  if (count === 0) return false;
  await recordEscalationEvent(tx, { escalationId: input.escalationId, type: 'frozen', at: input.at, actorId: input.actorId, actorRef: input.actorRef });
  await recordAudit(tx, {
    brandId: input.brandId,
    actorId: input.actorId,
    actorRef: input.actorRef,
    action: 'publishing.frozen',
    subjectType: 'brand',
    subjectId: input.brandId,
    before: { frozenAt: null },
    after: { frozenAt: input.at, escalationId: input.escalationId },
  });
  return true;
}

export const liftFreezeSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
});

export type LiftedFreeze = { brandId: number; frozenAt: Date; escalationId: number | null };

/** A strategist decides the crisis no longer needs publishing held. */
export async function liftFreeze(ctx: Ctx, input: z.input<typeof liftFreezeSchema>): Promise<LiftedFreeze> {
  const data = parseInput(liftFreezeSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'publishing.unfreeze');
  const brand = await getBrand(ctx, data.brandId);
  const now = ctx.clock.now();
  const lifted = await ctx.db.$transaction(async (tx) => {
    // Lock the brand row: of two strategists lifting at once, the second finds it already lifted.
    await tx.$queryRaw`SELECT id FROM brands WHERE id = ${data.brandId} FOR UPDATE`;
    const current = await tx.brand.findUniqueOrThrow({ where: { id: data.brandId }, select: { frozenAt: true, frozenByEscalationId: true } });
    if (!current.frozenAt) throw new UserError('publishing.notFrozen', { brand: brand.name });
    await tx.brand.update({ where: { id: data.brandId }, data: { frozenAt: null, frozenByEscalationId: null } });
    if (current.frozenByEscalationId) {
      await recordEscalationEvent(tx, { escalationId: current.frozenByEscalationId, type: 'unfrozen', at: now, actorId: data.actorId });
    }
    await recordAudit(tx, {
      brandId: data.brandId,
      actorId: data.actorId,
      action: 'publishing.unfrozen',
      subjectType: 'brand',
      subjectId: data.brandId,
      before: { frozenAt: current.frozenAt, escalationId: current.frozenByEscalationId },
      after: { frozenAt: null },
    });
    return { brandId: data.brandId, frozenAt: current.frozenAt, escalationId: current.frozenByEscalationId };
  });
  await ctx.notify.publish({ type: 'publishing.unfrozen', brandId: data.brandId, escalationId: lifted.escalationId });
  return lifted;
}
