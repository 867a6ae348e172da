import { DateTime } from 'luxon';
import type { Language } from '../../i18n/catalog.js';

/** Slack's mrkdwn treats &, < and > as control characters: user text must be escaped. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A quoted block of user text (a post's copy, a comment), each line prefixed for Slack. */
export function quote(text: string): string {
  return escapeText(text)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

export function mentionUser(slackUserId: string): string {
  return `<@${slackUserId}>`;
}

export function mentionChannel(channelId: string): string {
  return `<#${channelId}>`;
}

/** Ten cells, filled in proportion: readable in any client and in notifications. */
export function progressBar(percent: number | null): string {
  if (percent === null) return '░░░░░░░░░░';
  const filled = Math.max(0, Math.min(10, Math.round(percent / 10)));
  return '▓'.repeat(filled) + '░'.repeat(10 - filled);
}

const locales: Record<Language, string> = { en: 'en-GB', es: 'es-ES', it: 'it-IT' };

/** "Mon 2 Mar" in the brand's language, for a YYYY-MM-DD date. */
export function formatDay(date: string, language: Language): string {
  return DateTime.fromISO(date, { zone: 'utc' }).setLocale(locales[language]).toFormat('ccc d LLL');
}

/** "2 Mar 2026, 10:15" in the brand's time zone and language. */
export function formatMoment(at: Date, timezone: string, language: Language): string {
  return DateTime.fromJSDate(at, { zone: timezone }).setLocale(locales[language]).toFormat('d LLL yyyy, HH:mm');
}

export function formatNumber(value: number | null, language: Language, maximumFractionDigits = 1): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits }).format(value);
}

/** "3 h 20 min" / "45 min" / "2 d 4 h": how old something unanswered is. */
export function formatAge(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.floor(minutes / (24 * 60))} d ${Math.floor((minutes % (24 * 60)) / 60)} h`;
}
