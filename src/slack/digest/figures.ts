import type { Change, GoalMetricName } from '../../core/digestKpis.js';
import type { Language } from '../../i18n/catalog.js';
import { escapeText, formatAge, formatNumber, quote } from '../blocks/format.js';
import type { Translate } from '../turns.js';

// How the digest writes numbers: changes with arrows, shares as percentages, minutes as ages.

/** "▲ 20%", "▼ 5%", "= 0%"; "▲ +12" when there is no base for a percentage; "—" without a comparison. */
export function formatChange(change: Change | null, language: Language): string {
  if (!change) return '—';
  const arrow = change.absolute > 0 ? '▲' : change.absolute < 0 ? '▼' : '=';
  if (change.percent === null) return `${arrow} ${change.absolute > 0 ? '+' : ''}${formatNumber(change.absolute, language)}`;
  return `${arrow} ${formatNumber(Math.abs(change.percent), language, 0)}%`;
}

/** A fraction 0..1 as "40%". */
export function formatShare(share: number | null, language: Language): string {
  return share === null ? '—' : `${formatNumber(share * 100, language, 0)}%`;
}

/** A change of share (fractions) in percentage points: "+12 pts". */
export function formatShift(shift: number, language: Language, t: Translate): string {
  const points = Math.round(shift * 100);
  return t('digest.points', { value: `${points > 0 ? '+' : points < 0 ? '−' : '±'}${formatNumber(Math.abs(points), language, 0)}` });
}

export function formatMinutes(minutes: number | null): string {
  return minutes === null ? '—' : formatAge(Math.max(0, Math.round(minutes)));
}

const percentMetrics: ReadonlySet<GoalMetricName> = new Set(['engagement_rate', 'positive_sentiment']);

/** A goal metric's value in its unit: "4.2%", "25 min", "12,450". */
export function formatGoalValue(metric: GoalMetricName, value: number | null, language: Language): string {
  if (value === null) return '—';
  if (percentMetrics.has(metric)) return `${formatNumber(value, language)}%`;
  if (metric === 'response_time') return formatMinutes(value);
  return formatNumber(value, language);
}

/** A signed change per day in the metric's unit: "+12.5", "−3 min". */
export function formatPerDay(metric: GoalMetricName, value: number, language: Language): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  const size = Math.abs(value);
  const digits = size < 10 ? 1 : 0;
  if (percentMetrics.has(metric)) return `${sign}${formatNumber(size, language, 2)}%`;
  if (metric === 'response_time') return `${sign}${formatNumber(size, language, digits)} min`;
  return `${sign}${formatNumber(size, language, digits)}`;
}

/** User text in one line, cut to `max` characters (not escaped). */
export function cutText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length > max ? `${[...flat].slice(0, max - 1).join('')}…` : flat;
}

/** User text in one line, cut to `max` characters, safe for mrkdwn. */
export function snippet(text: string, max = 140): string {
  return escapeText(cutText(text, max));
}

/** User text cut to `max` characters as a mrkdwn quote (escaped once, by `quote`). */
export function quoteSnippet(text: string, max: number): string {
  return quote(cutText(text, max));
}
