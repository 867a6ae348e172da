import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { requireBotPermission } from '../guards.js';
import { choice, named } from '../localize.js';
import { moderateMember } from '../moderate.js';
import type { SlashCommand } from '../types.js';
import { reasonOption, slashDefinition, subjectOf, userOption } from './options.js';
import { describeOutcome } from './outcome.js';

const permission = PermissionFlagsBits.BanMembers;

/** How much of the member's recent history goes with them. */
const deleteWindows: Record<string, number> = { none: 0, '1h': 3600, '1d': 86_400, '7d': 604_800 };

/** `/ban <user> [delete_messages] [reason]`: works on members and on users who already left. */
export const banCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.ban.name', 'discord.cmd.ban.description', permission, [
    userOption('discord.opt.user.ban'),
    {
      type: ApplicationCommandOptionType.String,
      ...named('discord.opt.deleteMessages.name', 'discord.opt.deleteMessages.description'),
      required: false,
      choices: [
        choice('discord.choice.delete.none', 'none'),
        choice('discord.choice.delete.1h', '1h'),
        choice('discord.choice.delete.1d', '1d'),
        choice('discord.choice.delete.7d', '7d'),
      ],
    },
    reasonOption(),
  ]),
  async run(interaction, deps, language) {
    requireBotPermission(interaction.appPermissions, PermissionFlagsBits.BanMembers);
    const outcome = await moderateMember(deps, {
      guild: interaction.guild,
      action: 'ban',
      target: subjectOf(interaction),
      moderator: interaction.member,
      reason: interaction.options.getString('reason'),
      deleteMessageSeconds: deleteWindows[interaction.options.getString('delete_messages') ?? 'none'] ?? 0,
    });
    return { content: describeOutcome(outcome, language) };
  },
};
