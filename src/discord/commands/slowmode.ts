import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { formatDuration } from '../../core/duration.js';
import { translate } from '../../i18n/catalog.js';
import { requireBotPermission } from '../guards.js';
import { named } from '../localize.js';
import { auditReasonFor, recordChannelCase } from '../moderate.js';
import type { SlashCommand } from '../types.js';
import { botPermissionsIn, channelOption, slashDefinition, targetChannel } from './options.js';

const permission = PermissionFlagsBits.ManageChannels;

/** `/slowmode <seconds> [channel]`: 0 turns it off; Discord allows up to 6 hours. */
export const slowmodeCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.slowmode.name', 'discord.cmd.slowmode.description', permission, [
    { type: ApplicationCommandOptionType.Integer, ...named('discord.opt.seconds.name', 'discord.opt.seconds.description'), required: true, min_value: 0, max_value: 21_600 },
    channelOption('discord.opt.channel.slowmode'),
  ]),
  async run(interaction, deps, language) {
    const channel = targetChannel(interaction);
    requireBotPermission(botPermissionsIn(interaction, channel), PermissionFlagsBits.ManageChannels);
    const seconds = interaction.options.getInteger('seconds', true);
    const reason = seconds ? `slowmode ${formatDuration(seconds)}` : 'slowmode off';
    await channel.setRateLimitPerUser(seconds, auditReasonFor(interaction.member, reason));
    const kase = await recordChannelCase(deps, { guild: interaction.guild, action: 'slowmode', channel, moderator: interaction.member, durationSeconds: seconds });
    return {
      content: seconds
        ? translate(language, 'discord.slowmode.on', { number: kase.number, channel: `<#${channel.id}>`, duration: formatDuration(seconds) })
        : translate(language, 'discord.slowmode.off', { number: kase.number, channel: `<#${channel.id}>` }),
    };
  },
};
