import { OpenAI } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../src/ai/offline/analyzeText.js';
import { createOfflineAssistant } from '../../src/ai/offline/offlineAssistant.js';
import type { ModelApi } from '../../src/ai/openai/askModel.js';
import { createOpenAiAssistant } from '../../src/ai/openai/openaiAssistant.js';
import type { Assistant } from '../../src/core/assistant.js';
import type { Log } from '../../src/core/log.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';

type Warning = { fields: Record<string, unknown>; message: string | undefined };

function createRecordingLog(): { log: Log; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const log: Log = {
    error: () => {},
    warn: (fields, message) => warnings.push({ fields: typeof fields === 'string' ? {} : (fields as Record<string, unknown>), message }),
    info: () => {},
    debug: () => {},
    child: () => log,
  };
  return { log, warnings };
}

let fake: FakeOpenAi;
let warnings: Warning[];

beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

function buildAssistant(options: { api?: ModelApi; timeoutMs?: number } = {}): Assistant {
  const recording = createRecordingLog();
  warnings = recording.warnings;
  const timeoutMs = options.timeoutMs ?? 2000;
  return createOpenAiAssistant({
    client: new OpenAI({ apiKey: 'sk-test-key', baseURL: fake.baseURL, maxRetries: 0, timeout: timeoutMs }),
    model: 'gpt-test-mini',
    api: options.api ?? 'chat',
    timeoutMs,
    log: recording.log,
    offline: createOfflineAssistant(),
  });
}

type ChatBody = {
  model: string;
  messages: { role: string; content: string }[];
  response_format: { type: string; json_schema: { name: string; strict: boolean; schema: { properties: Record<string, unknown>; required: string[] } } };
};

function lastChatBody(): ChatBody {
  const request = fake.requests.at(-1);
  expect(request?.path).toBe('/v1/chat/completions');
  return request?.body as unknown as ChatBody;
}

