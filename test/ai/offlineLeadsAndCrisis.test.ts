import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../src/ai/offline/analyzeText.js';

describe('offline lead intent', () => {
  it.each([
    'How much is the large bundle?',
    'Where can I buy these in Leeds?',
    'Is the black one back in stock?',
    'Do you ship to Canada?',
    '¿Cuánto cuesta el pack grande?',
    '¿Dónde puedo comprarlo?',
    'Quiero comprar dos, ¿tenéis stock?',
    'Quanto costa la borsa?',
    'Dove posso comprarlo?',
    'Spedite anche in Svizzera?',
  ])('sees a buyer in %j', (text) => {
    expect(analyzeOffline(text).leadIntent).toBe(true);
  });

  it.each(['Love the new packaging', 'I want a refund for what I bought', 'Quiero que me devolváis el dinero', 'Rivoglio i miei soldi, voglio il rimborso'])(
    'sees no buyer in %j',
    (text) => {
      expect(analyzeOffline(text).leadIntent).toBe(false);
    },
  );
});

describe('offline crisis risk', () => {
  it('is near zero for everyday comments and praise', () => {
    expect(analyzeOffline('Do you ship to Canada?').crisisRisk).toBeLessThan(0.1);
    expect(analyzeOffline('Thanks for the quick refund, really appreciate it').crisisRisk).toBeLessThan(0.2);
  });

  it('rises with harm, legal threats, boycotts and press, in each language', () => {
    expect(analyzeOffline('My son got sick after eating this, I will call my lawyer').crisisRisk).toBeGreaterThan(0.7);
    expect(analyzeOffline('Mi hija acabó en urgencias por una reacción alérgica, voy a denunciaros').crisisRisk).toBeGreaterThan(0.7);
    expect(analyzeOffline('Boicottaggio! Lo sto mandando ai giornalisti, diventerà virale').crisisRisk).toBeGreaterThan(0.7);
  });

  it('weighs an ordinary complaint below a safety complaint', () => {
    const late = analyzeOffline('My order is late again, not happy').crisisRisk;
    const burn = analyzeOffline('This cream burned my skin, I had to go to hospital').crisisRisk;
    expect(late).toBeLessThan(0.4);
    expect(burn).toBeGreaterThan(late + 0.3);
  });

  it('adds anger: a negative, shouted threat scores above the same words said calmly', () => {
    expect(analyzeOffline('I AM CALLING MY LAWYER, THIS IS A DISGRACE').crisisRisk).toBeGreaterThan(analyzeOffline('I will ask my lawyer about this').crisisRisk);
  });
});
