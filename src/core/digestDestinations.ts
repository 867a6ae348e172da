import type { Ctx } from './context.js';
import { idSchema, parseInput } from './validation.js';

export type GuildDigestChannel = { guildId: string; channelId: string };

/** The Discord channels a brand's digest also goes to: each linked guild's digest channel (set with /setup). */
export async function listGuildDigestChannels(ctx: Ctx, brandId: number): Promise<GuildDigestChannel[]> {
  const id = parseInput(idSchema, brandId);
  const guilds = await ctx.db.discordGuild.findMany({ where: { brandId: id, digestChannelId: { not: null } }, orderBy: { guildId: 'asc' } });
  return guilds.flatMap((guild) => (guild.digestChannelId ? [{ guildId: guild.guildId, channelId: guild.digestChannelId }] : []));
}
