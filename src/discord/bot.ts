import { Events, type Client } from 'discord.js';
import type { Config } from '../config.js';
import type { Ctx } from '../core/context.js';
import { createAutomodCache } from './automodCache.js';
import { createAutomodListener } from './automodListener.js';
import { createDiscordClient } from './client.js';
import { commands } from './commands/index.js';
import { createMessageHistory } from './messageHistory.js';
import { createInteractionRouter } from './router.js';
import { syncCommandsIfChanged } from './syncCommands.js';
import type { DiscordDeps } from './types.js';

export type DiscordBot = {
  client: Client<true>;
  deps: DiscordDeps;
  stop(): Promise<void>;
};

export type DiscordBotOptions = {
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
export async function startDiscordBot(ctx: Ctx, config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL'>, options: DiscordBotOptions = {}): Promise<DiscordBot> {
  // discord.js would fall back to process.env.DISCORD_TOKEN: only the parsed config counts here.
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  const log = ctx.log.child({ platform: 'discord' });
  const client = createDiscordClient(config);
  // Listeners are attached before login so nothing dispatched right after READY is missed;
  // they only run once the client is ready, hence the cast.
  const deps: DiscordDeps = { ctx: { ...ctx, log }, client: client as Client<true>, automod: createAutomodCache(ctx), history: createMessageHistory() };
  const route = createInteractionRouter(deps, commands);
  const automod = createAutomodListener(deps);
  client.on(Events.InteractionCreate, (interaction) => void route(interaction).catch((error: unknown) => log.error({ err: error }, 'interaction handler failed')));
  client.on(Events.MessageCreate, (message) => void automod(message));
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  const ready = waitForReady(client, options.readyTimeoutMs ?? 30_000);
  try {
    await client.login(config.DISCORD_TOKEN);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  if (options.syncCommands !== false) {
    // Commands registered earlier keep working: a failed sync is worth a log line, not an outage.
    await syncCommandsIfChanged(deps.ctx, deps.client).catch((error: unknown) => log.warn({ err: error }, 'could not register discord commands'));
  }
  return {
    client: deps.client,
    deps,
    async stop() {
      await client.destroy();
    },
  };
}
