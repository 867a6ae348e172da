import { PermissionFlagsBits } from 'discord.js';
import { translate } from '../../i18n/catalog.js';
import { requireBotPermission } from '../guards.js';
import { auditReasonFor, recordChannelCase } from '../moderate.js';
import type { SlashCommand } from '../types.js';
import { botPermissionsIn, channelOption, reasonOption, slashDefinition, targetChannel } from './options.js';

const permission = PermissionFlagsBits.ManageChannels;

/** `/lock [channel] [reason]`: @everyone can no longer send messages there. */
export const lockCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.lock.name', 'discord.cmd.lock.description', permission, [channelOption('discord.opt.channel.lock'), reasonOption()]),
  async run(interaction, deps, language) {
    const channel = targetChannel(interaction);
    requireBotPermission(botPermissionsIn(interaction, channel), PermissionFlagsBits.ManageChannels, PermissionFlagsBits.ManageRoles);
    const reason = interaction.options.getString('reason');
    await channel.permissionOverwrites.edit(interaction.guild.roles.everyone, { SendMessages: false }, { reason: auditReasonFor(interaction.member, reason) });
    const kase = await recordChannelCase(deps, { guild: interaction.guild, action: 'lock', channel, moderator: interaction.member, reason });
    return { content: translate(language, 'discord.lock.done', { number: kase.number, channel: `<#${channel.id}>` }) };
  },
};
