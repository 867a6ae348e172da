import { z } from 'zod';

export const sentimentSchema = z.enum(['positive', 'neutral', 'negative']);

export const textAnalysisSchema = z.object({
  sentiment: sentimentSchema,
  /** -1 (very negative) .. 1 (very positive) */
  score: z.number().min(-1).max(1),
  leadIntent: z.boolean(),
  /** 0 .. 1 */
  crisisRisk: z.number().min(0).max(1),
  language: z.string().nullable(),
  /** true when a fallback answered because the model was slow or failed */
  fallback: z.boolean().default(false),
});
export type TextAnalysis = z.infer<typeof textAnalysisSchema>;

/**
 * The assistant port the core uses. `src/ai/` provides the OpenAI-backed and the offline
 * implementations; the core only knows this shape.
 */
export type Assistant = {
  analyzeText(text: string): Promise<TextAnalysis>;
};

const positiveWords = ['love', 'great', 'amazing', 'thanks', 'thank', 'awesome', 'excellent', 'gracias', 'encanta', 'grazie', 'adoro', 'perfetto'];
const negativeWords = ['hate', 'terrible', 'awful', 'worst', 'broken', 'refund', 'scam', 'odio', 'horrible', 'pésimo', 'schifo', 'pessimo', 'rimborso', 'reembolso'];
const leadWords = ['price', 'how much', 'buy', 'available', 'cuánto', 'cuanto cuesta', 'comprar', 'quanto costa', 'comprare', 'disponibile'];
const crisisWords = ['lawsuit', 'boycott', 'refund', 'sick', 'injured', 'press', 'viral', 'demanda', 'boicot', 'denuncia', 'boicottaggio'];

function countHits(text: string, words: string[]): number {
  return words.filter((word) => text.includes(word)).length;
}

/** A small deterministic default so the core works before the real assistant is wired. */
export const simpleAssistant: Assistant = {
  async analyzeText(text) {
    const lower = text.toLowerCase();
    const balance = countHits(lower, positiveWords) - countHits(lower, negativeWords);
    const score = Math.max(-1, Math.min(1, balance / 2));
    const crisisRisk = Math.min(1, countHits(lower, crisisWords) * 0.35 + (score < 0 ? 0.2 : 0));
    return {
      sentiment: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral',
      score,
      leadIntent: countHits(lower, leadWords) > 0,
      crisisRisk,
      language: null,
      fallback: false,
    };
  },
};
