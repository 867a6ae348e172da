import {
  checkCopyInputSchema,
  digestFactsSchema,
  draftReplyInputSchema,
  postmortemFactsSchema,
  type Assistant,
  type CopyIssue,
  type TextAnalysis,
} from '../../core/assistant.js';
import type { Log } from '../../core/log.js';
import type { Language } from '../../i18n/catalog.js';
import { analyzeOffline } from '../offline/analyzeText.js';
import { checkCopyRules, copyLanguage } from '../offline/copyCheck.js';
import { askModel, type FailureReason, type ModelSettings } from './askModel.js';
import { analysisAnswerSchema, copyToneAnswerSchema, narrativeAnswerSchema, replyAnswerSchema } from './modelAnswers.js';
import { analysisPrompt, copyTonePrompt, digestPrompt, postmortemPrompt, replyPrompt } from './prompts.js';

export type OpenAiAssistantOptions = ModelSettings & {
  log: Log;
  /** Answers whenever the model is slow, fails or answers out of shape. */
  offline: Assistant;
};

/** "ES", "es-MX" -> "es"; anything that is not an ISO 639-1 code ("Spanish") -> null. */
function normalizeLanguage(code: string | null): string | null {
  const match = code?.trim().toLowerCase().match(/^([a-z]{2})(?:[-_][a-z0-9]+)?$/);
  return match?.[1] ?? null;
}

function replyLanguage(text: string, given: Language | null): Language {
  if (given) return given;
  const detected = analyzeOffline(text).language;
  return detected === 'es' || detected === 'it' ? detected : 'en';
}

/**
 * The assistant backed by an OpenAI (or compatible) model. Each call asks once, within the
 * timeout; when the answer is late, fails or does not match its schema, the offline
 * assistant answers that call instead, marked `fallback: true`, and the reason is logged.
 */
export function createOpenAiAssistant(options: OpenAiAssistantOptions): Assistant {
  const { log, offline } = options;

  function noteFallback(call: string, reason: FailureReason, detail: string): void {
    log.warn({ call, reason, detail: detail.slice(0, 500), model: options.model }, 'assistant: model answer unusable, answered offline');
  }

  return {
    async analyzeText(text) {
      const outcome = await askModel(options, 'text_analysis', analysisAnswerSchema, analysisPrompt(text));
      if (!outcome.ok) {
        noteFallback('analyzeText', outcome.reason, outcome.detail);
        return { ...(await offline.analyzeText(text)), fallback: true };
      }
      const answer = outcome.value;
      const analysis: TextAnalysis = { ...answer, language: normalizeLanguage(answer.language), fallback: false };
      return analysis;
    },

    async draftReply(input) {
      const data = draftReplyInputSchema.parse(input);
      const language = replyLanguage(data.text, data.language);
      const outcome = await askModel(options, 'reply_draft', replyAnswerSchema, replyPrompt(data, language));
      if (!outcome.ok) {
        noteFallback('draftReply', outcome.reason, outcome.detail);
        return { ...(await offline.draftReply({ ...data, language })), fallback: true };
      }
      return { text: outcome.value.reply, language, fallback: false };
    },

    async checkCopy(input) {
      const data = checkCopyInputSchema.parse(input);
      const language = copyLanguage(data.copy, data.language);
      const outcome = await askModel(options, 'copy_tone', copyToneAnswerSchema, copyTonePrompt(data, language));
      if (!outcome.ok) {
        noteFallback('checkCopy', outcome.reason, outcome.detail);
        return { ...(await offline.checkCopy({ ...data, language })), fallback: true };
      }
      // Banned words, lengths and hashtag counts are facts: counted here, not asked of the model.
      const answer = outcome.value;
      const issues: CopyIssue[] = checkCopyRules(data);
      if (!answer.toneMatchesVoice) issues.push({ code: 'toneMismatch', severity: 'warning', params: { note: answer.toneNote } });
      if (!answer.hasCallToAction) issues.push({ code: 'noCallToAction', severity: 'warning', params: {} });
      return { issues, suggestion: answer.toneMatchesVoice ? null : answer.suggestion, fallback: false };
    },

    async narrateDigest(facts) {
      const data = digestFactsSchema.parse(facts);
      const outcome = await askModel(options, 'digest_narrative', narrativeAnswerSchema, digestPrompt(data));
      if (!outcome.ok) {
        noteFallback('narrateDigest', outcome.reason, outcome.detail);
        return { ...(await offline.narrateDigest(data)), fallback: true };
      }
      return { text: outcome.value.text, language: data.language, fallback: false };
    },

    async summarizePostmortem(facts) {
      const data = postmortemFactsSchema.parse(facts);
      const outcome = await askModel(options, 'postmortem_summary', narrativeAnswerSchema, postmortemPrompt(data));
      if (!outcome.ok) {
        noteFallback('summarizePostmortem', outcome.reason, outcome.detail);
        return { ...(await offline.summarizePostmortem(data)), fallback: true };
      }
      return { text: outcome.value.text, language: data.language, fallback: false };
    },
  };
}
