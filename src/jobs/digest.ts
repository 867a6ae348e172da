import type { Ctx } from '../core/context.js';
import { findDueDigests } from '../core/digestSchedule.js';
import type { DigestKind } from '../core/digestRuns.js';
import type { Job } from './job.js';
import { sendDigest, type DigestOutcome, type DigestSender } from './digestSend.js';

/**
 * Sends every digest of `kind` that is due at `now`, one brand after the other. A brand
 * with nowhere to post is skipped without a claim, so setting a digest channel later in
 * the day still gets that day's digest (marked late).
 */
export async function sendDueDigests(ctx: Ctx, sender: DigestSender, kind: DigestKind, now: Date): Promise<DigestOutcome[]> {
  const outcomes: DigestOutcome[] = [];
  for (const due of await findDueDigests(ctx, { now, kind })) {
    if (!(await sender.delivery.hasDigestDestination(due.brandId))) continue;
    // One brand's broken digest must not keep the others from theirs.
    const outcome = await sendDigest(ctx, sender, due).catch((error: unknown) => {
      ctx.log.error({ err: error, brandId: due.brandId, kind }, 'digest could not be claimed');
      return null;
    });
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
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
