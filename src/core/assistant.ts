import { z } from 'zod';
import { EscalationEventType, Severity } from '../generated/prisma/enums.js';
import { languageSchema, translate, type Language, type MessageKey } from '../i18n/catalog.js';
import { copyLimits, findBannedWords, measureCopy, networkSchema } from './networkRules.js';

export const sentimentSchema = z.enum(['positive', 'neutral', 'negative']);
export type Sentiment = z.infer<typeof sentimentSchema>;

/** true when the offline assistant answered because the model was off, slow or wrong. */
const fallbackFlag = z.boolean().default(false);

export const textAnalysisSchema = z.object({
  sentiment: sentimentSchema,
  /** -1 (very negative) .. 1 (very positive) */
  score: z.number().min(-1).max(1),
  leadIntent: z.boolean(),
  /** 0 .. 1 */
  crisisRisk: z.number().min(0).max(1),
  language: z.string().nullable(),
  /** true when a fallback answered because the model was slow or failed */
  fallback: fallbackFlag,
});
export type TextAnalysis = z.infer<typeof textAnalysisSchema>;

export const draftReplyInputSchema = z.object({
  /** The comment, DM, mention or review to answer. */
  text: z.string().trim().min(1).max(10_000),
  /** Language of the original; null: the assistant detects it (English when it cannot tell). */
  language: languageSchema.nullable().default(null),
  /** The brand setting, free text ("warm, playful, emoji welcome"); empty: neutral and polite. */
  brandVoice: z.string().max(2000).default(''),
  /** Who wrote the original, to greet them; null: no name. */
  author: z.string().trim().max(200).nullable().default(null),
  brandName: z.string().trim().max(200).nullable().default(null),
});
export type DraftReplyInput = z.input<typeof draftReplyInputSchema>;

export const replyDraftSchema = z.object({
  text: z.string().min(1),
  language: languageSchema,
  fallback: fallbackFlag,
});
export type ReplyDraft = z.infer<typeof replyDraftSchema>;

export const checkCopyInputSchema = z.object({
  copy: z.string().min(1).max(70_000),
  network: networkSchema,
  brandVoice: z.string().max(2000).default(''),
  bannedWords: z.array(z.string()).max(1000).default([]),
  /** Language of the copy (the brand's language); null: detect it. */
  language: languageSchema.nullable().default(null),
});
export type CheckCopyInput = z.input<typeof checkCopyInputSchema>;

/** Each code is a message key `assistant.copy.<code>` rendered with the issue's params. */
export const copyIssueCodeSchema = z.enum([
  'bannedWord',
  'tooLong',
  'tooManyHashtags',
  'noHashtags',
  'noCallToAction',
  'toneMismatch',
  'negativeTone',
  'shouting',
  'emojiAgainstVoice',
  'slangAgainstVoice',
  'exclamationsAgainstVoice',
]);
export type CopyIssueCode = z.infer<typeof copyIssueCodeSchema>;

