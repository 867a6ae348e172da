import { compileAutomodRules, type CompiledRuleSet } from '../core/automod.js';
import { loadAutomodRuleSet } from '../core/automodRules.js';
import type { Ctx } from '../core/context.js';

/**
 * Compiled automod rules per guild. Reading the rules for every message would put a
 * database round trip on the hot path; changes made here (`/automod`, `/setup`) invalidate
 * at once, changes from elsewhere (brand banned words in Slack, another replica) within
 * `ttlMs`.
 */
export type AutomodCache = {
  rulesFor(guildId: string): Promise<CompiledRuleSet>;
  invalidate(guildId: string): void;
};

export function createAutomodCache(ctx: Ctx, ttlMs = 60_000): AutomodCache {
  const entries = new Map<string, { rules: Promise<CompiledRuleSet>; expiresAt: number }>();
  return {
    rulesFor(guildId) {
      const now = ctx.clock.now().getTime();
      const cached = entries.get(guildId);
      if (cached && cached.expiresAt > now) return cached.rules;
      const rules = loadAutomodRuleSet(ctx, guildId).then(compileAutomodRules);
      // A failed load is not cached: the next message tries again.
      rules.catch(() => entries.delete(guildId));
      entries.set(guildId, { rules, expiresAt: now + ttlMs });
      return rules;
    },
    invalidate(guildId) {
      entries.delete(guildId);
    },
  };
}
