import { Options, type ClientOptions, type SweeperOptions } from 'discord.js';

/**
 * What discord.js keeps in memory, bounded. By default it keeps every user and guild member
 * it ever saw (each message carries its author's), so a busy community's bot grows for as
 * long as it runs; `bench:memory` shows it. Tandem reads who did what from interaction
 * payloads (resolved members, member permissions), not from these caches, and keeps its
 * own two-minute history for the flood rule, so it can forget freely:
 * - messages: at most 100 per channel, and none older than 30 minutes;
 * - users and members: dropped every 30 minutes and capped in between, except the bot's
 *   own (discord.js needs `guild.members.me` for permission checks);
 * - reactions and presences: never kept (Tandem does not ask for those intents).
 */
export const discordSweepers: SweeperOptions = {
  ...Options.DefaultSweeperSettings,
  messages: { interval: 300, lifetime: 1800 },
  users: { interval: 1800, filter: () => (user) => user.id !== user.client.user.id },
  guildMembers: { interval: 1800, filter: () => (member) => member.id !== member.client.user.id },
};

export function discordCacheOptions(): Pick<ClientOptions, 'makeCache' | 'sweepers'> {
  return {
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 100,
      UserManager: { maxSize: 5_000, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: 2_000, keepOverLimit: (member) => member.id === member.client.user.id },
      ReactionManager: 0,
      PresenceManager: 0,
    }),
    sweepers: discordSweepers,
  };
}
