// One simulated hour in a minute: the same discord.js sweepers Tandem configures, with
// their intervals and lifetimes divided by `speedUp`. Messages are stamped with the real
// clock, so a lifetime shortened by the same factor ages them the same way.
import { Sweepers, type Client, type SweeperOptions } from 'discord.js';

export function speedUpSweepers(client: Client<true>, speedUp: number): void {
  const scaled: Record<string, unknown> = {};
  for (const [key, options] of Object.entries(client.sweepers.options)) {
    if (!options) continue;
    scaled[key] = { ...options, interval: options.interval / speedUp, ...('lifetime' in options && typeof options.lifetime === 'number' ? { lifetime: options.lifetime / speedUp } : {}) };
  }
  // destroy() stops the intervals; discord.js calls it on logout but leaves it out of its typings.
  (client.sweepers as Sweepers & { destroy(): void }).destroy();
  client.sweepers = new Sweepers(client, scaled as SweeperOptions);
}

/** What discord.js holds right now: users, guild members, messages (all channels). */
export function discordCacheSizes(client: Client<true>): { users: number; members: number; messages: number } {
  let members = 0;
  let messages = 0;
  for (const guild of client.guilds.cache.values()) {
    members += guild.members.cache.size;
    for (const channel of guild.channels.cache.values()) if ('messages' in channel) messages += channel.messages.cache.size;
  }
  return { users: client.users.cache.size, members, messages };
}
