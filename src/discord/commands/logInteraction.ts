import { ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { UserError } from '../../core/errors.js';
import { admitGuildModerator, resolveGuildBrand } from '../../core/guilds.js';
import { logInteraction } from '../../core/interactions.js';
import { translate } from '../../i18n/catalog.js';
import { renderReadingEmbed, sentimentLabel } from '../assistantReading.js';
import { localizations } from '../localize.js';
import { messageLink } from '../reports.js';
import type { MessageMenuCommand } from '../types.js';

const permission = PermissionFlagsBits.ManageMessages;
const name = localizations('discord.menu.log');

/** Apps → "Log as interaction" (moderators): the message becomes one of the brand's interactions, with sentiment. */
export const logInteractionCommand: MessageMenuCommand = {
  kind: 'message',
  permission,
  definition: {
    type: ApplicationCommandType.Message,
    name: name.text,
    name_localizations: name.localized,
    default_member_permissions: permission.toString(),
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  },
  async run(interaction, deps, language) {
    const message = interaction.targetMessage;
    if (!message.content.trim()) throw new UserError('discord.log.empty');
    const brand = await resolveGuildBrand(deps.ctx, interaction.guildId);
    const person = await admitGuildModerator(deps.ctx, { brandId: brand.id, guildId: interaction.guildId, userId: interaction.user.id, displayName: interaction.user.tag });
    // Deferred by the router already: the assistant may take its time reading the text.
    const { interaction: logged, created, analysis } = await logInteraction(deps.ctx, {
      brandId: brand.id,
      actorId: person.id,
      network: 'discord',
      kind: 'comment',
      author: message.author.tag,
      text: message.content,
      link: messageLink(interaction.guildId, message.channelId, message.id),
      receivedAt: message.createdAt,
      sourceRef: `discord:${message.id}`,
    });
    const sentiment = sentimentLabel(logged.sentiment, language);
    return {
      content: translate(language, created ? 'discord.log.done' : 'discord.log.already', { id: logged.id, sentiment, brand: brand.name }),
      embeds: [renderReadingEmbed(logged, analysis, language)],
    };
  },
};
