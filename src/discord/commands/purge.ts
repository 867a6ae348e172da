import { ApplicationCommandOptionType, PermissionFlagsBits, Routes } from 'discord.js';
import { translate } from '../../i18n/catalog.js';
import { requireBotPermission } from '../guards.js';
import { guildLanguage } from '../language.js';
import { named } from '../localize.js';
import { auditReasonFor, recordChannelCase } from '../moderate.js';
import type { SlashCommand } from '../types.js';
import { botPermissionsIn, slashDefinition, targetChannel, userOption } from './options.js';

const permission = PermissionFlagsBits.ManageMessages;
/** Discord refuses to bulk delete anything older (error 50034); a minute's margin for clock drift. */
const bulkDeleteMaxAgeMs = 14 * 86_400_000 - 60_000;

/** `/purge <count> [user]`: deletes recent messages in this channel, optionally one member's only. */
export const purgeCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.purge.name', 'discord.cmd.purge.description', permission, [
    { type: ApplicationCommandOptionType.Integer, ...named('discord.opt.count.name', 'discord.opt.count.description'), required: true, min_value: 1, max_value: 100 },
    userOption('discord.opt.user.purge', false),
  ]),
  async run(interaction, deps, language) {
    const channel = targetChannel(interaction);
    requireBotPermission(botPermissionsIn(interaction, channel), PermissionFlagsBits.ViewChannel, PermissionFlagsBits.ReadMessageHistory, PermissionFlagsBits.ManageMessages);
    const count = interaction.options.getInteger('count', true);
    const user = interaction.options.getUser('user');
    const recent = await channel.messages.fetch({ limit: 100 });
    const chosen = [...recent.values()]
      .filter((message) => !user || message.author.id === user.id)
      .sort((a, b) => b.createdTimestamp - a.createdTimestamp)
      .slice(0, count);
    const cutoff = deps.ctx.clock.now().getTime() - bulkDeleteMaxAgeMs;
    const deletable = chosen.filter((message) => message.createdTimestamp > cutoff).map((message) => message.id);
    const skipped = chosen.length - deletable.length;
    const skippedLine = skipped ? `\n${translate(language, 'discord.purge.skipped', { skipped })}` : '';
    if (deletable.length === 0) return { content: translate(language, 'discord.purge.none') + skippedLine };

    const caseLanguage = await guildLanguage(deps.ctx, interaction.guild);
    const reason = translate(caseLanguage, user ? 'discord.purge.caseReasonFrom' : 'discord.purge.caseReason', { count: deletable.length, user: user?.tag ?? '' });
    const auditReason = auditReasonFor(interaction.member, reason);
    // Bulk delete takes 2–100 ids; a single message goes through the plain delete.
    if (deletable.length === 1) await deps.client.rest.delete(Routes.channelMessage(channel.id, deletable[0] as string), { reason: auditReason });
    else await deps.client.rest.post(Routes.channelBulkDelete(channel.id), { body: { messages: deletable }, reason: auditReason });
    const kase = await recordChannelCase(deps, { guild: interaction.guild, action: 'purge', channel, moderator: interaction.member, reason });
    return { content: translate(language, 'discord.purge.done', { number: kase.number, deleted: deletable.length, channel: `<#${channel.id}>` }) + skippedLine };
  },
};
