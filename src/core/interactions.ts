import { z } from 'zod';
import type { Interaction, Prisma } from '../generated/prisma/client.js';
import { InteractionKind } from '../generated/prisma/enums.js';
import { networkSchema } from './networkRules.js';
import type { TextAnalysis } from './assistant.js';
import { recordAudit } from './audit.js';
import { getBrand, requirePermission } from './brands.js';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { idSchema, parseInput } from './validation.js';
import { formatLocalMoment, loadPersonName } from './whoWhen.js';

export const interactionKindSchema = z.enum(InteractionKind);
export type { Interaction };
export { networkSchema };

/** Clocks of platforms and people disagree a little; more than this ahead is a mistake. */
const futureToleranceMs = 5 * 60_000;

/** One interaction as a person or an import row describes it. */
export const interactionFieldsSchema = z.object({
  network: networkSchema,
  kind: interactionKindSchema,
  author: z.string().trim().min(1, 'who wrote it?').max(200),
  text: z.string().trim().min(1, 'the text is empty').max(10_000),
  link: z.url({ protocol: /^https?$/, error: 'must be an http(s) link' }).max(2000).optional(),
  receivedAt: z.date().optional(),
  /** The person says it is (or is not) a sales lead; absent, the assistant decides. */
  lead: z.boolean().optional(),
  /** Where it came from (a Discord message id, an import row), so logging it twice is harmless. */
  sourceRef: z.string().trim().min(1).max(200).optional(),
});
export type InteractionFields = z.infer<typeof interactionFieldsSchema>;

export const logInteractionSchema = interactionFieldsSchema.extend({ brandId: idSchema, actorId: idSchema });

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

/** The received time, refused when it is clearly in the future (a wrong date typed). */
export function checkReceivedAt(receivedAt: Date | undefined, now: Date): Date {
  if (!receivedAt) return now;
  if (receivedAt.getTime() > now.getTime() + futureToleranceMs) {
    throw new UserError('interaction.inFuture', { when: receivedAt.toISOString() });
  }
  return receivedAt;
}

/** The row to store for one interaction, given what the assistant made of its text. */
export function toInteractionRow(brandId: number, actorId: number, fields: InteractionFields, analysis: TextAnalysis, now: Date): Prisma.InteractionCreateManyInput {
  const isLead = fields.lead ?? analysis.leadIntent;
  return {
    brandId,
    network: fields.network,
    kind: fields.kind,
    author: fields.author,
    text: fields.text,
    link: fields.link ?? null,
    sentiment: analysis.sentiment,
    sentimentScore: analysis.score,
    crisisRisk: analysis.crisisRisk,
    language: analysis.language,
    leadStage: isLead ? 'new' : null,
    receivedAt: checkReceivedAt(fields.receivedAt, now),
    loggedById: actorId,
    sourceRef: fields.sourceRef ?? null,
    createdAt: now,
  };
}

async function findBySourceRef(ctx: Ctx, brandId: number, sourceRef: string): Promise<Interaction | null> {
  return ctx.db.interaction.findUnique({ where: { brandId_sourceRef: { brandId, sourceRef } } });
}

/** `analysis`: the assistant's reading when this call logged it, so adapters can say whether the offline fallback answered. */
export type LoggedInteraction = { interaction: Interaction; created: boolean; analysis?: TextAnalysis };

/**
 * Logs a comment, DM, mention or review with the assistant's reading of it (sentiment,
 * crisis risk, lead intent). Logging the same `sourceRef` again returns the first one.
 */
