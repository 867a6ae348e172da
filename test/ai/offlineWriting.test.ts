import { describe, expect, it } from 'vitest';
import { createOfflineAssistant } from '../../src/ai/offline/offlineAssistant.js';
import { describeCopyIssue } from '../../src/core/assistant.js';

const ai = createOfflineAssistant();

describe('offline reply drafts', () => {
  it('answers in the language of the comment, greeting the author by first name', async () => {
    const draft = await ai.draftReply({ text: 'Mi pedido no ha llegado y nadie contesta', author: 'Lucía Pérez', brandVoice: '' });
    expect(draft).toMatchObject({ language: 'es', fallback: false });
    expect(draft.text).toMatch(/^¡Hola, Lucía!/);
    expect(draft.text).toMatch(/privado/);
  });

  it('follows the brand voice: formal register without emoji, or casual with emoji', async () => {
    const formal = await ai.draftReply({ text: 'Il prodotto è fantastico!', author: 'Marco Rossi', brandVoice: 'Formale e professionale' });
    expect(formal.text).toMatch(/^Gentile Marco,/);
    expect(formal.text).toMatch(/La ringraziamo/);
    expect(formal.text).not.toMatch(/\p{Extended_Pictographic}/u);
    const playful = await ai.draftReply({ text: 'Obsessed with the new blend', author: '@jo', brandVoice: 'playful and warm, emoji welcome' });
    expect(playful.text).toMatch(/^Hi @jo!/);
    expect(playful.text).toMatch(/\p{Extended_Pictographic}/u);
  });

  it('takes a possible crisis private without promises or emoji', async () => {
    const draft = await ai.draftReply({ text: 'My daughter had an allergic reaction to your cream. I am contacting a lawyer.', author: 'Jane', brandVoice: 'playful, emoji welcome' });
    expect(draft.text).toMatch(/seriously/);
    expect(draft.text).not.toMatch(/refund|\p{Extended_Pictographic}/u);
  });

  it('uses the language it is given over the one it would detect', async () => {
    expect((await ai.draftReply({ text: 'ok', language: 'it' })).text).toMatch(/^Ciao!/);
  });
});

describe('offline copy check', () => {
  it('flags banned words, length, hashtags, missing call to action and tone against the voice', async () => {
    const check = await ai.checkCopy({
      copy: 'OMG our NEW SUMMER DROP is LIT lol 🔥🔥 cheap stuff!!',
      network: 'x',
      brandVoice: 'Formal and calm, no emoji',
      bannedWords: ['cheap'],
    });
    const codes = check.issues.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['bannedWord', 'noHashtags', 'noCallToAction', 'emojiAgainstVoice', 'slangAgainstVoice', 'exclamationsAgainstVoice', 'shouting']));
    expect(check.issues.find((i) => i.code === 'bannedWord')).toEqual({ code: 'bannedWord', severity: 'error', params: { word: 'cheap' } });
    expect(check.issues.find((i) => i.code === 'slangAgainstVoice')?.params.words).toBe('omg, lit, lol');
    expect(check.fallback).toBe(false);
  });

  it('passes clean copy with a call to action and hashtags', async () => {
    const check = await ai.checkCopy({ copy: 'Descubre la nueva colección en nuestra web. #verano #moda', network: 'instagram', brandVoice: 'cercana' });
    expect(check.issues).toEqual([]);
  });

  it('knows each network’s length and hashtag limits', async () => {
    const tooLong = await ai.checkCopy({ copy: `${'a'.repeat(281)} #tag shop now`, network: 'x' });
    expect(tooLong.issues).toContainEqual({ code: 'tooLong', severity: 'error', params: { network: 'x', length: 295, limit: 280 } });
    const tags = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(' ');
    const instagram = await ai.checkCopy({ copy: `Shop the drop ${tags}`, network: 'instagram' });
    expect(instagram.issues).toContainEqual({ code: 'tooManyHashtags', severity: 'error', params: { network: 'instagram', count: 31, limit: 30 } });
  });

  it('has a message in every language for every issue it can raise', async () => {
    const check = await ai.checkCopy({ copy: 'OMG NEW DROP IS LIT 🔥 this is awful!!', network: 'instagram', brandVoice: 'formal', bannedWords: ['drop'] });
    for (const issue of check.issues) {
      for (const language of ['en', 'es', 'it'] as const) {
        const text = describeCopyIssue(issue, language);
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

describe('offline digest narrative and postmortem', () => {
  it('writes three sentences: the biggest change, the conversation, a quote', async () => {
    const narrative = await ai.narrateDigest({
      brandName: 'Acme',
      language: 'en',
      metrics: [
        { metric: 'followers', network: 'instagram', current: 1240, previous: 1000 },
        { metric: 'reach', current: 50000, previous: 48000 },
      ],
      interactions: { total: 18, positive: 12, neutral: 3, negative: 3, leads: 2 },
      quotes: [{ text: 'Love the new collection, when does it reach Leeds?' }],
      postsPublished: 3,
    });
    expect(narrative.text).toBe(
      'Followers on Instagram rose 24% since yesterday, to 1,240. Of 18 interactions, 12 were positive and 3 negative, and 2 look like sales leads. 3 posts went out. One comment sums it up: “Love the new collection, when does it reach Leeds?”.',
    );
    expect(narrative).toMatchObject({ language: 'en', fallback: false });
  });

  it('says so when nothing moved, in the brand’s language', async () => {
    const narrative = await ai.narrateDigest({ brandName: 'Acme', language: 'it', metrics: [{ metric: 'reach', current: 1010, previous: 1000 }] });
    expect(narrative.text).toMatch(/^I numeri di Acme sono rimasti stabili rispetto a ieri\./);
  });

  it('summarises a resolved escalation: timing, resolution, voices, freeze', async () => {
    const summary = await ai.summarizePostmortem({
      brandName: 'Acme',
      language: 'es',
      number: 4,
      severity: 'sev1',
      summary: 'Una influencer dice que la crema le quemó la piel',
      raisedAt: new Date('2026-03-02T09:00:00Z'),
      acknowledgedAt: new Date('2026-03-02T09:12:00Z'),
      resolvedAt: new Date('2026-03-02T12:05:00Z'),
      resolution: 'Lote retirado y comunicado publicado',
      pageCount: 2,
      events: [
        { at: new Date('2026-03-02T09:13:00Z'), type: 'frozen' },
        { at: new Date('2026-03-02T11:13:00Z'), type: 'unfrozen' },
      ],
      interactions: [{ text: '¡Esta crema me quemó la cara!', sentiment: 'negative' }],
    });
    expect(summary.text).toBe(
      'Escalada n.º 4 (sev1) de Acme: Una influencer dice que la crema le quemó la piel. Se atendió en 12 minutos y se resolvió en 3 horas 5 minutos, con 2 avisos enviados. Resolución: Lote retirado y comunicado publicado. Una interacción vinculada; negativas: 1. La que más pesó: «¡Esta crema me quemó la cara!». Las publicaciones estuvieron congeladas durante 2 horas.',
    );
  });
});