describe('OpenAI assistant, chat completions', () => {
  it('asks for text analysis with the model, a strict JSON schema and the text as data, and uses the answer', async () => {
    const ai = buildAssistant();
    fake.script({ kind: 'json', value: { sentiment: 'negative', score: -0.8, leadIntent: false, crisisRisk: 0.9, language: 'EN' } });
    const analysis = await ai.analyzeText('Your cream burned my skin. Calling my lawyer.');
    expect(analysis).toEqual({ sentiment: 'negative', score: -0.8, leadIntent: false, crisisRisk: 0.9, language: 'en', fallback: false });

    const request = fake.requests[0];
    expect(request?.headers.authorization).toBe('Bearer sk-test-key');
    const body = lastChatBody();
    expect(body.model).toBe('gpt-test-mini');
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.name).toBe('text_analysis');
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.response_format.json_schema.schema.required).toEqual(['sentiment', 'score', 'leadIntent', 'crisisRisk', 'language']);
    expect(body.response_format.json_schema.schema.properties.sentiment).toMatchObject({ enum: ['positive', 'neutral', 'negative'] });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(JSON.parse(body.messages[1]?.content ?? '')).toEqual({ text: 'Your cream burned my skin. Calling my lawyer.' });
    expect(warnings).toEqual([]);
  });

  it('drafts a reply with the brand voice and a language instruction in the prompt', async () => {
    const ai = buildAssistant();
    fake.script({ kind: 'json', value: { reply: '¡Hola, Lucía! Lo sentimos mucho, escríbenos por privado y lo solucionamos 💛' } });
    const draft = await ai.draftReply({ text: 'Mi pedido no ha llegado', language: 'es', author: 'Lucía Pérez', brandName: 'Acme', brandVoice: 'Cercana y divertida, con emojis' });
    expect(draft).toEqual({ text: '¡Hola, Lucía! Lo sentimos mucho, escríbenos por privado y lo solucionamos 💛', language: 'es', fallback: false });

    const body = lastChatBody();
    expect(body.response_format.json_schema.name).toBe('reply_draft');
    const system = body.messages[0]?.content ?? '';
    expect(system).toContain('Brand voice: Cercana y divertida, con emojis');
    expect(system).toContain('Write in Spanish (es).');
    expect(JSON.parse(body.messages[1]?.content ?? '')).toEqual({ comment: 'Mi pedido no ha llegado', author: 'Lucía Pérez', brand: 'Acme' });
  });

  it('asks for a reply in the language of the comment when none is given', async () => {
    const ai = buildAssistant();
    fake.script({ kind: 'json', value: { reply: 'Ciao Marco! Grazie mille 💛' } });
    const draft = await ai.draftReply({ text: 'Il caffè è buonissimo, grazie per la spedizione veloce', author: 'Marco' });
    expect(draft.language).toBe('it');
    expect(lastChatBody().messages[0]?.content).toContain('Write in Italian (it).');
  });

  it('checks copy: counts banned words and lengths itself, takes tone and call to action from the model', async () => {
    const ai = buildAssistant();
    fake.script({
      kind: 'json',
      value: { toneMatchesVoice: false, toneNote: 'Too loud for a calm, premium voice.', hasCallToAction: false, suggestion: 'Our summer collection is here.' },
    });
    const check = await ai.checkCopy({ copy: 'HUGE cheap SUMMER SALE!!!', network: 'instagram', brandVoice: 'Calm and premium', bannedWords: ['cheap'], language: 'en' });
    expect(check).toEqual({
      issues: [
        { code: 'bannedWord', severity: 'error', params: { word: 'cheap' } },
        { code: 'noHashtags', severity: 'info', params: { network: 'instagram' } },
        { code: 'toneMismatch', severity: 'warning', params: { note: 'Too loud for a calm, premium voice.' } },
        { code: 'noCallToAction', severity: 'warning', params: {} },
      ],
      suggestion: 'Our summer collection is here.',
      fallback: false,
    });
    const body = lastChatBody();
    expect(body.response_format.json_schema.name).toBe('copy_tone');
    expect(body.messages[0]?.content).toContain('Brand voice: Calm and premium');
    expect(body.messages[0]?.content).toContain('Write in English (en).');
    expect(JSON.parse(body.messages[1]?.content ?? '')).toEqual({ network: 'instagram', copy: 'HUGE cheap SUMMER SALE!!!' });
  });

  it('narrates a digest from the facts in the brand’s language', async () => {
    const ai = buildAssistant();
    fake.script({ kind: 'json', value: { text: 'I follower su Instagram sono saliti del 24%. Tre post. «Adoro la nuova linea».' } });
    const narrative = await ai.narrateDigest({ brandName: 'Acme', language: 'it', metrics: [{ metric: 'followers', network: 'instagram', current: 1240, previous: 1000 }] });
    expect(narrative).toEqual({ text: 'I follower su Instagram sono saliti del 24%. Tre post. «Adoro la nuova linea».', language: 'it', fallback: false });
    const body = lastChatBody();
    expect(body.response_format.json_schema.name).toBe('digest_narrative');
    expect(body.messages[0]?.content).toContain('Write in Italian (it).');
    expect(JSON.parse(body.messages[1]?.content ?? '')).toMatchObject({ brandName: 'Acme', metrics: [{ metric: 'followers', current: 1240, previous: 1000 }] });
  });

  it('summarises a postmortem, sending the dates as ISO strings', async () => {
    const ai = buildAssistant();
    fake.script({ kind: 'json', value: { text: 'Escalation #4 was resolved in three hours.' } });
    const summary = await ai.summarizePostmortem({
      brandName: 'Acme',
      number: 4,
      severity: 'sev1',
      summary: 'Cream burn claim',
      raisedAt: new Date('2026-03-02T09:00:00Z'),
      resolvedAt: new Date('2026-03-02T12:05:00Z'),
    });
    expect(summary.text).toBe('Escalation #4 was resolved in three hours.');
    const body = lastChatBody();
    expect(body.response_format.json_schema.name).toBe('postmortem_summary');
    expect(JSON.parse(body.messages[1]?.content ?? '')).toMatchObject({ raisedAt: '2026-03-02T09:00:00.000Z', resolvedAt: '2026-03-02T12:05:00.000Z' });
  });
});

