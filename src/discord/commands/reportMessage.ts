import { ApplicationCommandType, ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import { UserError } from '../../core/errors.js';
import { getGuild } from '../../core/guilds.js';
import { createReport } from '../../core/reports.js';
import { translate } from '../../i18n/catalog.js';
import { localizations } from '../localize.js';
import { postReport } from '../reports.js';
import type { MessageMenuCommand } from '../types.js';

const name = localizations('discord.menu.report');

/** Apps → "Report to moderators" on any message, for every member: lands in the reports channel with quick actions. */
export const reportMessageCommand: MessageMenuCommand = {
  kind: 'message',
  permission: null,
  definition: {
    type: ApplicationCommandType.Message,
    name: name.text,
    name_localizations: name.localized,
    default_member_permissions: null,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  },
  async run(interaction, deps, language) {
    const message = interaction.targetMessage;
    if (message.author.id === interaction.user.id) throw new UserError('discord.report.own');
    const settings = await getGuild(deps.ctx, interaction.guildId);
    // Checked before the report exists: a report nobody can see is worse than none.
    if (!settings.reportsChannelId && !settings.modLogChannelId) throw new UserError('discord.report.noChannel');
    const { report, created } = await createReport(deps.ctx, {
      guildId: interaction.guildId,
      channelId: message.channelId,
      messageId: message.id,
      authorId: message.author.id,
      reporterId: interaction.user.id,
      content: message.content.slice(0, 4000),
    });
    if (!created) return { content: translate(language, 'discord.report.already', { id: report.id }) };
    // The reply was deferred by the router, so the assistant's reading cannot hold up the acknowledgement.
    const analysis = report.content.trim() ? await deps.ctx.ai.analyzeText(report.content) : null;
    await postReport(deps, interaction.guild, report, analysis);
    return { content: translate(language, 'discord.report.thanks', { id: report.id }) };
  },
};
