import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { raiseEscalation } from '../../core/escalations.js';
import { resolveGuildBrand } from '../../core/guilds.js';
import { resolvePerson } from '../../core/people.js';
import { translate } from '../../i18n/catalog.js';
import { choice, named } from '../localize.js';
import type { SlashCommand } from '../types.js';
import { slashDefinition } from './options.js';

const permission = PermissionFlagsBits.ManageMessages;

/** `/escalate <severity> <summary>`: pages the brand's strategists in Slack. */
export const escalateCommand: SlashCommand = {
  kind: 'slash',
  permission,
  definition: slashDefinition('discord.cmd.escalate.name', 'discord.cmd.escalate.description', permission, [
    {
      type: ApplicationCommandOptionType.String,
      ...named('discord.opt.severity.name', 'discord.opt.severity.description'),
      required: true,
      choices: [choice('discord.choice.sev1', 'sev1'), choice('discord.choice.sev2', 'sev2'), choice('discord.choice.sev3', 'sev3')],
    },
    { type: ApplicationCommandOptionType.String, ...named('discord.opt.summary.name', 'discord.opt.summary.description'), required: true, max_length: 1000 },
  ]),
  async run(interaction, deps, language) {
    const brand = await resolveGuildBrand(deps.ctx, interaction.guildId);
    const severity = interaction.options.getString('severity', true) as 'sev1' | 'sev2' | 'sev3';
    // They raise as a platform identity; knowing their name lets the alert in Slack say who it was.
    await resolvePerson(deps.ctx, { platform: 'discord', externalId: interaction.user.id, displayName: interaction.member.displayName });
    // Discord already vetted the raiser (Manage Messages here): they act as a platform identity.
    const escalation = await raiseEscalation(deps.ctx, {
      brandId: brand.id,
      actorRef: `discord:${interaction.user.id}`,
      severity,
      summary: interaction.options.getString('summary', true),
      raisedVia: 'discord',
      originRef: { platform: 'discord', guildId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id },
    });
    return { content: translate(language, 'discord.escalate.raised', { number: escalation.number, severity: escalation.severity, brand: brand.name }) };
  },
};
