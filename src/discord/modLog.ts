import type { Guild } from 'discord.js';
import { getGuild } from '../core/guilds.js';
import type { ModerationCase } from '../core/moderation.js';
import type { Language } from '../i18n/catalog.js';
import { renderCaseEmbed } from './embeds.js';
import type { DiscordDeps } from './types.js';

/**
 * Posts a case to the guild's mod-log channel; returns the message id, or null when there
 * is no mod log or Discord refused. The action already happened: a mod log that cannot
 * be written is logged, never turned into a failed command.
 */
export async function postCaseToModLog(deps: DiscordDeps, guild: Guild, kase: ModerationCase, language: Language): Promise<string | null> {
  const { modLogChannelId } = await getGuild(deps.ctx, guild.id);
  if (!modLogChannelId) return null;
  const channel = guild.channels.cache.get(modLogChannelId);
  if (!channel?.isTextBased()) return null;
  try {
    const message = await channel.send({ embeds: [renderCaseEmbed(kase, language)], allowedMentions: { parse: [] } });
    return message.id;
  } catch (error) {
    deps.ctx.log.warn({ err: error, guild: guild.id, case: kase.number }, 'could not post to the mod log');
    return null;
  }
}
