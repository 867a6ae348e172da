import type { AutomodHistory } from '../core/automod.js';

/** Longest flood window a rule may use (automodRules: flood.seconds ≤ 120). */
const keepMs = 120_000;
const maxPerAuthor = 50;

/**
 * Recent message times per guild member, for the flood rule. In memory on purpose: it
 * only needs the last two minutes, and a guild's messages reach one shard.
 */
export type MessageHistory = {
  /** Earlier messages of this author (before `at`), then remembers this one. */
  record(guildId: string, authorId: string, at: number): AutomodHistory;
  clear(guildId: string, authorId: string): void;
};

export function createMessageHistory(): MessageHistory {
  const times = new Map<string, number[]>();
  let writes = 0;
  const sweep = (now: number) => {
    for (const [key, list] of times) if ((list.at(-1) ?? 0) < now - keepMs) times.delete(key);
  };
  return {
    record(guildId, authorId, at) {
      const key = `${guildId}:${authorId}`;
      const earlier = (times.get(key) ?? []).filter((time) => time > at - keepMs);
      const history = earlier.map((createdAt) => ({ createdAt }));
      earlier.push(at);
      times.set(key, earlier.slice(-maxPerAuthor));
      if (++writes % 1000 === 0) sweep(at);
      return history;
    },
    clear(guildId, authorId) {
      times.delete(`${guildId}:${authorId}`);
    },
  };
}
