import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createAssistant } from '../../src/ai/createAssistant.js';
import type { Assistant } from '../../src/core/assistant.js';
import { updateGuildChannels } from '../../src/core/guilds.js';
import { loadConfig } from '../../src/config.js';
import { startDiscordBot, type DiscordBot } from '../../src/discord/bot.js';
import { createRecordingLog, embedText } from '../discord/harness.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';
import { createTeam } from '../helpers/fixtures.js';
import { buildTestCtx, createManualClock } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { gate, offlineAssistant, promptOf, testModel, waitForModelRequests } from './harness.js';

const fallbackNote = 'Offline answer: the AI assistant was slow or unavailable.';

/** The bot copies its Ctx at start; this assistant stays the same object and answers as told. */
function switchableAssistant(initial: Assistant): Assistant & { use(next: Assistant): void } {
  let current = initial;
  return {
    use: (next) => {
      current = next;
    },
    analyzeText: (text) => current.analyzeText(text),
    draftReply: (input) => current.draftReply(input),
    checkCopy: (input) => current.checkCopy(input),
    narrateDigest: (facts) => current.narrateDigest(facts),
    summarizePostmortem: (facts) => current.summarizePostmortem(facts),
  };
}

describe('the assistant’s reading on Discord', () => {
  let database: TestDatabase;
  let fake: FakeDiscord;
  let openai: FakeOpenAi;
  let bot: DiscordBot;
  const log = createRecordingLog();
  const ai = switchableAssistant(offlineAssistant());

  beforeAll(async () => {
    database = await createTestDatabase();
    openai = await startFakeOpenAi();
    const clock = createManualClock('2026-03-02T09:00:00Z');
    const ctx = { ...buildTestCtx(database.db, { clock, ai }), log };
    await createTeam(ctx);
    fake = await startFakeDiscord({ now: () => clock.now() });
    const c = fake.community;
    await updateGuildChannels(ctx, { guildId: c.guildId, actorRef: c.users.admin, modLogChannelId: c.channels.modLog, reportsChannelId: c.channels.reports });
    bot = await startDiscordBot(ctx, { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
  });
  afterAll(async () => {
    await bot.stop();
    await fake.close();
    await openai.close();
    await database.close();
  });
  afterEach(() => {
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
    openai.requests.length = 0;
    ai.use(offlineAssistant());
  });

  function useOpenAi(timeoutMs = 3000): void {
    const config = loadConfig({ OPENAI_API_KEY: 'sk-test-key', OPENAI_BASE_URL: openai.baseURL, OPENAI_MODEL: testModel, LOG_LEVEL: 'silent' });
    ai.use(createAssistant(config, log, { timeoutMs }));
  }

  const say = (content: string, author: 'member' | 'member2' = 'member') =>
    fake.postMessage({ channelId: fake.community.channels.general, authorId: fake.community.users[author], content, dispatch: false });
  const logAsInteraction = (message: APIMessage) =>
    fake.runMessageCommand({ channelId: fake.community.channels.general, userId: fake.community.users.moderator, name: 'Log as interaction', messageId: message.id });
  const reading = (message: APIMessage | null) => (message?.embeds ?? []).map(embedText).join('\n');

  test('Log as interaction: the reply shows sentiment with its score, buying intent and crisis risk', async () => {
    const result = await logAsInteraction(say('How much is the seasonal blend? I want to buy two bags'));
    expect(result.reply?.content).toMatch(/^Logged as interaction #\d+ for Acme \(sentiment: \w+\)\.$/);
    const text = reading(result.reply);
    expect(text).toContain('Assistant reading');
    expect(text).toMatch(/Sentiment: \w+ \([+-]?\d\.\d\d\)/);
    expect(text).toContain('Buying intent: yes');
    expect(text).toMatch(/Crisis risk: \d+%/);
    expect(text).not.toContain(fallbackNote);
  });

  test('the reply is deferred before the model is asked; the model’s reading is shown', async () => {
    useOpenAi();
    const model = gate();
    openai.script({ kind: 'json', value: { sentiment: 'negative', score: -0.9, leadIntent: false, crisisRisk: 0.85, language: 'en' }, hold: model.hold });
    const answer = logAsInteraction(say('This cream burned my skin. My lawyer will hear about it.'));
    await waitForModelRequests(openai, 1);
    // Discord has its acknowledgement (a deferred reply) while the model is still reading.
    const deferrals = fake.callsTo('POST', /\/interactions\/\d+\/[^/]+\/callback$/).filter((call) => (call.body as { type?: number }).type === 5);
    expect(deferrals.length).toBeGreaterThan(0);
    expect(promptOf(openai).user).toEqual({ text: 'This cream burned my skin. My lawyer will hear about it.' });
    model.release();
    const text = reading((await answer).reply);
    expect(text).toContain('Sentiment: negative (-0.90)');
    expect(text).toContain('Buying intent: no');
    expect(text).toContain('Crisis risk: 85%');
    expect(text).not.toContain(fallbackNote);
  });

  test('a slow model: the offline reading, marked', async () => {
    useOpenAi(300);
    openai.script({ kind: 'json', value: { sentiment: 'positive', score: 1, leadIntent: false, crisisRisk: 0, language: 'en' }, delayMs: 3000 });
    const result = await logAsInteraction(say('Still waiting for my order after three weeks. Nobody answers.'));
    const text = reading(result.reply);
    expect(text).toContain('Sentiment: negative');
    expect(text).toContain(fallbackNote);
  });

  test('Report to moderators: the report shows the assistant’s reading, and keeps it once handled', async () => {
    const reported = say('you are all idiots, this brand is a scam and I will boycott it', 'member2');
    const result = await fake.runMessageCommand({ channelId: fake.community.channels.general, userId: fake.community.users.member, name: 'Report to moderators', messageId: reported.id });
    expect(result.reply?.content).toMatch(/^Thanks: report #\d+ went to the moderators\.$/);
    const posted = fake.messagesIn(fake.community.channels.reports).at(-1) as APIMessage;
    const footer = posted.embeds[0]?.footer?.text ?? '';
    expect(footer).toMatch(/^Assistant: negative \(-\d\.\d\d\) · buying intent: no · crisis risk \d+%$/);

    const reportId = Number(/#(\d+)/.exec(posted.embeds[0]?.title ?? '')?.[1]);
    await fake.clickButton({ channelId: fake.community.channels.reports, userId: fake.community.users.moderator, messageId: posted.id, customId: `report:dismiss:${reportId}` });
    const handled = fake.messagesIn(fake.community.channels.reports).find((m) => m.id === posted.id) as APIMessage;
    expect(embedText(handled.embeds[0] ?? {})).toContain('Dismissed');
    expect(handled.embeds[0]?.footer?.text).toBe(footer);
  });
});
