import type { EscalationView } from '../../core/escalationViews.js';
import type { ModerationCase } from '../../core/moderation.js';
import type { Report } from '../../core/reports.js';
import { escapeText, mentionChannel } from '../blocks/format.js';
import type { Translate } from '../turns.js';

/** Actions on a channel rather than on a member: their target id is a channel. */
const channelActions = new Set(['purge', 'slowmode', 'lock', 'unlock']);

/** A quoted excerpt on one line: the bridge is one line per event. */
function excerpt(text: string, max = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return escapeText([...line].length > max ? `${[...line].slice(0, max - 1).join('')}…` : line);
}

export function caseLine(kase: ModerationCase, t: Translate): string {
  const action = t(`discord.action.${kase.action}`);
  const moderator = kase.source === 'automod' ? t('bridge.automod', { rule: kase.ruleKind ? t(`discord.rule.${kase.ruleKind}`) : '—' }) : escapeText(kase.moderatorTag ?? t('bridge.aModerator'));
  const reason = kase.reason ? ` — “${excerpt(kase.reason)}”` : '';
  if (channelActions.has(kase.action)) return t('bridge.caseChannel', { number: kase.number, action, moderator, reason });
  return t('bridge.caseMember', { number: kase.number, action, target: escapeText(kase.targetTag ?? t('bridge.aMember')), moderator, reason });
}

export function reportLine(report: Report, t: Translate): string {
  const link = `https://discord.com/channels/${report.guildId}/${report.channelId}/${report.messageId}`;
  return t('bridge.report', { content: report.content ? excerpt(report.content) : '…', link });
}

/** The alert is posted at the same moment by the crisis listener: the line names its channel, not the message. */
export function burstLine(escalation: EscalationView, crisisChannel: string | null, t: Translate): string {
  const where = crisisChannel ? t('bridge.burstAlert', { channel: mentionChannel(crisisChannel) }) : '';
  return t('bridge.burst', { number: escalation.number, summary: excerpt(escalation.summary, 300), where });
}
