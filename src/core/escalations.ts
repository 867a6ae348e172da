import { z } from 'zod';
import type { Escalation, Prisma } from '../generated/prisma/client.js';
import { recordAudit } from './audit.js';
import { getBrand, requirePermission } from './brands.js';
import type { Ctx } from './context.js';
import { takeNextNumber } from './counters.js';
import { UserError } from './errors.js';
import { recordEscalationEvent } from './escalationTimeline.js';
import { loadEscalationView, originRefSchema, severitySchema, type EscalationView } from './escalationViews.js';
import { findBrandInteraction } from './interactions.js';
import { platformSchema } from './people.js';
import { freezeBrandFor } from './publishingFreeze.js';
import { idSchema, parseInput } from './validation.js';
import { formatLocalMoment, loadPersonName } from './whoWhen.js';

// The escalation area in one import for adapters and jobs; each part lives in its own file.
export { claimDuePages, findDuePages, recordPage, type DuePage, type RecordedPage } from './escalationPaging.js';
export { getEscalationTimeline, type EscalationActor, type TimelineEntry } from './escalationTimeline.js';
export { getEscalation, listOpenEscalations, type EscalationView, type OpenEscalation } from './escalationViews.js';
export { buildPostmortem, type Postmortem } from './postmortem.js';
export { liftFreeze, type LiftedFreeze } from './publishingFreeze.js';
export { getSentimentPicture, type SentimentPicture } from './sentimentPicture.js';

export const raisedViaSchema = z.enum(['slack_button', 'slack_shortcut', 'slack_command', 'discord', 'automod']);

export const raiseEscalationSchema = z
  .object({
    brandId: idSchema,
    /** The person raising it; absent when Discord or automod raises it for someone unknown here. */
    actorId: idSchema.optional(),
    /** A platform identity when there is no person ("discord:123", "automod"). */
    actorRef: z.string().trim().min(1).max(200).optional(),
    severity: severitySchema,
    summary: z.string().trim().min(1, 'say what is happening').max(2000),
    interactionId: idSchema.optional(),
    raisedVia: raisedViaSchema,
    originRef: originRefSchema.optional(),
  })
  .refine((v) => v.actorId !== undefined || v.actorRef !== undefined, { message: 'who is raising it? give actorId or actorRef', path: ['actorId'] });

export type RaisedEscalation = EscalationView & { existing: boolean };

const minuteMs = 60_000;

/**
 * Raises an escalation, numbered per brand. Raising from an interaction that already has
 * an open escalation returns that one (`existing: true`): a second click links, it does
 * not page the strategists twice. A sev1 freezes the brand's publishing.
 */
export async function raiseEscalation(ctx: Ctx, input: z.input<typeof raiseEscalationSchema>): Promise<RaisedEscalation> {
  const data = parseInput(raiseEscalationSchema, input);
  // A platform-only raiser was vetted by its platform (Discord moderator permissions, automod rules).
  if (data.actorId !== undefined) await requirePermission(ctx, data.brandId, data.actorId, 'escalation.raise');
  const brand = await getBrand(ctx, data.brandId);
  if (data.interactionId !== undefined) await findBrandInteraction(ctx.db, data.brandId, data.interactionId);
  const now = ctx.clock.now();
  const actor = { actorId: data.actorId ?? null, actorRef: data.actorRef ?? null };
  const outcome = await ctx.db.$transaction(async (tx) => {
    if (data.interactionId !== undefined) {
      // Two clicks on Escalate at once queue on the interaction's row lock, so the second sees the first's escalation.
      await tx.$queryRaw`SELECT id FROM interactions WHERE id = ${data.interactionId} FOR UPDATE`;
      const open = await tx.escalationInteraction.findFirst({
        where: { interactionId: data.interactionId, escalation: { status: { not: 'resolved' } } },
        orderBy: { escalationId: 'asc' },
      });
      if (open) return { id: open.escalationId, existing: true, froze: false };
    }
    const number = await takeNextNumber(tx, `brand:${data.brandId}`, 'escalation');
    const repageMinutes = brand.settings.repageMinutes[data.severity];
    const escalation = await tx.escalation.create({
      data: {
        brandId: data.brandId,
        number,
        severity: data.severity,
        summary: data.summary,
        raisedById: actor.actorId,
        raisedVia: data.raisedVia,
        originRef: data.originRef,
        nextPageAt: repageMinutes > 0 ? new Date(now.getTime() + repageMinutes * minuteMs) : null,
        createdAt: now,
      },
    });
    if (data.interactionId !== undefined) {
      await tx.escalationInteraction.create({ data: { escalationId: escalation.id, interactionId: data.interactionId, linkedById: actor.actorId, createdAt: now } });
    }
    await recordEscalationEvent(tx, {
      escalationId: escalation.id,
      type: 'raised',
      at: now,
      ...actor,
      note: data.summary,
      data: { severity: data.severity, raisedVia: data.raisedVia, interactionId: data.interactionId },
    });
    await recordAudit(tx, {
      brandId: data.brandId,
      ...actor,
      action: 'escalation.raised',
      subjectType: 'escalation',
      subjectId: escalation.id,
      after: { number, severity: data.severity, summary: data.summary, raisedVia: data.raisedVia, interactionId: data.interactionId },
    });
    const froze = data.severity === 'sev1' ? await freezeBrandFor(tx, { brandId: data.brandId, escalationId: escalation.id, ...actor, at: now }) : false;
    return { id: escalation.id, existing: false, froze };
  });
  if (!outcome.existing) await ctx.notify.publish({ type: 'escalation.raised', brandId: data.brandId, escalationId: outcome.id });
  if (outcome.froze) await ctx.notify.publish({ type: 'publishing.frozen', brandId: data.brandId, escalationId: outcome.id });
  return { ...(await loadEscalationView(ctx.db, outcome.id)), existing: outcome.existing };
}

