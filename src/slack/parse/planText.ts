import { z } from 'zod';
import { networkSchema } from '../../core/networkRules.js';
import { unescapeMentions } from './mentions.js';
import { UsageError } from './usageError.js';
import { readDate, readNetwork, readTime } from './vocabulary.js';
import { readNumber, splitWords } from './words.js';

export const planRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('modal') }),
  z.object({ kind: z.literal('week'), weekOf: z.string().optional() }),
  z.object({ kind: z.literal('post'), network: networkSchema, date: z.string(), time: z.string(), copy: z.string().min(1) }),
  /** Without copy: the edit form, filled with the post as it is. */
  z.object({ kind: z.literal('edit'), postNumber: z.number().int().positive(), copy: z.string().min(1).optional() }),
]);
export type PlanRequest = z.infer<typeof planRequestSchema>;

/** `/plan` · `/plan week [YYYY-MM-DD]` · `/plan edit <N> [copy…]` · `/plan <network> <YYYY-MM-DD> <HH:MM> <copy…>` */
export function parsePlanText(text: string): PlanRequest {
  const words = splitWords(text);
  const first = words.list[0]?.toLowerCase();
  if (!first) return { kind: 'modal' };
  if (first === 'week') return words.list[1] ? { kind: 'week', weekOf: readDate(words.list[1]) } : { kind: 'week' };
  if (first === 'edit') {
    const postNumber = readNumber(words.list[1]);
    if (!postNumber) throw new UsageError('slack.parse.postNumberMissing', { got: words.list[1] ?? '' });
    const copy = unescapeMentions(words.rest(2));
    return copy ? { kind: 'edit', postNumber, copy } : { kind: 'edit', postNumber };
  }
  const network = readNetwork(words.list[0]);
  const date = readDate(words.list[1]);
  const time = readTime(words.list[2]);
  // The copy as typed, line breaks and all; Slack escaped &, < and > and mentions.
  const copy = unescapeMentions(words.rest(3));
  if (!copy) throw new UsageError('slack.parse.copyMissing');
  return { kind: 'post', network, date, time, copy };
}