export const copyIssueSchema = z.object({
  code: copyIssueCodeSchema,
  /** error: the network refuses it or the brand forbids it; warning: fix before approving; info: worth a look. */
  severity: z.enum(['error', 'warning', 'info']),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type CopyIssue = z.infer<typeof copyIssueSchema>;

/** The message for a copy issue in the reader's language (every code has one: the build checks). */
export function describeCopyIssue(issue: CopyIssue, language: Language): string {
  const key: MessageKey = `assistant.copy.${issue.code}`;
  return translate(language, key, issue.params);
}

export const copyCheckSchema = z.object({
  issues: z.array(copyIssueSchema),
  /** A rewrite that fixes the tone, when the model offered one; never applied automatically. */
  suggestion: z.string().nullable().default(null),
  fallback: fallbackFlag,
});
export type CopyCheck = z.infer<typeof copyCheckSchema>;

const quoteSchema = z.object({
  text: z.string().trim().min(1).max(1000),
  sentiment: sentimentSchema.nullable().default(null),
  network: networkSchema.nullable().default(null),
});

export const digestFactsSchema = z.object({
  brandName: z.string().trim().min(1).max(200),
  language: languageSchema.default('en'),
  period: z.enum(['day', 'week']).default('day'),
  /**
   * Metric values now and in the previous period. `metric` is a goal metric or a snapshot
   * column (followers, reach, impressions, engagements, engagement_rate, clicks, shares,
   * comments, likes, leads, response_time, positive_sentiment, spend).
   */
  metrics: z
    .array(
      z.object({
        metric: z.string().trim().min(1).max(60),
        network: networkSchema.nullable().default(null),
        current: z.number(),
        previous: z.number().nullable().default(null),
      }),
    )
    .max(60)
    .default([]),
  interactions: z
    .object({
      total: z.number().int().min(0),
      positive: z.number().int().min(0).default(0),
      neutral: z.number().int().min(0).default(0),
      negative: z.number().int().min(0).default(0),
      leads: z.number().int().min(0).default(0),
      unanswered: z.number().int().min(0).default(0),
    })
    .nullable()
    .default(null),
  /** Comments worth quoting, most telling first. */
  quotes: z.array(quoteSchema).max(10).default([]),
  postsPublished: z.number().int().min(0).default(0),
  openEscalations: z.number().int().min(0).default(0),
});
export type DigestFacts = z.input<typeof digestFactsSchema>;

export const postmortemFactsSchema = z.object({
  brandName: z.string().trim().min(1).max(200),
  language: languageSchema.default('en'),
  number: z.number().int().positive(),
  severity: z.enum(Severity),
  summary: z.string().trim().min(1).max(2000),
  raisedAt: z.date(),
  acknowledgedAt: z.date().nullable().default(null),
  resolvedAt: z.date(),
  resolution: z.string().trim().max(4000).nullable().default(null),
  pageCount: z.number().int().min(0).default(0),
  events: z
    .array(z.object({ at: z.date(), type: z.enum(EscalationEventType), note: z.string().max(2000).nullable().default(null) }))
    .max(500)
    .default([]),
  /** The linked interactions (what people said). */
  interactions: z.array(quoteSchema).max(100).default([]),
});
export type PostmortemFacts = z.input<typeof postmortemFactsSchema>;

/** A short generated text (digest narrative, postmortem summary) in the brand's language. */
export const narrativeSchema = z.object({
  text: z.string().min(1),
  language: languageSchema,
  fallback: fallbackFlag,
});
export type Narrative = z.infer<typeof narrativeSchema>;

/**
 * The assistant port the core uses. `src/ai/` provides the OpenAI-backed and the offline
 * implementations; the core only knows this shape. No method throws for a slow or broken
 * model: the offline answer comes back instead, with `fallback: true`.
 */
export type Assistant = {
  analyzeText(text: string): Promise<TextAnalysis>;
  draftReply(input: DraftReplyInput): Promise<ReplyDraft>;
  checkCopy(input: CheckCopyInput): Promise<CopyCheck>;
  narrateDigest(facts: DigestFacts): Promise<Narrative>;
  summarizePostmortem(facts: PostmortemFacts): Promise<Narrative>;
};

const positiveWords = ['love', 'great', 'amazing', 'thanks', 'thank', 'awesome', 'excellent', 'gracias', 'encanta', 'grazie', 'adoro', 'perfetto'];
const negativeWords = ['hate', 'terrible', 'awful', 'worst', 'broken', 'refund', 'scam', 'odio', 'horrible', 'pésimo', 'schifo', 'pessimo', 'rimborso', 'reembolso'];
const leadWords = ['price', 'how much', 'buy', 'available', 'cuánto', 'cuanto cuesta', 'comprar', 'quanto costa', 'comprare', 'disponibile'];
const crisisWords = ['lawsuit', 'boycott', 'refund', 'sick', 'injured', 'press', 'viral', 'demanda', 'boicot', 'denuncia', 'boicottaggio'];

function countHits(text: string, words: string[]): number {
  return words.filter((word) => text.includes(word)).length;
}

function languageOr(language: Language | null | undefined): Language {
  return language ?? 'en';
}

/**
 * A tiny deterministic stand-in for tests that do not care what the assistant says. The
 * app uses `createAssistant` (src/ai/), whose offline assistant is the real fallback.
 */
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
  async draftReply(input) {
    const data = draftReplyInputSchema.parse(input);
    const language = languageOr(data.language);
    return { text: translate(language, 'assistant.simpleReply', { author: data.author ?? '' }).trim(), language, fallback: false };
  },
  async checkCopy(input) {
    const data = checkCopyInputSchema.parse(input);
    const issues: CopyIssue[] = findBannedWords(data.copy, data.bannedWords).map((word) => ({ code: 'bannedWord', severity: 'error', params: { word } }));
    const length = measureCopy(data.copy);
    const limit = copyLimits[data.network];
    if (length > limit) issues.push({ code: 'tooLong', severity: 'error', params: { network: data.network, length, limit } });
    return { issues, suggestion: null, fallback: false };
  },
  async narrateDigest(facts) {
    const data = digestFactsSchema.parse(facts);
    return { text: translate(data.language, 'assistant.simpleDigest', { brand: data.brandName, count: data.metrics.length }), language: data.language, fallback: false };
  },
  async summarizePostmortem(facts) {
    const data = postmortemFactsSchema.parse(facts);
    const text = [data.summary, data.resolution].filter(Boolean).join(' — ');
    return { text, language: data.language, fallback: false };
  },
};
