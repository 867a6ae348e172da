import { Events, type Client } from 'discord.js';
import type { Config } from '../config.js';
import type { Ctx } from '../core/context.js';
import { createAutomodCache } from './automodCache.js';
import { createAutomodListener } from './automodListener.js';
import { createDiscordClient } from './client.js';
import { commands } from './commands/index.js';
import { createMessageHistory } from './messageHistory.js';
import { observeInteractions, type InteractionObservers } from './interactionScope.js';
import { createInteractionRouter } from './router.js';
import { describeShards, ownsGuild, type ShardSettings } from './sharding.js';
import { syncCommandsIfChanged } from './syncCommands.js';
import type { DiscordDeps } from './types.js';

export type DiscordBot = {
  client: Client<true>;
  deps: DiscordDeps;
  /** Whether this replica's shards own the guild: gateway-bound work for it belongs here. */
  ownsGuild(guildId: string): boolean;
  stop(): Promise<void>;
};

export type DiscordBotOptions = InteractionObservers & {
  /** Give up starting when the gateway is not ready by then. */
  readyTimeoutMs?: number;
  /** Register commands at startup when they changed (default true). */
  syncCommands?: boolean;
};

function waitForReady(client: Client, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Discord gateway not ready after ${timeoutMs} ms`)), timeoutMs);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Connects the bot, wires commands and automod, and syncs commands when they changed. */
export async function startDiscordBot(ctx: Ctx, config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL'> & ShardSettings, options: DiscordBotOptions = {}): Promise<DiscordBot> {
  // discord.js would fall back to process.env.DISCORD_TOKEN: only the parsed config counts here.
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  const log = ctx.log.child({ platform: 'discord' });
  const client = createDiscordClient(config);
  // Listeners are attached before login so nothing dispatched right after READY is missed;
  // they only run once the client is ready, hence the cast.
  const deps: DiscordDeps = { ctx: { ...ctx, log }, client: client as Client<true>, automod: createAutomodCache(ctx), history: createMessageHistory() };
  const route = observeInteractions(createInteractionRouter(deps, commands), options);
  const automod = createAutomodListener(deps);
  // Discord routes a guild's events to its shard only; the check keeps guild-scoped work
  // on the owning shard even if a misconfigured replica overlaps another's shard range.
  const ours = (guildId: string | null) => guildId === null || ownsGuild(client, guildId);
  client.on(Events.InteractionCreate, (interaction) => {
    if (!ours(interaction.guildId)) return log.warn({ guild: interaction.guildId, interaction: interaction.id }, 'interaction for a guild of another shard ignored');
    void route(interaction).catch((error: unknown) => log.error({ err: error }, 'interaction handler failed'));
  });
  client.on(Events.MessageCreate, (message) => {
    if (ours(message.guildId)) void automod(message);
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  // Gateway and shard life (identify, resume, heartbeats) for LOG_LEVEL=debug.
  client.on(Events.Debug, (message) => log.debug({ source: 'discord.js' }, message));
  const ready = waitForReady(client, options.readyTimeoutMs ?? 30_000);
  try {
    await client.login(config.DISCORD_TOKEN);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  log.info({ ...describeShards(client), guilds: client.guilds.cache.size }, 'discord gateway ready');
  if (options.syncCommands !== false) {
    // Commands registered earlier keep working: a failed sync is worth a log line, not an outage.
    await syncCommandsIfChanged(deps.ctx, deps.client).catch((error: unknown) => log.warn({ err: error }, 'could not register discord commands'));
  }
  return {
    client: deps.client,
    deps,
    ownsGuild: (guildId) => ownsGuild(client, guildId),
    async stop() {
      await client.destroy();
    },
  };
}
