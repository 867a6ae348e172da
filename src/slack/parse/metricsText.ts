import { z } from 'zod';
import { metricNameSchema, type MetricName } from '../../core/metrics.js';
import { networkSchema } from '../../core/networkRules.js';
import { UsageError } from './usageError.js';
import { looksLikeDate, readDate, readMetricName, readNetwork, readNumberValue } from './vocabulary.js';
import { splitWords } from './words.js';

export const metricsRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('modal') }),
  z.object({
    kind: z.literal('record'),
    network: networkSchema,
    date: z.string().optional(),
    values: z.partialRecord(metricNameSchema, z.number()),
  }),
]);
export type MetricsRequest = z.infer<typeof metricsRequestSchema>;

/** `/metrics` · `/metrics <network> [YYYY-MM-DD] key=value …` */
export function parseMetricsText(text: string): MetricsRequest {
  const { list } = splitWords(text);
  if (!list[0]) return { kind: 'modal' };
  const network = readNetwork(list[0]);
  let index = 1;
  const date = looksLikeDate(list[1]) ? readDate(list[1]) : undefined;
  if (date) index = 2;
  const values: Partial<Record<MetricName, number>> = {};
  for (const pair of list.slice(index)) {
    const match = /^([a-z_-]+)[=:](.*)$/i.exec(pair);
    if (!match?.[1]) throw new UsageError('slack.parse.badPair', { got: pair });
    const name = readMetricName(match[1]);
    values[name] = readNumberValue(match[2], name);
  }
  if (Object.keys(values).length === 0) throw new UsageError('slack.parse.valuesMissing', { metrics: metricNameSchema.options.join(', ') });
  return { kind: 'record', network, ...(date ? { date } : {}), values };
}
