import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../src/ai/offline/analyzeText.js';

function read(text: string) {
  return analyzeOffline(text);
}

describe('offline sentiment', () => {
  it('turns a word around after a negator, in each language', () => {
    expect(read('This is good').sentiment).toBe('positive');
    expect(read('This is not good').sentiment).toBe('negative');
    expect(read("I don't like it").sentiment).toBe('negative');
    expect(read('Not bad at all').sentiment).toBe('positive');
    expect(read('No me gusta nada').sentiment).toBe('negative');
    expect(read('Non è male').sentiment).toBe('positive');
  });

  it('reads a negated expectation as a complaint ("never arrived", "no funciona", "nessuno risponde")', () => {
    expect(read('My parcel never arrived').sentiment).toBe('negative');
    expect(read('La app no funciona desde ayer').sentiment).toBe('negative');
    expect(read('Ho scritto tre volte e nessuno risponde').sentiment).toBe('negative');
  });

  it('does not take idioms with a negator for negation', () => {
    expect(read("Not gonna lie, this is really good").sentiment).toBe('positive');
    expect(read('La crema me ha dejado la piel suave como nunca').sentiment).not.toBe('negative');
  });

  it('reads emoji and emoticons, with no words at all', () => {
    expect(read('😍😍').sentiment).toBe('positive');
    expect(read('👎').sentiment).toBe('negative');
    expect(read('ok 😡').sentiment).toBe('negative');
    expect(read('thanks :)').sentiment).toBe('positive');
  });

  it('makes a feeling stronger with intensifiers, capitals, elongation and superlatives', () => {
    const plain = read('This is good').score;
    expect(read('This is very good').score).toBeGreaterThan(plain);
    expect(read('This is GOOD').score).toBeGreaterThan(plain);
    expect(read('This is sooo goood').score).toBeGreaterThan(plain);
    expect(read('Está bueno').score).toBeLessThan(read('Está buenísimo').score);
    expect(read('Il corriere è gentile').score).toBeLessThan(read('Il corriere è gentilissimo').score);
  });

  it('knows social slang and abbreviations', () => {
    expect(read('lol this slaps').sentiment).toBe('positive');
    expect(read('ngl this is mid').sentiment).toBe('negative');
    expect(read('Qué pasada, me flipa').sentiment).toBe('positive');
    expect(read('La nuova collezione è una figata').sentiment).toBe('positive');
    expect(read('che schifo').sentiment).toBe('negative');
  });

  it('keeps plain questions neutral even when they name something good', () => {
    expect(read('Do you offer free shipping?').sentiment).toBe('neutral');
    expect(read('Is the blue one available in size 10?').sentiment).toBe('neutral');
    expect(read('¿Tenéis descuento para estudiantes?').sentiment).toBe('neutral');
  });

  it('counts what follows "but" more than what comes before', () => {
    expect(read('The design is nice but the quality is terrible').sentiment).toBe('negative');
    expect(read('Tardó un poco pero la calidad es excelente').sentiment).toBe('positive');
  });

  it('tells English, Spanish and Italian apart, and says null when it cannot tell', () => {
    expect(read('Where is my order? It has been two weeks').language).toBe('en');
    expect(read('¿Dónde está mi pedido? Ya han pasado dos semanas').language).toBe('es');
    expect(read('Dov’è il mio ordine? Sono passate due settimane').language).toBe('it');
    expect(read('🔥🔥').language).toBeNull();
  });

  it('scores stay within -1..1 and are deterministic', () => {
    const text = 'WORST. SERVICE. EVER!!! 😡😡😡 never again, absolutely terrible, awful, horrible';
    const first = read(text);
    expect(first.score).toBeGreaterThanOrEqual(-1);
    expect(first.score).toBeLessThan(-0.8);
    expect(read(text)).toEqual(first);
  });
});
