import type { Language } from '../../i18n/catalog.js';
import { foldAccents, type Token } from './tokens.js';

// Frequent function words of each language. Some are shared ("con", "una", "mi"): they add to
// both languages and so cannot decide alone, but they still outvote a third language.
// The sentiment reader also skips these words, whatever a vocabulary says about them.
export const stopwords: Record<Language, ReadonlySet<string>> = {
  en: new Set(
    'the and is are was were to you your my i it its this that of for in on with at from have has had do does did not be been will would can could should just so we they them our what when where which who how why there here about an or if but me all get got any some thanks thank please im dont cant ive much very really after before still again'.split(' '),
  ),
  es: new Set(
    'el los las del al que y en es por para con una lo le les se mi mis te tu su sus muy pero mas ya esta estoy he ha han hay como cuando donde tambien sin todo esto eso este vuestro vuestra vuestros os sois estais teneis haceis gracias porque hola pedido ni nada nadie nunca otra vez me mucho hace puedo tengo soy fue cuanto quiero'.split(' '),
  ),
  it: new Set(
    'il lo gli di che e un una per con non mi ti ci del della dei delle al alla ai sono ho hanno anche piu ma come questo questa quello quella perche gia sempre molto avete siete vi voi nel nella sul sulla da dal dalla grazie mai niente nessuno ancora tutto tutti cosa poi se solo stato stata dopo ordine l c dell nell sull all po quale quali ne mio mia miei suo sua loro cosi proprio ecco qui qua fatto vostro vostra vostri oggi ieri degli negli agli alle nelle sulle dalle quanto dove posso vorrei'.split(' '),
  ),
};

// Letters and endings that give a language away in a short text.
const cues: Record<Language, RegExp[]> = {
  en: [/\b\w+'(t|s|re|ve|ll|m)\b/, /\b\w+ing\b/, /\bth\w+/, /\w+ly\b/],
  es: [/ñ/, /[¿¡]/, /\w+ción\b/, /\w+ísim[oa]s?\b/, /\b\w+(ado|ada|idos|idas)\b/, /á|í|ó|ú/],
  it: [/\b\w+(zione|zioni|ato|ata|ati|ito|ita|uto|uta)\b/, /\w+issim[oaie]\b/, /\b(c|l|un|dell|nell|sull|all)'/, /\w+[àèìòù]\b/, /\b\w*(gli|zz|cch)\w*/],
};

export type LanguageGuess = { language: Language | null; confidence: number };

/**
 * Guesses English, Spanish or Italian from function words and tell-tale spellings. Null when
 * nothing gives it away (an emoji, a product name): callers then use their default.
 */
export function detectLanguage(text: string, tokens: Token[]): LanguageGuess {
  const words = tokens.filter((t) => t.kind === 'word').map((t) => foldAccents(t.text).replace(/['’]/g, ''));
  const lower = text.toLowerCase();
  // Italian words nearly all end in a vowel; Spanish and English ones often do not.
  const longWords = words.filter((word) => word.length >= 3);
  const vowelEndings = longWords.filter((word) => /[aeiou]$/.test(word)).length / Math.max(1, longWords.length);
  const scores = (Object.keys(stopwords) as Language[]).map((language) => {
    const stopwordHits = words.filter((word) => stopwords[language].has(word)).length;
    const cueHits = cues[language].filter((cue) => cue.test(lower)).length;
    const vowelCue = language === 'it' && longWords.length >= 4 && vowelEndings >= 0.8 ? 0.5 : 0;
    return { language, score: stopwordHits + 0.75 * cueHits + vowelCue };
  });
  scores.sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (!best || best.score === 0) return { language: null, confidence: 0 };
  const margin = best.score - (second?.score ?? 0);
  if (margin === 0) return { language: null, confidence: 0 };
  return { language: best.language, confidence: Math.min(1, margin / Math.max(2, best.score)) };
}
