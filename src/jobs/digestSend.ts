import type { Ctx } from '../core/context.js';
import { prepareDigest } from '../core/digestContent.js';
import { claimDigestRun, markDigestFailed, markDigestSent, type DigestKind, type DigestRunView } from '../core/digestRuns.js';
import { dateOnly } from '../core/time.js';
import type { DeliveredMessage, Delivery } from './delivery.js';

/**
 * Sending one digest exactly once, whoever asks (the digest job on any replica, the
 * weekly job, `/digest now`):
 *
 * 1. Claim the run (brand, kind, local date) in the database; only one process gets it.
 * 2. If the run was attempted before (a failed send, or a sender that died holding it), ask
 *    the platforms whether that attempt posted after all: a send can fail after Slack took
 *    the message (a lost answer, a crash before step 4). Found: record it, post nothing.
 * 3. Build and post the digest.
 * 4. Record the message on the run. If even that fails, the run is marked failed (or its
 *    lease runs out) and the next attempt finds the message in step 2.
 *
 * A failed attempt is retried with backoff by whichever replica ticks after its retry
 * time (see `computeRetryDelayMs`), up to `maxDigestAttempts`.
 */

export type DigestSender = { delivery: Delivery; owner: string };

export type DigestRequest = { brandId: number; kind: DigestKind; localDate: string; late: boolean };

export type DigestOutcome =
  | { status: 'sent'; run: DigestRunView; message: DeliveredMessage }
  /** An earlier attempt had posted it; now it is recorded. */
  | { status: 'recovered'; run: DigestRunView; message: DeliveredMessage }
  /** Someone else has it: sending, sent, or failed and waiting for its retry. */
  | { status: 'taken' }
  | { status: 'failed'; run: DigestRunView; error: unknown };

// Digests are posted on their local day; local days start at most 14 hours before UTC's.
const earliestOffsetMs = 14 * 3_600_000;
const recordAttempts = 3;
const recordRetryMs = 250;

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The post is done: recording it is worth a few tries before falling back on step 2. */
async function recordSent(ctx: Ctx, run: DigestRunView, owner: string, message: DeliveredMessage): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const recorded = await markDigestSent(ctx, { runId: run.id, owner, channelId: message.channelId, messageId: message.messageId });
      if (!recorded) ctx.log.warn({ runId: run.id, owner }, 'digest posted after its claim ran out; the process that took it over finds this message');
      return;
    } catch (error) {
      if (attempt >= recordAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, recordRetryMs * attempt));
    }
  }
}

/** Steps 2-4 for a run this process holds. */
export async function deliverClaimedRun(ctx: Ctx, sender: DigestSender, run: DigestRunView): Promise<DigestOutcome> {
  const key = { brandId: run.brandId, kind: run.kind, localDate: run.localDate };
  try {
    if (run.attempts > 0) {
      const since = new Date(dateOnly(run.localDate).getTime() - earliestOffsetMs);
      const posted = await sender.delivery.findPostedDigest({ ...key, since });
      if (posted) {
        await recordSent(ctx, run, sender.owner, posted);
        return { status: 'recovered', run, message: posted };
      }
    }
    const digest = await prepareDigest(ctx, { ...key, late: run.late });
    const message = await sender.delivery.postDigest(digest);
    // The destination went away between the check and the send (a setting changed).
    if (!message) throw new Error('the brand has nowhere to post its digest');
    await recordSent(ctx, run, sender.owner, message);
    return { status: 'sent', run, message };
  } catch (error) {
    ctx.log.warn({ err: error, runId: run.id, brandId: run.brandId, attempts: run.attempts + 1 }, 'digest send failed; it will be retried');
    await markDigestFailed(ctx, { runId: run.id, owner: sender.owner, error: describeError(error) }).catch((markError: unknown) =>
      // The claim's lease runs out instead, and the run is taken over like a silent sender's.
      ctx.log.warn({ err: markError, runId: run.id }, 'could not record the failed digest send'),
    );
    return { status: 'failed', run, error };
  }
}

/** Claims the digest and sends it; `taken` when another process has it. */
export async function sendDigest(ctx: Ctx, sender: DigestSender, request: DigestRequest): Promise<DigestOutcome> {
  const run = await claimDigestRun(ctx, { ...request, owner: sender.owner });
  if (!run) return { status: 'taken' };
  return deliverClaimedRun(ctx, sender, run);
}
