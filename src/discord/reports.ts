import { ActionRowBuilder, ButtonBuilder, ButtonStyle, DiscordAPIError, PermissionFlagsBits, RESTJSONErrorCodes, Routes, type APIEmbed, type ButtonInteraction, type Guild } from 'discord.js';
import type { TextAnalysis } from '../core/assistant.js';
import { UserError } from '../core/errors.js';
import { getGuild } from '../core/guilds.js';
import { getReport, resolveReport, type Report } from '../core/reports.js';
import { translate, type Language, type MessageKey } from '../i18n/catalog.js';
import { readingLine } from './assistantReading.js';
import { requireBotPermission, requireMemberPermission } from './guards.js';
import { customIds, type ReportAction } from './ids.js';
import { guildLanguage } from './language.js';
import { auditReasonFor, moderateMember } from './moderate.js';
import type { DiscordDeps } from './types.js';

const buttonLabels: Record<ReportAction, MessageKey> = {
  delete: 'discord.report.buttonDelete',
  warn: 'discord.report.buttonWarn',
  timeout: 'discord.report.buttonTimeout',
  dismiss: 'discord.report.buttonDismiss',
};
const buttonStyles: Record<ReportAction, ButtonStyle> = { delete: ButtonStyle.Danger, warn: ButtonStyle.Primary, timeout: ButtonStyle.Secondary, dismiss: ButtonStyle.Secondary };

export function messageLink(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}

function quote(text: string): string {
  const trimmed = text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
  return trimmed ? trimmed.split('\n').map((line) => `> ${line}`).join('\n') : '> …';
}

/** `reading`: the assistant's line about the message (sentiment, buying intent, crisis risk), as its footer. */
export function renderReportEmbed(report: Report, language: Language, reading: string | null = null): APIEmbed {
  const t = (key: MessageKey, params = {}) => translate(language, key, params);
  const fields = [
    { name: t('discord.report.author'), value: `<@${report.authorId}>`, inline: true },
    { name: t('discord.report.reporter'), value: `<@${report.reporterId}>`, inline: true },
    { name: t('discord.report.channel'), value: `<#${report.channelId}>`, inline: true },
  ];
  if (report.status !== 'open') {
    const status = t(report.status === 'dismissed' ? 'discord.report.dismissed' : 'discord.report.actioned');
    fields.push({ name: t('discord.report.handled'), value: `${status} — <@${report.handledById ?? '?'}>${report.resolution ? `: ${report.resolution}` : ''}`, inline: false });
  }
  return {
    title: t('discord.report.title', { id: report.id }),
    url: messageLink(report.guildId, report.channelId, report.messageId),
    description: quote(report.content),
    color: report.status === 'open' ? 0xe67e22 : report.status === 'dismissed' ? 0x95a5a6 : 0x2ecc71,
    fields,
    ...(reading ? { footer: { text: reading } } : {}),
    timestamp: report.createdAt.toISOString(),
  };
}

function reportButtons(report: Report, language: Language) {
  const done = report.status !== 'open';
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    (Object.keys(buttonLabels) as ReportAction[]).map((action) =>
      new ButtonBuilder().setCustomId(customIds.report(action, report.id)).setLabel(translate(language, buttonLabels[action])).setStyle(buttonStyles[action]).setDisabled(done),
    ),
  );
  return [row];
}

/** Posts a new report to the reports channel (or the mod log) with its quick actions and the assistant's reading. */
export async function postReport(deps: DiscordDeps, guild: Guild, report: Report, analysis: TextAnalysis | null = null): Promise<void> {
  const settings = await getGuild(deps.ctx, guild.id);
  const channelId = settings.reportsChannelId ?? settings.modLogChannelId;
  const channel = channelId ? guild.channels.cache.get(channelId) : undefined;
  if (!channel?.isTextBased()) throw new UserError('discord.report.noChannel');
  const language = await guildLanguage(deps.ctx, guild);
  const reading = analysis ? readingLine(analysis, language) : null;
  await channel.send({ embeds: [renderReportEmbed(report, language, reading)], components: reportButtons(report, language), allowedMentions: { parse: [] } });
}

/** Refreshes the report message in place: who handled it, buttons disabled. */
async function showHandled(interaction: ButtonInteraction<'cached'>, report: Report, language: Language): Promise<void> {
  // The reading is not stored with the report: the message being updated carries it.
  const reading = interaction.message.embeds[0]?.footer?.text ?? null;
  await interaction.editReply({ embeds: [renderReportEmbed(report, language, reading)], components: reportButtons(report, language) });
}

async function fetchReportedMember(guild: Guild, userId: string) {
  return guild.members.fetch(userId).catch(() => null);
}

/**
 * A moderator clicked Delete, Warn, Timeout 1h or Dismiss on a report. Checked like the
 * commands (permission, hierarchy) before anything happens.
 */
export async function handleReportButton(interaction: ButtonInteraction<'cached'>, deps: DiscordDeps, action: ReportAction, reportId: number): Promise<void> {
  const { guild } = interaction;
  requireMemberPermission(interaction.memberPermissions, PermissionFlagsBits.ModerateMembers);
  await interaction.deferUpdate();
  const language = await guildLanguage(deps.ctx, guild);
  const report = await getReport(deps.ctx, { guildId: guild.id, reportId });
  if (report.status !== 'open') throw new UserError('report.alreadyHandled', { id: report.id, handledBy: report.handledById ?? '?', status: report.status });
  const moderator = interaction.member;
  let resolution: string;
  switch (action) {
    case 'delete': {
      requireBotPermission(interaction.appPermissions, PermissionFlagsBits.ManageMessages);
      try {
        await deps.client.rest.delete(Routes.channelMessage(report.channelId, report.messageId), { reason: auditReasonFor(moderator, translate(language, 'discord.report.title', { id: report.id })) });
      } catch (error) {
        // Someone (or automod) deleted it already: the report's goal is met.
        if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage)) throw error;
      }
      resolution = translate(language, 'discord.report.resolutionDeleted');
      break;
    }
    case 'warn':
    case 'timeout': {
      const member = await fetchReportedMember(guild, report.authorId);
      const reason = translate(language, 'discord.report.caseReason', { id: report.id });
      const outcome = await moderateMember(deps, {
        guild,
        action: action === 'warn' ? 'warn' : 'timeout',
        target: { id: report.authorId, tag: member?.user.tag ?? report.authorId, member },
        moderator,
        reason,
        durationSeconds: action === 'timeout' ? 3600 : undefined,
      });
      resolution = translate(language, action === 'warn' ? 'discord.report.resolutionWarned' : 'discord.report.resolutionTimedOut', { number: outcome.kase.number });
      break;
    }
    case 'dismiss':
      resolution = translate(language, 'discord.report.resolutionDismissed');
      break;
  }
  const resolved = await resolveReport(deps.ctx, { guildId: guild.id, reportId, handledById: moderator.id, status: action === 'dismiss' ? 'dismissed' : 'actioned', resolution });
  await showHandled(interaction, resolved, language);
}
