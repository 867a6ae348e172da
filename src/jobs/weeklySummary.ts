import type { DigestSender } from './digestSend.js';
import { sendDueDigests } from './digest.js';
import type { Job } from './job.js';

/**
 * The weekly summary: on Mondays at the brand's digest time, the week before in one
 * message. Same claim as the daily digest (kind "weekly"), so it goes out once per brand
 * per Monday whatever the number of replicas; missed on Monday, it is not sent on Tuesday.
 */
export function createWeeklySummaryJob(sender: DigestSender): Job {
  return {
    name: 'weekly-summary',
    // Every minute, like the daily digest: each brand's Monday starts at its own midnight.
    cron: '* * * * *',
    async run(ctx, now) {
      await sendDueDigests(ctx, sender, 'weekly', now);
    },
  };
}
