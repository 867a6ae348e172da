import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/ai/createAssistant.js';
import { loadConfig } from '../../src/config.js';
import { silentLog } from '../../src/core/log.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';

let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});

describe('createAssistant', () => {
  it('is offline without OPENAI_API_KEY, and calls nobody', async () => {
    const ai = createAssistant(loadConfig({ OPENAI_BASE_URL: fake.baseURL }), silentLog);
    const analysis = await ai.analyzeText('Love the new packaging 😍');
    expect(analysis).toMatchObject({ sentiment: 'positive', language: 'en', fallback: false });
    expect(fake.requests).toHaveLength(0);
  });

  it('uses the model named by OPENAI_MODEL at OPENAI_BASE_URL when OPENAI_API_KEY is set', async () => {
    const config = loadConfig({ OPENAI_API_KEY: 'sk-config', OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'local-llama' });
    const ai = createAssistant(config, silentLog, { timeoutMs: 1000 });
    fake.script({ kind: 'json', value: { sentiment: 'neutral', score: 0, leadIntent: true, crisisRisk: 0, language: 'es' } });
    expect(await ai.analyzeText('¿Cuánto cuesta?')).toEqual({ sentiment: 'neutral', score: 0, leadIntent: true, crisisRisk: 0, language: 'es', fallback: false });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.body.model).toBe('local-llama');
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-config');
  });
});
