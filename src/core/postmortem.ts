import { z } from 'zod';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { readTimeline, type EscalationActor, type TimelineEntry } from './escalationTimeline.js';
import { loadEscalationView, type EscalationView } from './escalationViews.js';
import { countSentimentWindows, type SentimentWindow } from './sentimentPicture.js';
import { idSchema, parseInput } from './validation.js';

export const buildPostmortemSchema = z.object({
  escalationId: idSchema,
  /** When given, an escalation of another brand is "not found". */
  brandId: idSchema.optional(),
});

export type Postmortem = {
  escalation: Omit<EscalationView, 'interactions'>;
  /** Raise to acknowledge; when nobody pressed Acknowledge, raise to resolve. Null while neither happened. */
  timeToAcknowledgeMs: number | null;
  timeToResolveMs: number | null;
  interactions: EscalationView['interactions'];
  /** Negative share 7 days before the raise, while it was open, and 24 h after the resolution (up to now). */
  sentiment: { before: SentimentWindow; during: SentimentWindow; after: SentimentWindow | null };
  notes: { at: Date; actor: EscalationActor | null; note: string }[];
  /** Who did what, in order: the whole timeline. */
  timeline: TimelineEntry[];
};

const dayMs = 24 * 3_600_000;

/** The facts of a crisis, for the draft posted when it is resolved. Plain data; wording is the adapter's. */
export async function buildPostmortem(ctx: Ctx, input: z.input<typeof buildPostmortemSchema>): Promise<Postmortem> {
  const data = parseInput(buildPostmortemSchema, input);
  const found = await ctx.db.escalation.findFirst({ where: { id: data.escalationId, ...(data.brandId ? { brandId: data.brandId } : {}) }, select: { id: true } });
  if (!found) throw new UserError('escalation.notFound', { id: data.escalationId });
  const now = ctx.clock.now();
  const [view, timeline] = await Promise.all([loadEscalationView(ctx.db, found.id), readTimeline(ctx.db, found.id)]);
  const { interactions, ...escalation } = view;
  const raisedAt = view.raisedAt.getTime();
  const acknowledgedAt = view.acknowledgedAt ?? view.resolvedAt;
  const duringEnd = view.resolvedAt ?? now;
  const windows = [
    { from: new Date(raisedAt - 7 * dayMs), to: view.raisedAt },
    { from: view.raisedAt, to: duringEnd },
    ...(view.resolvedAt ? [{ from: view.resolvedAt, to: new Date(Math.min(view.resolvedAt.getTime() + dayMs, Math.max(now.getTime(), view.resolvedAt.getTime()))) }] : []),
  ];
  const [before, during, after] = await countSentimentWindows(ctx.db, view.brandId, windows);
  if (!before || !during) throw new Error('sentiment windows missing');
  return {
    escalation,
    timeToAcknowledgeMs: acknowledgedAt ? acknowledgedAt.getTime() - raisedAt : null,
    timeToResolveMs: view.resolvedAt ? view.resolvedAt.getTime() - raisedAt : null,
    interactions,
    sentiment: { before, during, after: after ?? null },
    notes: timeline.filter((e) => e.type === 'note').map((e) => ({ at: e.at, actor: e.actor, note: e.note ?? '' })),
    timeline,
  };
}
