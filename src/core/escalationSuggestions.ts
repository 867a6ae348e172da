import type { Sentiment } from './assistant.js';
import type { SeverityName } from './escalationViews.js';

/**
 * The severity the escalate form starts on, from what the assistant read in the
 * interaction. A suggestion only: the community manager picks before submitting. A high
 * crisis risk (legal words, safety, press, a viral thread) is a sev1 candidate; anything
 * negative deserves a sev2; the rest starts at sev3.
 */
export function suggestSeverity(reading: { sentiment: Sentiment | string; crisisRisk: number }): SeverityName {
  if (reading.crisisRisk >= 0.7) return 'sev1';
  if (reading.crisisRisk >= 0.4 || reading.sentiment === 'negative') return 'sev2';
  return 'sev3';
}
