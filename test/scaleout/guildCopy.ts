import type { DiscordWorld, FakeGuild } from '../../src/playground/discord/state.js';

/**
 * Adds a copy of a seeded guild under another id (so it lands on another shard): same
 * members and roles, its own channels. Role ids other than @everyone are shared, which
 * Discord would never do but which nothing here depends on.
 */
export function addGuildCopy(world: DiscordWorld, fromGuildId: string, guildId: string, name: string): { guildId: string; channelOf(channelId: string): string } {
  const from = world.guilds.get(fromGuildId);
  if (!from) throw new Error(`no guild ${fromGuildId} in the stand-in`);
  const offset = BigInt(guildId) - BigInt(fromGuildId);
  const channelOf = (channelId: string) => (BigInt(channelId) + offset).toString();
  const remap = (id: string) => (id === fromGuildId ? guildId : id);
  const guild: FakeGuild = {
    ...from,
    id: guildId,
    name,
    roles: from.roles.map((role) => ({ ...structuredClone(role), id: remap(role.id) })),
    members: new Map([...from.members].map(([id, member]) => [id, structuredClone(member)])),
    bans: new Map(),
  };
  world.guilds.set(guildId, guild);
  for (const channel of [...world.channels.values()]) {
    if (!('guild_id' in channel) || channel.guild_id !== fromGuildId) continue;
    const copy = structuredClone(channel);
    copy.id = channelOf(channel.id);
    copy.guild_id = guildId;
    copy.permission_overwrites = (channel.permission_overwrites ?? []).map((o) => ({ ...o, id: remap(o.id) }));
    world.channels.set(copy.id, copy);
  }
  return { guildId, channelOf };
}
