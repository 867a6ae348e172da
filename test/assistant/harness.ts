import { expect, vi } from 'vitest';
import { createAssistant } from '../../src/ai/createAssistant.js';
import { createOfflineAssistant } from '../../src/ai/offline/offlineAssistant.js';
import type { Assistant } from '../../src/core/assistant.js';
import { loadConfig } from '../../src/config.js';
import type { FakeOpenAi } from '../fakes/openai.js';
import type { SlackView } from '../fakes/slack.js';
import type { SlackHarness } from '../slack/harness.js';

export const testModel = 'gpt-test-mini';

/**
 * The assistant Tandem builds in production (createAssistant), pointed at the OpenAI
 * stand-in, with a timeout a test can afford to wait out. Its offline fallback is real.
 */
export function openAiAssistant(h: SlackHarness, fake: FakeOpenAi, timeoutMs = 3000): Assistant {
  const config = loadConfig({ OPENAI_API_KEY: 'sk-test-key', OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: testModel, LOG_LEVEL: 'silent' });
  return createAssistant(config, h.log, { timeoutMs });
}

/** The assistant Tandem uses without an API key. */
export function offlineAssistant(): Assistant {
  return createOfflineAssistant();
}

/** A promise the test settles when it wants the held model answer to go out. */
export function gate(): { hold: Promise<void>; release: () => void } {
  let release = () => {};
  const hold = new Promise<void>((resolve) => (release = resolve));
  return { hold, release };
}

type ChatMessage = { role: string; content: string };

/** The system and user messages of a recorded chat completions request. */
export function promptOf(fake: FakeOpenAi, index = -1): { system: string; user: unknown; schema: string } {
  const body = fake.requests.at(index)?.body as { messages: ChatMessage[]; response_format: { json_schema: { name: string } } } | undefined;
  if (!body) throw new Error('no request reached the OpenAI stand-in');
  return {
    system: body.messages.find((m) => m.role === 'system')?.content ?? '',
    user: JSON.parse(body.messages.find((m) => m.role === 'user')?.content ?? 'null') as unknown,
    schema: body.response_format.json_schema.name,
  };
}

/** Waits until the stand-in has received `count` requests: the assistant has asked the model. */
export async function waitForModelRequests(fake: FakeOpenAi, count: number): Promise<void> {
  await vi.waitFor(() => expect(fake.requests.length).toBeGreaterThanOrEqual(count), { timeout: 5000, interval: 10 });
}

/** The text of a view's blocks, for assertions that do not care about layout. */
export function viewText(view: SlackView | undefined): string {
  return JSON.stringify(view?.blocks ?? []);
}
