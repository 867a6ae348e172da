import { PermissionFlagsBits } from 'discord.js';
import { moderateMember } from '../moderate.js';
import type { SlashCommand } from '../types.js';
import { reasonOption, slashDefinition, subjectOf, userOption } from './options.js';
import { describeOutcome } from './outcome.js';

const permission = PermissionFlagsBits.ModerateMembers;

/** `/warn <user> <reason>`: a case and a DM; enough warnings trigger the guild's punishment. */
export const warnCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.warn.name', 'discord.cmd.warn.description', permission, [userOption('discord.opt.user.warn'), reasonOption(true)]),
  async run(interaction, deps, language) {
    const outcome = await moderateMember(deps, {
      guild: interaction.guild,
      action: 'warn',
      target: subjectOf(interaction),
      moderator: interaction.member,
      reason: interaction.options.getString('reason', true),
    });
    return { content: describeOutcome(outcome, language) };
  },
};
