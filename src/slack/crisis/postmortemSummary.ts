import type { Narrative } from '../../core/assistant.js';
import type { BrandView } from '../../core/brands.js';
import type { Ctx } from '../../core/context.js';
import type { Postmortem } from '../../core/postmortem.js';

/** Events and quotes the assistant reads: its input is capped, and the latest say the most. */
const maxEvents = 500;
const maxQuotes = 100;

/**
 * The assistant's short summary of a resolved crisis, in the brand's language. The
 * assistant never throws for a slow model (it answers offline instead); anything else
 * leaves the draft without a summary rather than without a postmortem.
 */
export async function summarizeFor(ctx: Ctx, brand: BrandView, postmortem: Postmortem): Promise<Narrative | null> {
  const e = postmortem.escalation;
  if (!e.resolvedAt) return null;
  try {
    return await ctx.ai.summarizePostmortem({
      brandName: brand.name,
      language: brand.settings.language,
      number: e.number,
      severity: e.severity,
      summary: e.summary,
      raisedAt: e.raisedAt,
      acknowledgedAt: e.acknowledgedAt,
      resolvedAt: e.resolvedAt,
      resolution: e.resolution,
      pageCount: e.pageCount,
      events: postmortem.timeline.slice(-maxEvents).map((entry) => ({ at: entry.at, type: entry.type, note: entry.note?.slice(0, 2000) ?? null })),
      interactions: postmortem.interactions.slice(0, maxQuotes).map((i) => ({ text: i.text.slice(0, 1000) || '…', sentiment: i.sentiment === 'positive' || i.sentiment === 'neutral' || i.sentiment === 'negative' ? i.sentiment : null })),
    });
  } catch (error) {
    ctx.log.warn({ err: error, escalationId: e.id }, 'no assistant summary for the postmortem');
    return null;
  }
}
