import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Ctx } from '../core/context.js';
import { forgetDeliveries, recordDelivery } from '../core/deliveries.js';
import type { Log } from '../core/log.js';
import { ackFirstMaxWaitMs, slackFrontDoor } from './afterAck.js';

const source = 'slack';
/** Slack retries after 1 and 5 minutes at the latest; an hour is plenty. */
const keepMs = 3_600_000;
/** Old records are swept every this many deliveries (per replica). */
const sweepEvery = 500;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** What identifies one delivery across its retries: the event id, or the trigger id Slack issues per invocation. */
export function deliveryIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  return text(fields.event_id) ?? text(fields.trigger_id);
}

/**
 * Bolt global middleware: a Slack retry of a request that a replica already took (it was
 * slow to acknowledge, and is still working on it) is acknowledged and dropped instead of
 * done twice — two posts planned for one /plan. First deliveries are recorded after the
 * acknowledgements, so acknowledging them is not slowed down; a retry waits for the check.
 */
export function slackRetryGuard(ctx: Ctx, log: Log): Middleware<AnyMiddlewareArgs> {
  let seen = 0;
  /** First deliveries taken by this process whose record is not written yet. */
  const recording = new Set<string>();
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    const id = deliveryIdOf(args.body);
    if (!id) return args.next();
    if (args.context.retryNum === undefined) {
      // Recorded once the acknowledgements waiting are sent (afterAck.ts): Slack retries
      // only a delivery left unacknowledged for 3 s, so the record is there long before.
      recording.add(id);
      void slackFrontDoor
        .quiet(ackFirstMaxWaitMs)
        .then(() => recordDelivery(ctx, { id, source }))
        .catch((error: unknown) => log.warn({ err: error }, 'could not record a Slack delivery'))
        .finally(() => recording.delete(id));
      if (++seen % sweepEvery === 0) {
        void forgetDeliveries(ctx, { source, before: new Date(ctx.clock.now().getTime() - keepMs) }).catch((error: unknown) => log.warn({ err: error }, 'could not forget old Slack deliveries'));
      }
      return args.next();
    }
    // A retry: if recording fails, doing it twice beats not doing it at all.
    // A retry close behind the first delivery may find it not recorded yet, but still here.
    const first = !recording.has(id) && (await recordDelivery(ctx, { id, source }).catch(() => true));
    if (first) return args.next();
    log.info({ retryNum: args.context.retryNum, retryReason: args.context.retryReason }, 'Slack retry of a request already being handled: acknowledged, not repeated');
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}
