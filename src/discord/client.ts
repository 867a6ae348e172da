import { Client, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.js';
import { discordCacheOptions } from './cache.js';
import { shardOptionsOf, type ShardSettings } from './sharding.js';

/** Waiting longer than this on a rate limit would outlive the interaction: answer instead. */
const maxRateLimitWaitMs = 3000;

/** DISCORD_API_URL is the API base (…/api); discord.js adds the version itself. */
export function discordApiBase(url: string | undefined): string | undefined {
  return url?.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/**
 * discord.js over the gateway. Intents: guilds (roles, channels), guild messages and
 * message content (automod reads messages; Message Content is privileged and must be
 * enabled for the bot in the developer portal). REST base from DISCORD_API_URL; the
 * gateway URL comes from its /gateway/bot.
 */
export function createDiscordClient(config: Pick<Config, 'DISCORD_API_URL'> & ShardSettings): Client {
  const api = discordApiBase(config.DISCORD_API_URL);
  return new Client({
    // DISCORD_SHARDS / DISCORD_SHARD_IDS: which shards of the bot this replica connects.
    ...shardOptionsOf(config),
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    // Nothing Tandem posts pings anyone unless it says so.
    allowedMentions: { parse: [] },
    // Bounded caches, swept on a schedule: without it every member ever seen stays in memory (cache.ts).
    ...discordCacheOptions(),
    rest: { ...(api ? { api } : {}), rejectOnRateLimit: (limit) => limit.retryAfter > maxRateLimitWaitMs },
  });
}
