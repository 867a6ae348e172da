import { z } from 'zod';
import { decisionSchema } from '../../core/approvals.js';
import { unescapeMentions } from './mentions.js';
import { UsageError } from './usageError.js';
import { readNumber, splitWords } from './words.js';

export const approveRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pending') }),
  z.object({ kind: z.literal('decide'), decision: decisionSchema, postNumber: z.number().int().positive(), comment: z.string().optional() }),
]);
export type ApproveRequest = z.infer<typeof approveRequestSchema>;

const decisionWords: Record<string, z.infer<typeof decisionSchema>> = { reject: 'rejected', changes: 'changes_requested' };

/** `/approve` · `/approve <N> [comment…]` · `/approve reject <N> <reason…>` · `/approve changes <N> <note…>` */
export function parseApproveText(text: string): ApproveRequest {
  const words = splitWords(text);
  const first = words.list[0]?.toLowerCase();
  if (!first) return { kind: 'pending' };
  const decision = decisionWords[first];
  const numberAt = decision ? 1 : 0;
  const postNumber = readNumber(words.list[numberAt]);
  if (!postNumber) throw new UsageError(decision || words.list[numberAt] === undefined ? 'slack.parse.postNumberMissing' : 'slack.parse.unknownSubcommand', { got: words.list[numberAt] ?? '' });
  const comment = unescapeMentions(words.rest(numberAt + 1));
  if (decision && !comment) throw new UsageError(decision === 'rejected' ? 'slack.parse.reasonMissing' : 'slack.parse.noteMissing', { number: postNumber });
  return { kind: 'decide', decision: decision ?? 'approved', postNumber, ...(comment ? { comment } : {}) };
}
