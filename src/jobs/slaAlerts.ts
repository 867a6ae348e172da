import type { Ctx } from '../core/context.js';
import { findSlaBreaches, markSlaAlerted, type SlaBreach } from '../core/responseTimes.js';
import type { Delivery } from './delivery.js';
import type { Job } from './job.js';

/**
 * Interactions unanswered past their brand's response-time SLA: the community managers
 * hear about each once. Breaches are claimed (markSlaAlerted) before the alert goes out,
 * so replicas never alert twice; an alert that fails to send is not repeated, and the
 * breach still shows in the digest and on App Home.
 */
export async function runSlaAlerts(ctx: Ctx, delivery: Delivery, now: Date): Promise<SlaBreach[]> {
  const breaches = await findSlaBreaches(ctx, { now });
  if (breaches.length === 0) return [];
  const claimed = new Set(await markSlaAlerted(ctx, { interactionIds: breaches.map((b) => b.id), now }));
  const byBrand = new Map<number, SlaBreach[]>();
  for (const breach of breaches) if (claimed.has(breach.id)) byBrand.set(breach.brandId, [...(byBrand.get(breach.brandId) ?? []), breach]);
  const alerted: SlaBreach[] = [];
  for (const [brandId, list] of byBrand) {
    try {
      if (!(await delivery.alertSlaBreaches({ brandId, breaches: list }))) ctx.log.info({ brandId, breaches: list.length }, 'SLA alert: nobody to tell');
      alerted.push(...list);
    } catch (error) {
      ctx.log.warn({ err: error, brandId }, 'SLA alert could not be sent');
    }
  }
  return alerted;
}

export function createSlaAlertsJob(delivery: Delivery): Job {
  return {
    name: 'sla-alerts',
    cron: '* * * * *',
    async run(ctx, now) {
      await runSlaAlerts(ctx, delivery, now);
    },
  };
}
