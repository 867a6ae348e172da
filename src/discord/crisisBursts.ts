import { raiseCrisisBurst } from '../core/crisisBursts.js';
import type { DomainEventListener } from '../core/notifier.js';
import type { DiscordDeps } from './types.js';

/**
 * Watches the community for a burst: after each case or report, checks whether the
 * brand's automod threshold was crossed and, if so, raises the escalation. Checks for one
 * brand run one after the other, so one burst raises one escalation. Nobody waits on it:
 * automod and the moderator's answer go on while the strategists are paged.
 */
export function watchCrisisBursts(deps: DiscordDeps): DomainEventListener {
  const chains = new Map<number, Promise<void>>();
  return (event) => {
    if ((event.type !== 'moderation.case' && event.type !== 'moderation.report') || !event.brandId) return;
    const { brandId, guildId } = event;
    const check = (chains.get(brandId) ?? Promise.resolve())
      .then(async () => {
        const burst = await raiseCrisisBurst(deps.ctx, { brandId, guildId });
        if (burst) deps.ctx.log.info({ brandId, guildId, escalationId: burst.escalation.id, violations: burst.violations, reports: burst.reports }, 'automod burst escalated');
      })
      .catch((error: unknown) => deps.ctx.log.warn({ err: error, brandId, guildId }, 'could not check for an automod burst'))
      .finally(() => {
        if (chains.get(brandId) === check) chains.delete(brandId);
      });
    chains.set(brandId, check);
  };
}