describe('OpenAI assistant, falling back to offline', () => {
  const text = 'Still waiting for my order after three weeks. Nobody answers emails.';

  it('answers offline, marked, when the model is slower than the timeout', async () => {
    const ai = buildAssistant({ timeoutMs: 300 });
    fake.script({ kind: 'json', value: { sentiment: 'positive', score: 1, leadIntent: false, crisisRisk: 0, language: 'en' }, delayMs: 3000 });
    const analysis = await ai.analyzeText(text);
    // The late answer said "positive": getting the offline "negative" shows it was not awaited.
    expect(analysis).toEqual({ ...analyzeOffline(text), fallback: true });
    expect(analysis.sentiment).toBe('negative');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.fields).toMatchObject({ call: 'analyzeText', reason: 'timeout', model: 'gpt-test-mini' });
  });

  it('answers offline when the answer is not JSON', async () => {
    const ai = buildAssistant();
    fake.script({ kind: 'text', text: '{"sentiment": "positive", "score": 0.9' });
    expect(await ai.analyzeText(text)).toEqual({ ...analyzeOffline(text), fallback: true });
    expect(warnings[0]?.fields).toMatchObject({ call: 'analyzeText', reason: 'invalid_json' });
  });

  it('answers offline when the JSON does not match the schema', async () => {
    const ai = buildAssistant();
    fake.script({ kind: 'json', value: { sentiment: 'ecstatic', score: 7, leadIntent: 'maybe', crisisRisk: 0, language: 'en' } });
    expect(await ai.analyzeText(text)).toEqual({ ...analyzeOffline(text), fallback: true });
    expect(warnings[0]?.fields).toMatchObject({ reason: 'invalid_answer' });
    expect(String(warnings[0]?.fields.detail)).toContain('sentiment');
  });

  it('answers offline after one failed request, without retrying', async () => {
    const ai = buildAssistant();
    fake.script({ kind: 'status', status: 500, message: 'overloaded' });
    const draft = await ai.draftReply({ text: 'Me encantó el pedido 😍', author: 'Ana' });
    expect(draft).toMatchObject({ language: 'es', fallback: true });
    expect(draft.text).toMatch(/^¡Hola, Ana!/);
    expect(fake.requests).toHaveLength(1);
    expect(warnings[0]?.fields).toMatchObject({ call: 'draftReply', reason: 'error' });
  });

  it('answers offline when the model refuses', async () => {
    const ai = buildAssistant();
    fake.script({ kind: 'refusal', refusal: 'I can’t help with that.' });
    const check = await ai.checkCopy({ copy: 'Shop the new drop! #summer', network: 'instagram', bannedWords: [] });
    expect(check).toEqual({ issues: [], suggestion: null, fallback: true });
    expect(warnings[0]?.fields).toMatchObject({ call: 'checkCopy', reason: 'refusal' });
  });

  it('falls back for the digest and the postmortem too', async () => {
    const ai = buildAssistant();
    fake.script({ kind: 'json', value: { text: '' } }, { kind: 'text', text: 'not json' });
    const narrative = await ai.narrateDigest({ brandName: 'Acme', language: 'es' });
    expect(narrative).toMatchObject({ language: 'es', fallback: true });
    expect(narrative.text).toMatch(/^No se registraron métricas de Acme/);
    const summary = await ai.summarizePostmortem({
      brandName: 'Acme',
      number: 1,
      severity: 'sev3',
      summary: 'Rude reply',
      raisedAt: new Date('2026-03-02T09:00:00Z'),
      resolvedAt: new Date('2026-03-02T09:30:00Z'),
    });
    expect(summary).toMatchObject({ fallback: true, text: expect.stringMatching(/^Escalation #1 \(sev3\) for Acme: Rude reply\./) });
    expect(warnings.map((w) => w.fields.reason)).toEqual(['invalid_answer', 'invalid_json']);
  });
});

describe('OpenAI assistant, Responses API', () => {
  it('sends instructions, input and a JSON schema text format, and reads output_text', async () => {
    const ai = buildAssistant({ api: 'responses' });
    fake.script({ kind: 'json', value: { reply: 'Hi Jo! Thanks so much 💛' } });
    const draft = await ai.draftReply({ text: 'Obsessed with the new blend', author: 'Jo', brandVoice: 'playful' });
    expect(draft).toEqual({ text: 'Hi Jo! Thanks so much 💛', language: 'en', fallback: false });
    const request = fake.requests[0];
    expect(request?.path).toBe('/v1/responses');
    const body = request?.body as { model: string; instructions: string; input: string; text: { format: { type: string; name: string; strict: boolean; schema: unknown } } };
    expect(body.model).toBe('gpt-test-mini');
    expect(body.instructions).toContain('Brand voice: playful');
    expect(body.instructions).toContain('Write in English (en).');
    expect(JSON.parse(body.input)).toMatchObject({ comment: 'Obsessed with the new blend' });
    expect(body.text.format).toMatchObject({ type: 'json_schema', name: 'reply_draft', strict: true });
  });

  it('falls back on a malformed answer there too', async () => {
    const ai = buildAssistant({ api: 'responses' });
    fake.script({ kind: 'text', text: 'Sure! Here is your reply: Hi Jo' });
    expect((await ai.draftReply({ text: 'Love it', author: 'Jo' })).fallback).toBe(true);
    expect(warnings[0]?.fields).toMatchObject({ reason: 'invalid_json' });
  });
});
