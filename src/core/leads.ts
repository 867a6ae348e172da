import { z } from 'zod';
import type { Interaction } from '../generated/prisma/client.js';
import { LeadStage } from '../generated/prisma/enums.js';
import { recordAudit } from './audit.js';
import { requirePermission } from './brands.js';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { findBrandInteraction } from './interactions.js';
import { idSchema, parseInput } from './validation.js';

export const leadStageSchema = z.enum(LeadStage);
export type LeadStageName = z.infer<typeof leadStageSchema>;

/**
 * Where a lead may go next. `none` is an interaction nobody has called a lead yet: a
 * person may spot one the assistant missed. handed_off and lost are final.
 */
const nextStages: Record<LeadStageName | 'none', readonly LeadStageName[]> = {
  none: ['new'],
  new: ['qualified', 'lost'],
  qualified: ['handed_off', 'lost'],
  handed_off: [],
  lost: [],
};

export function allowedNextStages(stage: LeadStageName | null): readonly LeadStageName[] {
  return nextStages[stage ?? 'none'];
}

export const setLeadStageSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  interactionId: idSchema,
  stage: leadStageSchema,
});

function refuseTransition(from: LeadStageName | null, to: LeadStageName): UserError {
  const allowed = allowedNextStages(from);
  return new UserError('lead.illegalTransition', { from: from ?? 'none', to, allowed: allowed.length ? allowed.join(', ') : 'none' });
}

/** Moves a lead along new → qualified → handed_off | lost (or new → lost). */
export async function setLeadStage(ctx: Ctx, input: z.input<typeof setLeadStageSchema>): Promise<Interaction> {
  const data = parseInput(setLeadStageSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'lead.update');
  const current = await findBrandInteraction(ctx.db, data.brandId, data.interactionId);
  if (!allowedNextStages(current.leadStage).includes(data.stage)) throw refuseTransition(current.leadStage, data.stage);
  return ctx.db.$transaction(async (tx) => {
    // Only from the stage we checked: if someone moved it meanwhile, judge again from theirs.
    const { count } = await tx.interaction.updateMany({ where: { id: current.id, leadStage: current.leadStage }, data: { leadStage: data.stage } });
    const after = await tx.interaction.findUniqueOrThrow({ where: { id: current.id } });
    if (count === 0) throw refuseTransition(after.leadStage, data.stage);
    await recordAudit(tx, {
      brandId: data.brandId,
      actorId: data.actorId,
      action: 'lead.stageChanged',
      subjectType: 'interaction',
      subjectId: current.id,
      before: { leadStage: current.leadStage },
      after: { leadStage: data.stage },
    });
    return after;
  });
}

export const listLeadsSchema = z.object({
  brandId: idSchema,
  stages: z.array(leadStageSchema).min(1).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

/** Leads of a brand, newest first, optionally only some stages (the open pipeline: new, qualified). */
export async function listLeads(ctx: Ctx, input: z.input<typeof listLeadsSchema>): Promise<Interaction[]> {
  const data = parseInput(listLeadsSchema, input);
  return ctx.db.interaction.findMany({
    where: { brandId: data.brandId, leadStage: data.stages ? { in: data.stages } : { not: null } },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: data.limit,
  });
}
