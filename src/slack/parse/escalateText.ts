import { z } from 'zod';
import { severitySchema } from '../../core/escalationViews.js';
import { unescapeMentions } from './mentions.js';
import { UsageError } from './usageError.js';
import { splitWords } from './words.js';

export const escalateRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('modal') }),
  z.object({ kind: z.literal('unfreeze') }),
  z.object({ kind: z.literal('raise'), severity: severitySchema, summary: z.string().min(1) }),
]);
export type EscalateRequest = z.infer<typeof escalateRequestSchema>;

/** Without a severity, a typed escalation is a sev2: serious, not yet a reason to stop publishing. */
const defaultSeverity = 'sev2';

/** `/escalate` (form) · `/escalate [sev1|sev2|sev3] <summary…>` · `/escalate unfreeze` */
export function parseEscalateText(text: string): EscalateRequest {
  const words = splitWords(text);
  const first = words.list[0]?.toLowerCase();
  if (!first) return { kind: 'modal' };
  if (first === 'unfreeze' && words.list.length === 1) return { kind: 'unfreeze' };
  // "sev1", "SEV1" and "1" all name a severity, as people type it under stress.
  const severity = severitySchema.safeParse(/^[123]$/.test(first) ? `sev${first}` : first);
  if (severity.success) {
    const summary = unescapeMentions(words.rest(1));
    if (!summary) throw new UsageError('crisis.parse.summaryMissing', { severity: severity.data });
    return { kind: 'raise', severity: severity.data, summary };
  }
  if (/^sev\d*$/.test(first)) throw new UsageError('crisis.parse.badSeverity', { got: words.list[0] ?? '' });
  return { kind: 'raise', severity: defaultSeverity, summary: unescapeMentions(text.trim()) };
}
