import { Status } from 'discord.js';
import type { AdapterDeps, RunningAdapter } from '../app.js';
import { startDiscordBot, type DiscordBot } from './bot.js';

export type RunningDiscord = RunningAdapter & { bot: DiscordBot };

/** The Discord adapter as app.ts (and the playground) start it. */
export async function startDiscordAdapter(deps: AdapterDeps): Promise<RunningDiscord> {
  const bot = await startDiscordBot({ ...deps.ctx, log: deps.log }, deps.config, { metrics: deps.metrics, inFlight: deps.inFlight });
  return {
    name: 'discord',
    bot,
    status: () => (bot.client.ws.status === Status.Ready ? 'connected' : 'disconnected'),
    stop: () => bot.stop(),
  };
}
