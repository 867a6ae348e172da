import { APIConnectionTimeoutError, APIUserAbortError, type OpenAI } from 'openai';
import { zodResponseFormat, zodTextFormat } from 'openai/helpers/zod';
import type { z } from 'zod';
import type { Prompt } from './prompts.js';

/** Chat Completions is what OpenAI-compatible servers (local models, gateways) speak; Responses is OpenAI's newer API. */
export type ModelApi = 'chat' | 'responses';

export type ModelSettings = { client: OpenAI; model: string; api: ModelApi; timeoutMs: number };

export type FailureReason = 'timeout' | 'error' | 'refusal' | 'empty' | 'invalid_json' | 'invalid_answer';
export type ModelOutcome<T> = { ok: true; value: T } | { ok: false; reason: FailureReason; detail: string };

async function requestText(settings: ModelSettings, name: string, schema: z.ZodType, prompt: Prompt): Promise<{ text: string | null; refusal: string | null }> {
  // One attempt only: a retry would double the wait of someone who is already waiting.
  const options = { timeout: settings.timeoutMs, maxRetries: 0 };
  if (settings.api === 'responses') {
    const response = await settings.client.responses.create(
      { model: settings.model, instructions: prompt.system, input: prompt.user, text: { format: zodTextFormat(schema, name) } },
      options,
    );
    const refusal = response.output.flatMap((item) => (item.type === 'message' ? item.content : [])).find((part) => part.type === 'refusal');
    return { text: response.output_text || null, refusal: refusal?.type === 'refusal' ? refusal.refusal : null };
  }
  const completion = await settings.client.chat.completions.create(
    {
      model: settings.model,
      messages: [
        { role: 'system', content: prompt.system },
        { role: 'user', content: prompt.user },
      ],
      response_format: zodResponseFormat(schema, name),
    },
    options,
  );
  const message = completion.choices[0]?.message;
  return { text: message?.content ?? null, refusal: message?.refusal ?? null };
}

/**
 * One structured call: the JSON schema goes with the request, the answer is parsed and
 * checked with the same zod schema. Every failure comes back as a reason, never thrown, so
 * the caller can answer offline instead.
 */
export async function askModel<S extends z.ZodType>(settings: ModelSettings, name: string, schema: S, prompt: Prompt): Promise<ModelOutcome<z.output<S>>> {
  let answer: { text: string | null; refusal: string | null };
  try {
    answer = await requestText(settings, name, schema, prompt);
  } catch (error) {
    const reason: FailureReason = error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError ? 'timeout' : 'error';
    return { ok: false, reason, detail: error instanceof Error ? error.message : String(error) };
  }
  if (answer.refusal) return { ok: false, reason: 'refusal', detail: answer.refusal };
  if (!answer.text) return { ok: false, reason: 'empty', detail: 'no content in the answer' };
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch (error) {
    return { ok: false, reason: 'invalid_json', detail: error instanceof Error ? error.message : String(error) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'invalid_answer', detail: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  return { ok: true, value: parsed.data };
}
