import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { updateBrandSetting } from '../../src/core/brands.js';
import { actionIds, fieldIds } from '../../src/slack/ids.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';
import type { SlackMessage } from '../fakes/slack.js';
import { argsOf, loggedErrors, socialChannel, startSlackHarness, textOf, type SlackHarness } from '../slack/harness.js';
import { gate, offlineAssistant, openAiAssistant, promptOf, waitForModelRequests } from './harness.js';

const fallbackNote = 'Offline answer: the AI assistant was slow or unavailable.';

/** Sentiment with its score, buying intent and crisis risk on every card /log posts; the fallback said so. */
describe('the assistant’s reading on a logged interaction (Slack)', () => {
  let h: SlackHarness;
  let fake: FakeOpenAi;

  beforeAll(async () => {
    h = await startSlackHarness();
    fake = await startFakeOpenAi();
  });
  afterAll(async () => {
    await fake.close();
    await h.close();
  });
  afterEach(() => {
    expect(loggedErrors(h)).toEqual([]);
    fake.requests.length = 0;
  });

  function lastCard(): SlackMessage {
    const card = h.slack.workspace.channelHistory(socialChannel).at(-1);
    if (!card) throw new Error('no card in the channel');
    return card;
  }

  it('offline: sentiment with its score, crisis risk and buying intent, without a fallback note', async () => {
    h.ctx.ai = offlineAssistant();
    const complaint = await h.commandReply(h.team.cm, '/log', 'facebook review Anna Terrible service, the box arrived broken and nobody answers');
    const text = textOf(complaint.body);
    expect(text).toMatch(/😠 negative \(-0\.\d\d\)/);
    expect(text).toMatch(/crisis risk \d+%/);
    expect(text).toContain('no buying intent');
    expect(text).not.toContain(fallbackNote);

    const lead = await h.commandReply(h.team.cm, '/log', 'instagram dm @buyer How much is the gift box? I want to buy two');
    expect(textOf(lead.body)).toContain('lead: new');
    expect(textOf(lead.body)).not.toContain('no buying intent');
  });

  it('in the brand’s language and number format', async () => {
    h.ctx.ai = offlineAssistant();
    await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'language', value: 'es' });
    try {
      const reply = await h.commandReply(h.team.cm, '/log', 'instagram comment @maria Odio este producto, es horrible');
      expect(textOf(reply.body)).toMatch(/negativo \(-0,\d\d\)/);
      expect(textOf(reply.body)).toMatch(/riesgo de crisis \d+%/);
      expect(textOf(reply.body)).toContain('sin intención de compra');
    } finally {
      await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'language', value: 'en' });
    }
  });

  it('OpenAI: Slack has its 200 while the model reads; the card shows the model’s reading', async () => {
    h.ctx.ai = openAiAssistant(h, fake);
    const model = gate();
    fake.script({ kind: 'json', value: { sentiment: 'negative', score: -0.8, leadIntent: true, crisisRisk: 0.9, language: 'es' }, hold: model.hold });
    const since = h.slack.mark();
    const ack = await h.command(h.team.cm, '/log', 'instagram comment @lucia La crema me quemó la piel, ¿cuánto cuesta el reembolso? Voy a denunciar');
    expect(ack.status).toBe(200);
    await waitForModelRequests(fake, 1);
    expect(h.slack.responses.filter((r) => r.seq > since)).toHaveLength(0);
    const prompt = promptOf(fake);
    expect(prompt.schema).toBe('text_analysis');
    expect(prompt.user).toEqual({ text: 'La crema me quemó la piel, ¿cuánto cuesta el reembolso? Voy a denunciar' });

    model.release();
    const card = await h.slack.waitForResponse({ since });
    const text = textOf(card.body);
    expect(text).toContain('😠 negative (-0.80)');
    expect(text).toContain('lead: new');
    expect(text).toContain('⚠️ crisis risk 90%');
    expect(text).not.toContain(fallbackNote);
    const row = await h.database.db.interaction.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(row).toMatchObject({ sentiment: 'negative', sentimentScore: -0.8, crisisRisk: 0.9, language: 'es', leadStage: 'new' });
  });

  it('OpenAI too slow: the offline reading, marked on the card, and still marked after a click redraws it', async () => {
    h.ctx.ai = openAiAssistant(h, fake, 300);
    fake.script({ kind: 'json', value: { sentiment: 'positive', score: 1, leadIntent: false, crisisRisk: 0, language: 'en' }, delayMs: 3000 });
    const reply = await h.commandReply(h.team.cm, '/log', 'x mention @sam Still waiting for my order after three weeks. Nobody answers emails.');
    expect(textOf(reply.body)).toContain(fallbackNote);
    // The late "positive" was not used: the offline reading is negative.
    expect(textOf(reply.body)).toContain('negative');

    const card = lastCard();
    const since = h.slack.mark();
    await h.click(h.team.cm, card, actionIds.markResponded);
    const redraw = await h.slack.waitForResponse({ since, where: (r) => r.body.replace_original === true });
    expect(textOf(redraw.body)).toContain('Answered by community-manager');
    expect(textOf(redraw.body)).toContain(fallbackNote);
  });

  it('OpenAI answers out of shape: the offline reading, marked', async () => {
    h.ctx.ai = openAiAssistant(h, fake);
    fake.script({ kind: 'json', value: { sentiment: 'ecstatic', score: 7, leadIntent: 'maybe', crisisRisk: 0, language: 'en' } });
    const reply = await h.commandReply(h.team.cm, '/log', 'tiktok comment @kim love it');
    expect(textOf(reply.body)).toContain(fallbackNote);
    expect(textOf(reply.body)).toContain('positive');
  });

  it('the /log modal closes before the model reads; the card follows the answer', async () => {
    h.ctx.ai = openAiAssistant(h, fake);
    const since = h.slack.mark();
    await h.command(h.team.cm, '/log', '');
    const view = await h.openedView(since);
    const model = gate();
    fake.script({ kind: 'json', value: { sentiment: 'positive', score: 0.7, leadIntent: false, crisisRisk: 0.05, language: 'it' }, hold: model.hold });
    const before = h.slack.mark();
    const closed = await h.submit(h.team.cm, view, { [fieldIds.logNetwork]: 'instagram', [fieldIds.logAuthor]: '@giulia', [fieldIds.logText]: 'Il caffè è buonissimo, grazie!' });
    expect(closed.status).toBe(200);
    expect(closed.text).toBe('');
    await waitForModelRequests(fake, 1);
    expect(h.slack.callsTo('chat.postMessage', before)).toHaveLength(0);
    model.release();
    const posted = await h.slack.waitForCall('chat.postMessage', { since: before });
    expect(argsOf(posted).channel).toBe(socialChannel);
    expect(textOf(argsOf(posted))).toContain('😊 positive (+0.70)');
    expect(textOf(argsOf(posted))).toContain('crisis risk 5%');
  });
});
