import { PermissionFlagsBits } from 'discord.js';
import { translate } from '../../i18n/catalog.js';
import { requireBotPermission } from '../guards.js';
import { auditReasonFor, recordChannelCase } from '../moderate.js';
import type { SlashCommand } from '../types.js';
import { botPermissionsIn, channelOption, reasonOption, slashDefinition, targetChannel } from './options.js';

const permission = PermissionFlagsBits.ManageChannels;

/** `/unlock [channel] [reason]`: removes the lock's deny, leaving the channel's other permissions alone. */
export const unlockCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.unlock.name', 'discord.cmd.unlock.description', permission, [channelOption('discord.opt.channel.unlock'), reasonOption()]),
  async run(interaction, deps, language) {
    const channel = targetChannel(interaction);
    requireBotPermission(botPermissionsIn(interaction, channel), PermissionFlagsBits.ManageChannels, PermissionFlagsBits.ManageRoles);
    const reason = interaction.options.getString('reason');
    await channel.permissionOverwrites.edit(interaction.guild.roles.everyone, { SendMessages: null }, { reason: auditReasonFor(interaction.member, reason) });
    const kase = await recordChannelCase(deps, { guild: interaction.guild, action: 'unlock', channel, moderator: interaction.member, reason });
    return { content: translate(language, 'discord.unlock.done', { number: kase.number, channel: `<#${channel.id}>` }) };
  },
};