export async function logInteraction(ctx: Ctx, input: z.input<typeof logInteractionSchema>): Promise<LoggedInteraction> {
  const data = parseInput(logInteractionSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'interaction.log');
  const now = ctx.clock.now();
  checkReceivedAt(data.receivedAt, now);
  if (data.sourceRef) {
    const existing = await findBySourceRef(ctx, data.brandId, data.sourceRef);
    if (existing) return { interaction: existing, created: false };
  }
  // The assistant may be a slow network call: never hold a transaction (and its locks) across it.
  const analysis = await ctx.ai.analyzeText(data.text);
  let interaction: Interaction;
  try {
    interaction = await ctx.db.$transaction(async (tx) => {
      const created = await tx.interaction.create({ data: toInteractionRow(data.brandId, data.actorId, data, analysis, now) });
      await recordAudit(tx, {
        brandId: data.brandId,
        actorId: data.actorId,
        action: 'interaction.logged',
        subjectType: 'interaction',
        subjectId: created.id,
        after: { network: created.network, kind: created.kind, sentiment: created.sentiment, leadStage: created.leadStage, sourceRef: created.sourceRef },
      });
      return created;
    });
  } catch (error) {
    // The same source logged by someone else in the same instant (a redelivered event): theirs stands.
    const existing = data.sourceRef && isUniqueViolation(error) ? await findBySourceRef(ctx, data.brandId, data.sourceRef) : null;
    if (existing) return { interaction: existing, created: false };
    throw error;
  }
  await ctx.notify.publish({ type: 'interaction.logged', brandId: data.brandId, interactionId: interaction.id });
  return { interaction, created: true, analysis };
}

/** The interaction, refused as not found when it belongs to another brand. */
export async function findBrandInteraction(db: Pick<Prisma.TransactionClient, 'interaction'>, brandId: number, interactionId: number): Promise<Interaction> {
  const interaction = await db.interaction.findFirst({ where: { id: interactionId, brandId } });
  if (!interaction) throw new UserError('interaction.notFound', { id: interactionId });
  return interaction;
}

export const markRespondedSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  interactionId: idSchema,
  /** When the reply went out; now when absent. */
  respondedAt: z.date().optional(),
});

export type RespondedInteraction = { interaction: Interaction; responseMs: number };

/** Records the reply; the first one counts, a second is refused naming who answered and when. */
export async function markResponded(ctx: Ctx, input: z.input<typeof markRespondedSchema>): Promise<RespondedInteraction> {
  const data = parseInput(markRespondedSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'interaction.respond');
  const brand = await getBrand(ctx, data.brandId);
  const now = ctx.clock.now();
  const respondedAt = data.respondedAt ?? now;
  const current = await findBrandInteraction(ctx.db, data.brandId, data.interactionId);
  if (respondedAt.getTime() > now.getTime() + futureToleranceMs) throw new UserError('interaction.inFuture', { when: respondedAt.toISOString() });
  if (respondedAt < current.receivedAt) throw new UserError('interaction.respondedBeforeReceived', { received: formatLocalMoment(current.receivedAt, brand.settings.timezone) });
  return ctx.db.$transaction(async (tx) => {
    // Conditional update: of two people marking it at once, exactly one wins.
    const { count } = await tx.interaction.updateMany({
      where: { id: current.id, brandId: data.brandId, respondedAt: null },
      data: { respondedAt, respondedById: data.actorId },
    });
    const after = await tx.interaction.findUniqueOrThrow({ where: { id: current.id } });
    if (count === 0) {
      throw new UserError('interaction.alreadyResponded', {
        who: await loadPersonName(tx, after.respondedById),
        when: formatLocalMoment(after.respondedAt ?? now, brand.settings.timezone),
      });
    }
    const responseMs = respondedAt.getTime() - after.receivedAt.getTime();
    await recordAudit(tx, {
      brandId: data.brandId,
      actorId: data.actorId,
      action: 'interaction.responded',
      subjectType: 'interaction',
      subjectId: current.id,
      before: { respondedAt: null },
      after: { respondedAt, responseMs },
    });
    return { interaction: after, responseMs };
  });
}

export const listOpenInteractionsSchema = z.object({
  brandId: idSchema,
  limit: z.number().int().min(1).max(500).default(50),
});

export type OpenInteraction = Interaction & { ageMinutes: number };

/** Unanswered interactions, oldest first: the queue a community manager works through. */
export async function listOpenInteractions(ctx: Ctx, input: z.input<typeof listOpenInteractionsSchema>): Promise<{ total: number; items: OpenInteraction[] }> {
  const data = parseInput(listOpenInteractionsSchema, input);
  const now = ctx.clock.now();
  const where = { brandId: data.brandId, respondedAt: null };
  const [total, rows] = await Promise.all([
    ctx.db.interaction.count({ where }),
    ctx.db.interaction.findMany({ where, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], take: data.limit }),
  ]);
  return { total, items: rows.map((row) => ({ ...row, ageMinutes: Math.max(0, Math.floor((now.getTime() - row.receivedAt.getTime()) / 60_000)) })) };
}
