import type { Ctx } from '../core/context.js';
import { findDueDigests, type DueDigest } from '../core/digestSchedule.js';
import type { DigestKind } from '../core/digestRuns.js';
import type { Job } from './job.js';
import { sendDigest, type DigestOutcome, type DigestSender } from './digestSend.js';

/** Digests sent at once: at 09:00 many brands are due together, and each waits mostly on the platform. */
const parallelSends = 4;

/**
 * Sends every digest of `kind` that is due at `now`, a few brands at a time. A brand
 * with nowhere to post is skipped without a claim, so setting a digest channel later in
 * the day still gets that day's digest (marked late).
 */
export async function sendDueDigests(ctx: Ctx, sender: DigestSender, kind: DigestKind, now: Date): Promise<DigestOutcome[]> {
  const queue = await findDueDigests(ctx, { now, kind });
  const outcomes: DigestOutcome[] = [];
  const worker = async () => {
    for (let due = queue.shift(); due; due = queue.shift()) {
      const brandId = due.brandId;
      // One brand's broken digest must not keep the others from theirs.
      const outcome = await sendIfDeliverable(ctx, sender, due).catch((error: unknown) => {
        ctx.log.error({ err: error, brandId, kind }, 'digest could not be claimed');
        return null;
      });
      if (outcome) outcomes.push(outcome);
    }
  };
  await Promise.all(Array.from({ length: parallelSends }, worker));
  return outcomes;
}

async function sendIfDeliverable(ctx: Ctx, sender: DigestSender, due: DueDigest): Promise<DigestOutcome | null> {
  if (!(await sender.delivery.hasDigestDestination(due.brandId))) return null;
  return sendDigest(ctx, sender, due);
}

/**
 * The daily digest: every minute, each brand whose local digest time (09:00 by default,
 * in its own time zone) has passed today and has no digest yet gets one. Missed while
 * Tandem was down: sent when it is back the same day, saying it is late.
 */
export function createDigestJob(sender: DigestSender): Job {
  return {
    name: 'daily-digest',
    cron: '* * * * *',
    async run(ctx, now) {
      await sendDueDigests(ctx, sender, 'daily', now);
    },
  };
}
