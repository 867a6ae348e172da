import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { maxTimeoutSeconds, parseDuration } from '../../core/duration.js';
import { requireBotPermission } from '../guards.js';
import { named } from '../localize.js';
import { moderateMember } from '../moderate.js';
import type { SlashCommand } from '../types.js';
import { reasonOption, slashDefinition, subjectOf, userOption } from './options.js';
import { describeOutcome } from './outcome.js';

const permission = PermissionFlagsBits.ModerateMembers;

/** `/timeout <user> <duration> [reason]`: Discord's native timeout, 28 days at most. */
export const timeoutCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.timeout.name', 'discord.cmd.timeout.description', permission, [
    userOption('discord.opt.user.timeout'),
    { type: ApplicationCommandOptionType.String, ...named('discord.opt.duration.name', 'discord.opt.duration.description'), required: true, max_length: 20 },
    reasonOption(),
  ]),
  async run(interaction, deps, language) {
    requireBotPermission(interaction.appPermissions, PermissionFlagsBits.ModerateMembers);
    const durationSeconds = parseDuration(interaction.options.getString('duration', true), maxTimeoutSeconds);
    const outcome = await moderateMember(deps, {
      guild: interaction.guild,
      action: 'timeout',
      target: subjectOf(interaction),
      moderator: interaction.member,
      reason: interaction.options.getString('reason'),
      durationSeconds,
    });
    return { content: describeOutcome(outcome, language) };
  },
};
