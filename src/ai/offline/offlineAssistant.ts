import type { Assistant } from '../../core/assistant.js';
import { analyzeOffline } from './analyzeText.js';
import { checkCopyOffline } from './copyCheck.js';
import { narrateDigestOffline } from './digestNarrative.js';
import { preloadVocabularies } from './lexicons.js';
import { summarizePostmortemOffline } from './postmortem.js';
import { draftReplyOffline } from './replyDraft.js';

/**
 * The assistant without a model: deterministic, no network, no download. It is the default
 * when no OpenAI key is set and the fallback of every OpenAI call that is slow or wrong.
 */
export function createOfflineAssistant(options: { preload?: boolean } = {}): Assistant {
  // Indexing natural's vocabularies takes a few hundred milliseconds: at startup, not on a user's click.
  if (options.preload) preloadVocabularies();
  return {
    async analyzeText(text) {
      return analyzeOffline(text);
    },
    async draftReply(input) {
      return draftReplyOffline(input);
    },
    async checkCopy(input) {
      return checkCopyOffline(input);
    },
    async narrateDigest(facts) {
      return narrateDigestOffline(facts);
    },
    async summarizePostmortem(facts) {
      return summarizePostmortemOffline(facts);
    },
  };
}
