import type { APIEmbed, APIEmbedField } from 'discord.js';
import { formatDuration } from '../core/duration.js';
import type { AutomodRuleKindName, ModerationActionName, ModerationCase } from '../core/moderation.js';
import { translate, type Language, type MessageKey } from '../i18n/catalog.js';

export const actionKeys: Record<ModerationActionName, MessageKey> = {
  warn: 'discord.action.warn',
  timeout: 'discord.action.timeout',
  untimeout: 'discord.action.untimeout',
  kick: 'discord.action.kick',
  ban: 'discord.action.ban',
  unban: 'discord.action.unban',
  purge: 'discord.action.purge',
  note: 'discord.action.note',
  slowmode: 'discord.action.slowmode',
  lock: 'discord.action.lock',
  unlock: 'discord.action.unlock',
};

export const ruleKeys: Record<AutomodRuleKindName, MessageKey> = {
  invites: 'discord.rule.invites',
  mass_mentions: 'discord.rule.mass_mentions',
  banned_words: 'discord.rule.banned_words',
  caps: 'discord.rule.caps',
  flood: 'discord.rule.flood',
  links: 'discord.rule.links',
};

/** Colours moderators already read at a glance in other bots' logs: red removes, green restores. */
const actionColors: Record<ModerationActionName, number> = {
  warn: 0xf1c40f,
  timeout: 0xe67e22,
  untimeout: 0x2ecc71,
  kick: 0xe74c3c,
  ban: 0xc0392b,
  unban: 0x2ecc71,
  purge: 0x95a5a6,
  note: 0x3498db,
  slowmode: 0x95a5a6,
  lock: 0x7f8c8d,
  unlock: 0x2ecc71,
};

/** Actions on a channel: their case's target is the channel. */
const channelActions: ReadonlySet<ModerationActionName> = new Set(['purge', 'slowmode', 'lock', 'unlock']);

export function isChannelAction(action: ModerationActionName): boolean {
  return channelActions.has(action);
}

/** One case as the mod log, `/case` and `/modlog` show it. */
export function renderCaseEmbed(kase: ModerationCase, language: Language): APIEmbed {
  const t = (key: MessageKey, params = {}) => translate(language, key, params);
  const channelTarget = isChannelAction(kase.action);
  const fields: APIEmbedField[] = [
    { name: t(channelTarget ? 'discord.case.channel' : 'discord.case.member'), value: channelTarget ? `<#${kase.targetId}>` : `<@${kase.targetId}>${kase.targetTag ? ` (${kase.targetTag})` : ''}`, inline: true },
    { name: t('discord.case.moderator'), value: kase.source === 'automod' ? t('discord.case.automod') : `<@${kase.moderatorId}>`, inline: true },
  ];
  if (kase.durationSeconds !== null) fields.push({ name: t('discord.case.duration'), value: formatDuration(kase.durationSeconds), inline: true });
  if (kase.ruleKind) fields.push({ name: t('discord.case.rule'), value: t(ruleKeys[kase.ruleKind]), inline: true });
  fields.push({ name: t('discord.case.reason'), value: kase.reason ?? t('discord.case.noReason') });
  if (kase.dmDelivered !== null) fields.push({ name: t('discord.case.dm'), value: t(kase.dmDelivered ? 'discord.case.dmSent' : 'discord.case.dmFailed'), inline: true });
  return {
    title: t('discord.case.title', { number: kase.number, action: t(actionKeys[kase.action]) }),
    color: actionColors[kase.action],
    fields,
    footer: { text: `ID ${kase.targetId}` },
    timestamp: kase.createdAt.toISOString(),
  };
}
