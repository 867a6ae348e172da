import { z } from 'zod';
import type { Ctx } from './context.js';
import { parseInput } from './validation.js';

// A platform may deliver the same request twice: Slack retries one it got no answer to
// within 3 seconds, and the retry may reach another replica than the first delivery,
// which is still working on it. The first delivery's id is recorded in the database, the
// one place every replica sees, so the retry can tell it is one.

export const recordDeliverySchema = z.object({
  /** The platform's id for the request (Slack: event_id, or trigger_id for commands and interactions). */
  id: z.string().trim().min(1).max(200),
  source: z.string().trim().min(1).max(40),
});

/** True when this is the first time the delivery is seen (by any replica). */
export async function recordDelivery(ctx: Ctx, input: z.input<typeof recordDeliverySchema>): Promise<boolean> {
  const data = parseInput(recordDeliverySchema, input);
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    INSERT INTO processed_events (id, source, received_at) VALUES (${data.id}, ${data.source}, ${ctx.clock.now()})
    ON CONFLICT (id) DO NOTHING
    RETURNING id`;
  return rows.length === 1;
}

export const forgetDeliveriesSchema = z.object({
  source: z.string().trim().min(1).max(40),
  /** Deliveries recorded before this are dropped: retries come within minutes. */
  before: z.date(),
});

export async function forgetDeliveries(ctx: Ctx, input: z.input<typeof forgetDeliveriesSchema>): Promise<number> {
  const data = parseInput(forgetDeliveriesSchema, input);
  const removed = await ctx.db.processedEvent.deleteMany({ where: { source: data.source, receivedAt: { lt: data.before } } });
  return removed.count;
}
