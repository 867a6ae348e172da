import type { EscalationStatusName, SeverityName } from '../../core/escalationViews.js';
import type { SentimentWindow } from '../../core/sentimentPicture.js';
import type { Language } from '../../i18n/catalog.js';
import { formatAge, formatNumber } from '../blocks/format.js';
import type { Translate } from '../turns.js';

export const severityEmoji: Record<SeverityName, string> = { sev1: '🔴', sev2: '🟠', sev3: '🟡' };
export const statusEmoji: Record<EscalationStatusName, string> = { open: '🔔', acknowledged: '👀', resolved: '✅' };
export const severities: readonly SeverityName[] = ['sev1', 'sev2', 'sev3'];

/** "🔴 SEV1": how every crisis message names a severity. */
export function severityTag(severity: SeverityName): string {
  return `${severityEmoji[severity]} ${severity.toUpperCase()}`;
}

/** "7 min", "1 h 5 min"; under a minute reads "< 1 min", not "0 min". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return '< 1 min';
  return formatAge(Math.round(ms / 60_000));
}

/** "45% (9 of 20)", or "no interactions" for a window with none: no data is not 0%. */
export function shareText(window: SentimentWindow, t: Translate, language: Language): string {
  if (window.negativeShare === null) return t('crisis.sentiment.noData');
  return t('crisis.sentiment.share', { percent: formatNumber(window.negativeShare * 100, language, 0), negative: window.negative, total: window.total });
}
