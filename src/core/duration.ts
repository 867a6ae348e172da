import { UserError } from './errors.js';

const unitSeconds: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/**
 * Seconds in a duration people type: `10m`, `1h`, `1d`, `1h30m`, `2w`. Refused when it is
 * not a duration or exceeds `maxSeconds` (Discord timeouts stop at 28 days).
 */
export function parseDuration(text: string, maxSeconds: number): number {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '');
  if (!/^(\d+[smhdw])+$/.test(compact)) throw new UserError('moderation.badDuration', { text });
  let seconds = 0;
  for (const [, amount, unit] of compact.matchAll(/(\d+)([smhdw])/g)) seconds += Number(amount) * (unitSeconds[unit ?? 's'] ?? 1);
  if (seconds <= 0) throw new UserError('moderation.badDuration', { text });
  if (seconds > maxSeconds) throw new UserError('moderation.durationTooLong', { text, max: formatDuration(maxSeconds) });
  return seconds;
}

/** A compact, language-neutral rendering: `1h`, `2d 3h`, `45s`. */
export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(seconds));
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.length ? parts.join(' ') : '0s';
}

export const maxTimeoutSeconds = 28 * 86_400;
