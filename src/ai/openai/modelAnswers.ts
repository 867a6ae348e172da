import { z } from 'zod';
import { sentimentSchema } from '../../core/assistant.js';

/*
 * What the model is asked to answer, one schema per call. Sent as strict JSON schemas
 * (every field required, null instead of absent) and checked again with zod on the way
 * back, because an OpenAI-compatible server may ignore the schema.
 */

export const analysisAnswerSchema = z.object({
  sentiment: sentimentSchema,
  score: z.number().min(-1).max(1).describe('-1 very negative .. 1 very positive'),
  leadIntent: z.boolean().describe('asks about price, buying, stock or availability'),
  crisisRisk: z.number().min(0).max(1).describe('0 harmless .. 1 could become a public crisis for the brand'),
  language: z.string().nullable().describe('ISO 639-1 code of the text, null if unclear'),
});

export const replyAnswerSchema = z.object({
  reply: z.string().trim().min(1).max(2000),
});

export const copyToneAnswerSchema = z.object({
  toneMatchesVoice: z.boolean(),
  toneNote: z.string().trim().max(500).describe('one sentence on the tone against the brand voice, in the requested language'),
  hasCallToAction: z.boolean(),
  suggestion: z.string().trim().min(1).max(5000).nullable().describe('a rewrite that fixes the tone, or null if the tone is fine'),
});

export const narrativeAnswerSchema = z.object({
  text: z.string().trim().min(1).max(3000),
});