/**
 * Locks the escalation row for the rest of the transaction: two people acting on the same
 * escalation at once are served one after the other, and the second sees the first's work.
 */
async function lockEscalation(tx: Prisma.TransactionClient, brandId: number, escalationId: number): Promise<Escalation> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM escalations WHERE id = ${escalationId} AND brand_id = ${brandId} FOR UPDATE`;
  if (rows.length === 0) throw new UserError('escalation.notFound', { id: escalationId });
  return tx.escalation.findUniqueOrThrow({ where: { id: escalationId } });
}

async function refuseResolved(tx: Prisma.TransactionClient, escalation: Escalation, zone: string): Promise<UserError> {
  return new UserError('escalation.alreadyResolved', {
    number: escalation.number,
    who: await loadPersonName(tx, escalation.resolvedById),
    when: formatLocalMoment(escalation.resolvedAt ?? escalation.createdAt, zone),
  });
}

const escalationActionSchema = z.object({ brandId: idSchema, actorId: idSchema, escalationId: idSchema });

export const acknowledgeEscalationSchema = escalationActionSchema;

/** "I'm on it": stops the re-paging. Of two strategists acknowledging at once, one is recorded. */
export async function acknowledgeEscalation(ctx: Ctx, input: z.input<typeof acknowledgeEscalationSchema>): Promise<EscalationView> {
  const data = parseInput(acknowledgeEscalationSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'escalation.acknowledge');
  const brand = await getBrand(ctx, data.brandId);
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    const current = await lockEscalation(tx, data.brandId, data.escalationId);
    if (current.status === 'resolved') throw await refuseResolved(tx, current, brand.settings.timezone);
    if (current.status === 'acknowledged') {
      throw new UserError('escalation.alreadyAcknowledged', {
        number: current.number,
        who: await loadPersonName(tx, current.acknowledgedById),
        when: formatLocalMoment(current.acknowledgedAt ?? now, brand.settings.timezone),
      });
    }
    await tx.escalation.update({
      where: { id: current.id },
      data: { status: 'acknowledged', acknowledgedById: data.actorId, acknowledgedAt: now, nextPageAt: null },
    });
    await recordEscalationEvent(tx, { escalationId: current.id, type: 'acknowledged', at: now, actorId: data.actorId });
    await recordAudit(tx, {
      brandId: data.brandId,
      actorId: data.actorId,
      action: 'escalation.acknowledged',
      subjectType: 'escalation',
      subjectId: current.id,
      before: { status: current.status, nextPageAt: current.nextPageAt },
      after: { status: 'acknowledged', nextPageAt: null },
    });
  });
  await ctx.notify.publish({ type: 'escalation.updated', brandId: data.brandId, escalationId: data.escalationId, change: 'acknowledged' });
  return loadEscalationView(ctx.db, data.escalationId);
}

export const addEscalationNoteSchema = escalationActionSchema.extend({
  note: z.string().trim().min(1, 'the note is empty').max(2000),
});

/** A note on the timeline; allowed after resolution too, for the postmortem. */
export async function addEscalationNote(ctx: Ctx, input: z.input<typeof addEscalationNoteSchema>): Promise<EscalationView> {
  const data = parseInput(addEscalationNoteSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'escalation.note');
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    const current = await lockEscalation(tx, data.brandId, data.escalationId);
    await recordEscalationEvent(tx, { escalationId: current.id, type: 'note', at: now, actorId: data.actorId, note: data.note });
    await recordAudit(tx, { brandId: data.brandId, actorId: data.actorId, action: 'escalation.note', subjectType: 'escalation', subjectId: current.id, after: { note: data.note } });
  });
  await ctx.notify.publish({ type: 'escalation.updated', brandId: data.brandId, escalationId: data.escalationId, change: 'note' });
  return loadEscalationView(ctx.db, data.escalationId);
}

export const linkInteractionSchema = escalationActionSchema.extend({ interactionId: idSchema });

/** Adds an interaction to an open escalation; linking it again changes nothing (`linked: false`). */
export async function linkInteraction(ctx: Ctx, input: z.input<typeof linkInteractionSchema>): Promise<EscalationView & { linked: boolean }> {
  const data = parseInput(linkInteractionSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'escalation.note');
  const brand = await getBrand(ctx, data.brandId);
  await findBrandInteraction(ctx.db, data.brandId, data.interactionId);
  const now = ctx.clock.now();
  const linked = await ctx.db.$transaction(async (tx) => {
    const current = await lockEscalation(tx, data.brandId, data.escalationId);
    if (current.status === 'resolved') throw await refuseResolved(tx, current, brand.settings.timezone);
    const { count } = await tx.escalationInteraction.createMany({
      data: [{ escalationId: current.id, interactionId: data.interactionId, linkedById: data.actorId, createdAt: now }],
      skipDuplicates: true,
    });
    if (count === 0) return false;
    await recordEscalationEvent(tx, { escalationId: current.id, type: 'linked', at: now, actorId: data.actorId, data: { interactionId: data.interactionId } });
    await recordAudit(tx, { brandId: data.brandId, actorId: data.actorId, action: 'escalation.linked', subjectType: 'escalation', subjectId: current.id, after: { interactionId: data.interactionId } });
    return true;
  });
  if (linked) await ctx.notify.publish({ type: 'escalation.updated', brandId: data.brandId, escalationId: data.escalationId, change: 'linked' });
  return { ...(await loadEscalationView(ctx.db, data.escalationId)), linked };
}

export const resolveEscalationSchema = escalationActionSchema.extend({
  resolution: z.string().trim().min(1, 'say how it was resolved').max(3000),
});

/**
 * Closes the escalation with its resolution; paging stops. The publishing freeze stays
 * until a strategist lifts it on purpose: resolving the thread is not deciding to publish.
 */
export async function resolveEscalation(ctx: Ctx, input: z.input<typeof resolveEscalationSchema>): Promise<EscalationView> {
  const data = parseInput(resolveEscalationSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'escalation.resolve');
  const brand = await getBrand(ctx, data.brandId);
  const now = ctx.clock.now();
  await ctx.db.$transaction(async (tx) => {
    const current = await lockEscalation(tx, data.brandId, data.escalationId);
    if (current.status === 'resolved') throw await refuseResolved(tx, current, brand.settings.timezone);
    await tx.escalation.update({
      where: { id: current.id },
      data: { status: 'resolved', resolvedById: data.actorId, resolvedAt: now, resolution: data.resolution, nextPageAt: null },
    });
    await recordEscalationEvent(tx, { escalationId: current.id, type: 'resolved', at: now, actorId: data.actorId, note: data.resolution });
    await recordAudit(tx, {
      brandId: data.brandId,
      actorId: data.actorId,
      action: 'escalation.resolved',
      subjectType: 'escalation',
      subjectId: current.id,
      before: { status: current.status },
      after: { status: 'resolved', resolution: data.resolution },
    });
  });
  await ctx.notify.publish({ type: 'escalation.updated', brandId: data.brandId, escalationId: data.escalationId, change: 'resolved' });
  return loadEscalationView(ctx.db, data.escalationId);
}

export const setAlertMessageSchema = z.object({
  escalationId: idSchema,
  platform: platformSchema,
  channelId: z.string().min(1).max(100),
  messageId: z.string().min(1).max(100),
});

/** Remembers where the alert was posted, so every later change updates it in place. */
export async function setAlertMessage(ctx: Ctx, input: z.input<typeof setAlertMessageSchema>): Promise<void> {
  const data = parseInput(setAlertMessageSchema, input);
  await ctx.db.$transaction(async (tx) => {
    const current = await tx.escalation.findUnique({ where: { id: data.escalationId } });
    if (!current) throw new UserError('escalation.notFound', { id: data.escalationId });
    await tx.escalation.update({
      where: { id: current.id },
      data: { alertPlatform: data.platform, alertChannelId: data.channelId, alertMessageId: data.messageId },
    });
    await recordAudit(tx, {
      brandId: current.brandId,
      actorRef: 'system',
      action: 'escalation.alertPosted',
      subjectType: 'escalation',
      subjectId: current.id,
      before: { channelId: current.alertChannelId, messageId: current.alertMessageId },
      after: { platform: data.platform, channelId: data.channelId, messageId: data.messageId },
    });
  });
}
