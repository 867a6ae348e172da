import { PermissionFlagsBits } from 'discord.js';
import { requireBotPermission } from '../guards.js';
import { moderateMember } from '../moderate.js';
import type { SlashCommand } from '../types.js';
import { reasonOption, slashDefinition, subjectOf, userOption } from './options.js';
import { describeOutcome } from './outcome.js';

const permission = PermissionFlagsBits.ModerateMembers;

/** `/untimeout <user> [reason]`: lifts a timeout early. */
export const untimeoutCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.untimeout.name', 'discord.cmd.untimeout.description', permission, [userOption('discord.opt.user.untimeout'), reasonOption()]),
  async run(interaction, deps, language) {
    requireBotPermission(interaction.appPermissions, PermissionFlagsBits.ModerateMembers);
    const outcome = await moderateMember(deps, {
      guild: interaction.guild,
      action: 'untimeout',
      target: subjectOf(interaction),
      moderator: interaction.member,
      reason: interaction.options.getString('reason'),
    });
    return { content: describeOutcome(outcome, language) };
  },
};
