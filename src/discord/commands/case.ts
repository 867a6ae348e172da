import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { getCase } from '../../core/moderation.js';
import { renderCaseEmbed } from '../embeds.js';
import { named } from '../localize.js';
import type { SlashCommand } from '../types.js';
import { slashDefinition } from './options.js';

const permission = PermissionFlagsBits.ModerateMembers;

/** `/case <number>`: one case as the mod log showed it. */
export const caseCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.case.name', 'discord.cmd.case.description', permission, [
    { type: ApplicationCommandOptionType.Integer, ...named('discord.opt.number.name', 'discord.opt.number.description'), required: true, min_value: 1 },
  ]),
  async run(interaction, deps, language) {
    const kase = await getCase(deps.ctx, { guildId: interaction.guildId, number: interaction.options.getInteger('number', true) });
    return { content: '', embeds: [renderCaseEmbed(kase, language)] };
  },
};
