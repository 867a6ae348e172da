import { claimDuePages } from '../core/escalations.js';
import type { Job } from './job.js';

/**
 * Re-pages strategists about escalations nobody acknowledged (sev1 every 10 min, sev2
 * every 30 by default; per brand). Due pages are read from the database, so a restart
 * loses none. Each page is claimed in the database before it is sent: of two replicas
 * only one claims it, and a replica dying between claim and send drops that page rather
 * than sending it twice; the next one comes an interval later. Claiming publishes
 * 'escalation.updated' (paged) in this process: the Slack adapter redraws the alert in
 * place and posts the page in its thread, mentioning the strategists.
 */
export function createRepageJob(owner: string): Job {
  return {
    name: 'escalation-repage',
    cron: '* * * * *',
    leaseMs: 60_000,
    async run(ctx, now) {
      const pages = await claimDuePages(ctx, { now, owner, limit: 100 });
      if (pages.length) ctx.log.info({ pages: pages.map((p) => ({ escalationId: p.escalationId, pageCount: p.pageCount })) }, 'escalations re-paged');
    },
  };
}
