import { PermissionFlagsBits } from 'discord.js';
import { requireBotPermission } from '../guards.js';
import { moderateMember } from '../moderate.js';
import type { SlashCommand } from '../types.js';
import { reasonOption, slashDefinition, subjectOf, userOption } from './options.js';
import { describeOutcome } from './outcome.js';

const permission = PermissionFlagsBits.KickMembers;

/** `/kick <user> [reason]`: the member is told by DM first, while they still share the server. */
export const kickCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.kick.name', 'discord.cmd.kick.description', permission, [userOption('discord.opt.user.kick'), reasonOption()]),
  async run(interaction, deps, language) {
    requireBotPermission(interaction.appPermissions, PermissionFlagsBits.KickMembers);
    const outcome = await moderateMember(deps, {
      guild: interaction.guild,
      action: 'kick',
      target: subjectOf(interaction),
      moderator: interaction.member,
      reason: interaction.options.getString('reason'),
    });
    return { content: describeOutcome(outcome, language) };
  },
};
