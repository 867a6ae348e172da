import type { Client } from 'discord.js';
import type { Config } from '../config.js';

export type ShardSettings = Partial<Pick<Config, 'DISCORD_SHARDS' | 'DISCORD_SHARD_IDS'>>;

/** What discord.js is told: `shards` this process runs out of `shardCount` in all. */
export type ShardOptions = { shards: 'auto' } | { shards: readonly number[]; shardCount: number };

/**
 * The discord.js shard options for this replica. Always explicit: left unset, discord.js
 * would read SHARDS / SHARD_COUNT from the environment itself, and only the parsed config
 * counts here.
 */
export function shardOptionsOf(settings: ShardSettings): ShardOptions {
  const count = settings.DISCORD_SHARDS ?? 'auto';
  if (count === 'auto') return { shards: 'auto' };
  const ids = settings.DISCORD_SHARD_IDS ?? Array.from({ length: count }, (_, id) => id);
  return { shards: ids, shardCount: count };
}

/** Discord sends a guild's events to shard (guild_id >> 22) % shard_count, and only there. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * Whether a guild's gateway-bound work (its events, its cache) belongs to this client.
 * Read from the client once connected, so `auto` uses the count Discord recommended.
 */
export function ownsGuild(client: Client, guildId: string): boolean {
  const { shards, shardCount } = client.options;
  if (!Array.isArray(shards) || typeof shardCount !== 'number') return true;
  return shards.includes(shardOfGuild(guildId, shardCount));
}

/** The shards this client runs, for logs and /readyz. */
export function describeShards(client: Client): { shards: readonly number[]; shardCount: number } | null {
  const { shards, shardCount } = client.options;
  return Array.isArray(shards) && typeof shardCount === 'number' ? { shards, shardCount } : null;
}
