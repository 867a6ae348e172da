import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.js';
import type { EscalationEventType } from '../generated/prisma/enums.js';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { idSchema, parseInput } from './validation.js';
import { loadPersonNames } from './whoWhen.js';

/** Who did something: a known person, or a platform identity (a Discord moderator, automod). */
export type EscalationActor = { personId: number | null; name: string | null; ref: string | null };

export type TimelineEntry = {
  id: number;
  type: EscalationEventType;
  at: Date;
  actor: EscalationActor | null;
  note: string | null;
  data: Record<string, unknown>;
};

export type NewTimelineEvent = {
  escalationId: number;
  type: EscalationEventType;
  at: Date;
  actorId?: number | null;
  actorRef?: string | null;
  note?: string | null;
  data?: Record<string, unknown>;
};

function toJson(value: Record<string, unknown>): Prisma.InputJsonValue | undefined {
  return Object.keys(value).length ? (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue) : undefined;
}

/** One step on the timeline, at the core's clock (not the database's) so durations are exact. */
export async function recordEscalationEvent(tx: Pick<Prisma.TransactionClient, 'escalationEvent'>, event: NewTimelineEvent): Promise<void> {
  // Event rows have no actor_ref column: a platform identity travels in data.
  const data = { ...(event.data ?? {}), ...(event.actorRef ? { actorRef: event.actorRef } : {}) };
  await tx.escalationEvent.create({
    data: { escalationId: event.escalationId, type: event.type, actorId: event.actorId ?? null, note: event.note ?? null, data: toJson(data), createdAt: event.at },
  });
}

export function toActor(personId: number | null | undefined, ref: string | null | undefined, names: Map<number, string>): EscalationActor | null {
  if (personId !== null && personId !== undefined) return { personId, name: names.get(personId) ?? null, ref: ref ?? null };
  if (ref) return { personId: null, name: null, ref };
  return null;
}

function dataOf(value: Prisma.JsonValue | null): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function actorRefOf(data: Record<string, unknown>): string | null {
  return typeof data.actorRef === 'string' ? data.actorRef : null;
}

/** An escalation's timeline, oldest first, with actor names. */
export async function readTimeline(db: Pick<Prisma.TransactionClient, 'escalationEvent' | 'person'>, escalationId: number): Promise<TimelineEntry[]> {
  const events = await db.escalationEvent.findMany({ where: { escalationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const names = await loadPersonNames(db, events.map((e) => e.actorId));
  return events.map((event) => {
    const data = dataOf(event.data);
    return { id: event.id, type: event.type, at: event.createdAt, actor: toActor(event.actorId, actorRefOf(data), names), note: event.note, data };
  });
}

export const getEscalationTimelineSchema = z.object({
  escalationId: idSchema,
  /** When given, an escalation of another brand is "not found". */
  brandId: idSchema.optional(),
});

/** Raised, paged, acknowledged, notes, links, resolved, freeze: each with who and when. */
export async function getEscalationTimeline(ctx: Ctx, input: z.input<typeof getEscalationTimelineSchema>): Promise<TimelineEntry[]> {
  const data = parseInput(getEscalationTimelineSchema, input);
  const escalation = await ctx.db.escalation.findFirst({ where: { id: data.escalationId, ...(data.brandId ? { brandId: data.brandId } : {}) }, select: { id: true } });
  if (!escalation) throw new UserError('escalation.notFound', { id: data.escalationId });
  return readTimeline(ctx.db, escalation.id);
}
