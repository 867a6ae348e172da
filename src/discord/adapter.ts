import { Status } from 'discord.js';
import type { AdapterDeps, RunningAdapter } from '../app.js';
import { startDiscordBot, type DiscordBot } from './bot.js';
import { createDiscordDelivery } from './digestDelivery.js';
import { watchCrisisBursts } from './crisisBursts.js';
import { tellEscalationRaisers } from './escalationNotices.js';

export type RunningDiscord = RunningAdapter & { bot: DiscordBot };

/** The Discord adapter as app.ts (and the playground) start it. */
export async function startDiscordAdapter(deps: AdapterDeps): Promise<RunningDiscord> {
  const bot = await startDiscordBot({ ...deps.ctx, log: deps.log }, deps.config, { metrics: deps.metrics, inFlight: deps.inFlight });
  // Crises raised here are worked in Slack: the raiser hears back, and bursts are escalated.
  const unsubscribe = [deps.events.subscribe(tellEscalationRaisers(bot.deps)), deps.events.subscribe(watchCrisisBursts(bot.deps))];
  return {
    name: 'discord',
    bot,
    // Every shard of this replica: the client's own status stays "ready" after one shard drops.
    status: () => (bot.client.ws.shards.size > 0 && bot.client.ws.shards.every((shard) => shard.status === Status.Ready) ? 'connected' : 'disconnected'),
    // The optional digest in each linked guild's digest channel.
    delivery: createDiscordDelivery(deps.ctx, bot.client),
    async stop() {
      for (const stopFollowing of unsubscribe) stopFollowing();
      await bot.stop();
    },
  };
}
