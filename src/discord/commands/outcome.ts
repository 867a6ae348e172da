import { formatDuration } from '../../core/duration.js';
import { translate, type Language, type MessageKey } from '../../i18n/catalog.js';
import { actionKeys } from '../embeds.js';
import type { MemberAction, ModerationOutcome } from '../moderate.js';

const doneKeys: Record<MemberAction, MessageKey> = {
  warn: 'discord.done.warn',
  timeout: 'discord.done.timeout',
  untimeout: 'discord.done.untimeout',
  kick: 'discord.done.kick',
  ban: 'discord.done.ban',
  unban: 'discord.done.unban',
};

/** What the moderator reads after an action: the case, whether the member was told, what followed. */
export function describeOutcome(outcome: ModerationOutcome, language: Language): string {
  const { kase } = outcome;
  const lines = [
    translate(language, doneKeys[kase.action as MemberAction], { number: kase.number, target: `<@${kase.targetId}>`, duration: formatDuration(kase.durationSeconds ?? 0) }),
  ];
  if (outcome.dm === 'sent') lines.push(translate(language, 'discord.done.dmSent'));
  if (outcome.dm === 'failed') lines.push(translate(language, 'discord.done.dmFailed'));
  if (outcome.punishment) {
    const punishment = outcome.punishment.kase;
    lines.push(translate(language, 'discord.done.punished', { action: translate(language, actionKeys[punishment.action]).toLowerCase(), number: punishment.number, reason: punishment.reason ?? '' }));
  }
  if (outcome.punishmentFailure) lines.push(translate(language, 'discord.done.punishmentFailed', { problem: outcome.punishmentFailure }));
  return lines.join('\n');
}
