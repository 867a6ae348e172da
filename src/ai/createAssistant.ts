import { OpenAI } from 'openai';
import type { Config } from '../config.js';
import type { Assistant } from '../core/assistant.js';
import type { Log } from '../core/log.js';
import type { ModelApi } from './openai/askModel.js';
import { createOfflineAssistant } from './offline/offlineAssistant.js';
import { createOpenAiAssistant } from './openai/openaiAssistant.js';

/** A model call longer than this is abandoned and answered offline. */
export const defaultAssistantTimeoutMs = 8000;

export type AssistantOptions = { timeoutMs?: number; api?: ModelApi; preload?: boolean };

/**
 * The OpenAI-backed assistant when OPENAI_API_KEY is set (OPENAI_BASE_URL points it at any
 * compatible server), the offline one otherwise. Either way the offline assistant is ready
 * to answer for a model that is slow or wrong.
 */
export function createAssistant(config: Config, log: Log, options: AssistantOptions = {}): Assistant {
  const offline = createOfflineAssistant({ preload: options.preload });
  if (!config.OPENAI_API_KEY) return offline;
  const timeoutMs = options.timeoutMs ?? defaultAssistantTimeoutMs;
  const client = new OpenAI({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, timeout: timeoutMs, maxRetries: 0 });
  return createOpenAiAssistant({
    client,
    model: config.OPENAI_MODEL,
    api: options.api ?? 'chat',
    timeoutMs,
    log: log.child({ component: 'assistant' }),
    offline,
  });
}
