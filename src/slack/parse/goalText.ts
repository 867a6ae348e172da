import { z } from 'zod';
import { goalMetricSchema } from '../../core/goalValues.js';
import { networkSchema } from '../../core/networkRules.js';
import { UsageError } from './usageError.js';
import { readDate, readGoalMetric, readNetwork, readNumberValue } from './vocabulary.js';
import { readNumber, splitWords } from './words.js';

export const goalRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('modal') }),
  z.object({ kind: z.literal('list') }),
  z.object({
    kind: z.literal('set'),
    metric: goalMetricSchema,
    target: z.number(),
    network: networkSchema.optional(),
    deadline: z.string().optional(),
  }),
  z.object({ kind: z.literal('archive'), goalId: z.number().int().positive() }),
]);
export type GoalRequest = z.infer<typeof goalRequestSchema>;

/** `/goal` · `/goal list` · `/goal set <metric> <target> [on <network>] [by <YYYY-MM-DD>]` · `/goal archive <id>` */
export function parseGoalText(text: string): GoalRequest {
  const { list } = splitWords(text);
  const sub = list[0]?.toLowerCase();
  if (!sub) return { kind: 'modal' };
  if (sub === 'list' || sub === 'ls') return { kind: 'list' };
  if (sub === 'archive') {
    const goalId = readNumber(list[1]);
    if (!goalId) throw new UsageError('slack.parse.goalIdMissing', { got: list[1] ?? '' });
    return { kind: 'archive', goalId };
  }
  if (sub !== 'set') throw new UsageError('slack.parse.unknownSubcommand', { got: list[0] ?? '' });
  const metric = readGoalMetric(list[1]);
  const target = readNumberValue(list[2], 'target');
  const request: GoalRequest = { kind: 'set', metric, target };
  for (let i = 3; i < list.length; i += 2) {
    const keyword = list[i]?.toLowerCase();
    if (keyword === 'on') request.network = readNetwork(list[i + 1]);
    else if (keyword === 'by') request.deadline = readDate(list[i + 1]);
    else throw new UsageError('slack.parse.unexpectedWord', { got: list[i] ?? '' });
  }
  return request;
}
