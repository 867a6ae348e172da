import { z } from 'zod';
import { calendarDateSchema } from '../../core/calendarDate.js';
import { goalMetricSchema, type GoalMetricName } from '../../core/goalValues.js';
import { interactionKindSchema } from '../../core/interactions.js';
import { metricNameSchema, type MetricName } from '../../core/metrics.js';
import { networkSchema, type Network } from '../../core/networkRules.js';
import { UsageError } from './usageError.js';

/** Words people use for a network, beyond its own name. */
const networkAliases: Record<string, Network> = { twitter: 'x', ig: 'instagram', fb: 'facebook', yt: 'youtube', li: 'linkedin' };

function normalise(word: string): string {
  return word.trim().toLowerCase().replace(/-/g, '_');
}

export function readNetwork(word: string | undefined): Network {
  const key = normalise(word ?? '');
  const parsed = networkSchema.safeParse(networkAliases[key] ?? key);
  if (!parsed.success) throw new UsageError(word ? 'slack.parse.badNetwork' : 'slack.parse.networkMissing', { got: word ?? '', networks: networkSchema.options.join(', ') });
  return parsed.data;
}

export function readGoalMetric(word: string | undefined): GoalMetricName {
  const parsed = goalMetricSchema.safeParse(normalise(word ?? ''));
  if (!parsed.success) throw new UsageError(word ? 'slack.parse.badGoalMetric' : 'slack.parse.goalMetricMissing', { got: word ?? '', metrics: goalMetricSchema.options.join(', ') });
  return parsed.data;
}

export function readInteractionKind(word: string | undefined): z.infer<typeof interactionKindSchema> {
  const key = normalise(word ?? '');
  const parsed = interactionKindSchema.safeParse(key === 'message' || key === 'direct_message' ? 'dm' : key);
  if (!parsed.success) throw new UsageError(word ? 'slack.parse.badKind' : 'slack.parse.kindMissing', { got: word ?? '', kinds: interactionKindSchema.options.join(', ') });
  return parsed.data;
}

export function readMetricName(word: string): MetricName {
  const parsed = metricNameSchema.safeParse(normalise(word));
  if (!parsed.success) throw new UsageError('slack.parse.badMetricName', { got: word, metrics: metricNameSchema.options.join(', ') });
  return parsed.data;
}

export function readDate(word: string | undefined): string {
  const parsed = calendarDateSchema.safeParse(word ?? '');
  if (!parsed.success) throw new UsageError(word ? 'slack.parse.badDate' : 'slack.parse.dateMissing', { got: word ?? '' });
  return parsed.data;
}

export function looksLikeDate(word: string | undefined): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(word ?? '');
}

const timeSchema = z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/);

export function readTime(word: string | undefined): string {
  const parsed = timeSchema.safeParse(word ?? '');
  if (!parsed.success) throw new UsageError(word ? 'slack.parse.badTime' : 'slack.parse.timeMissing', { got: word ?? '' });
  return parsed.data.padStart(5, '0');
}

/**
 * A number as people type it: `1200`, `1,200`, `1_200`, `12.5`, `12,5` (decimal comma),
 * `1.2k`, `3m`, `4.5%`. A comma followed by exactly three digits groups thousands.
 */
const numberSchema = z
  .string()
  .trim()
  .regex(/^-?[\d.,_]+[km%]?$/i)
  .transform((text, ctx) => {
    const suffix = /[km%]$/i.exec(text)?.[0]?.toLowerCase() ?? '';
    let body = suffix ? text.slice(0, -1) : text;
    body = body.replace(/_/g, '');
    if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) body = body.replace(/,/g, '');
    else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(body)) body = body.replace(/\./g, '').replace(',', '.');
    else body = body.replace(',', '.');
    const value = Number(body);
    if (!Number.isFinite(value) || body === '' || body === '-') {
      ctx.addIssue({ code: 'custom', message: 'not a number' });
      return z.NEVER;
    }
    return suffix === 'k' ? value * 1_000 : suffix === 'm' ? value * 1_000_000 : value;
  });

export function readNumberValue(word: string | undefined, what: string): number {
  const parsed = numberSchema.safeParse(word ?? '');
  if (!parsed.success) throw new UsageError(word ? 'slack.parse.badNumber' : 'slack.parse.numberMissing', { got: word ?? '', what });
  return parsed.data;
}
