import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { discordIdSchema } from '../../core/discordIds.js';
import { parseInput } from '../../core/validation.js';
import { requireBotPermission } from '../guards.js';
import { named } from '../localize.js';
import { moderateMember } from '../moderate.js';
import type { SlashCommand } from '../types.js';
import { reasonOption, slashDefinition } from './options.js';
import { describeOutcome } from './outcome.js';

const permission = PermissionFlagsBits.BanMembers;

/** `/unban <user_id> [reason]`: by id, since a banned user cannot be picked from the member list. */
export const unbanCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.unban.name', 'discord.cmd.unban.description', permission, [
    { type: ApplicationCommandOptionType.String, ...named('discord.opt.userId.name', 'discord.opt.userId.description'), required: true, min_length: 5, max_length: 20 },
    reasonOption(),
  ]),
  async run(interaction, deps, language) {
    requireBotPermission(interaction.appPermissions, PermissionFlagsBits.BanMembers);
    const userId = parseInput(discordIdSchema, interaction.options.getString('user_id', true));
    const user = await deps.client.users.fetch(userId).catch(() => null);
    const outcome = await moderateMember(deps, {
      guild: interaction.guild,
      action: 'unban',
      target: { id: userId, tag: user?.tag ?? userId, member: null },
      moderator: interaction.member,
      reason: interaction.options.getString('reason'),
    });
    return { content: describeOutcome(outcome, language) };
  },
};
