import type { Sentiment } from '../../core/assistant.js';
import type { Language } from '../../i18n/catalog.js';
import { stopwords } from './language.js';
import { lookUpValence } from './lexicons.js';
import {
  complaintQuestionOpeners,
  contrastWords,
  expectationStems,
  falseNegations,
  intensifiers,
  isNegator,
  socialValence,
  symbolValence,
} from './socialLexicon.js';
import { foldAccents, unelongate, type Token } from './tokens.js';

/** How the classifier turns a sum of valences into a label; exported for the evaluation. */
export const sentimentTuning = {
  /** VADER's normalisation constant: score = sum / sqrt(sum² + alpha). */
  alpha: 15,
  /** |score| below this is neutral. */
  neutralBand: 0.2,
  /** A negated word keeps this much of its valence, turned around (VADER uses 0.74). */
  negationFactor: 0.74,
  /** Words a negator reaches. */
  negationReach: 3,
  /** A plain question asks for information: its sentiment weighs this much. */
  questionDamping: 0.4,
  /** Valence a neutral "expectation" word gets when negated ("never arrived"). */
  unmetExpectation: -2,
  /** Negative words weigh this much more than positive ones. */
  negativeWeight: 1.5,
};

export type SentimentReading = { sentiment: Sentiment; score: number; hits: number };

const maxPhraseWords = 4;

function splitSentences(tokens: Token[]): { items: Token[]; end: string }[] {
  const sentences: { items: Token[]; end: string }[] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'punct' && /[.!?…;]/.test(token.text)) {
      sentences.push({ items: current, end: token.text });
      current = [];
    } else current.push(token);
  }
  if (current.length) sentences.push({ items: current, end: '' });
  return sentences;
}

function phraseAt(tokens: Token[], start: number, length: number): string | null {
  const slice = tokens.slice(start, start + length);
  if (slice.length < length || slice.some((t) => t.kind !== 'word')) return null;
  return slice.map((t) => t.text).join(' ');
}

/** Spanish -ísimo and Italian -issimo are "very" + the adjective: buenísimo -> 1.5 × bueno. */
function superlativeBases(word: string, language: Language): string[] {
  const match = language === 'es' ? /^(.+)ísim[oa]s?$/u.exec(word) : language === 'it' ? /^(.+)issim[oaie]$/u.exec(word) : null;
  if (!match?.[1]) return [];
  const base = match[1].replace(/qu$/, 'c').replace(/gu$/, 'g');
  return ['o', 'a', 'e', 'i', ''].map((ending) => base + ending);
}

function lexiconValence(word: string, language: Language): number {
  const social = socialValence[language].get(word);
  if (social !== undefined) return social;
  // Function words carry no feeling, whatever a general vocabulary says ("in", "just").
  if (stopwords[language].has(foldAccents(word).replace(/['’]/g, ''))) return 0;
  return lookUpValence(word, language);
}

/** A word's valence before context: social lexicon first, then natural's vocabularies. */
function wordValence(word: string, language: Language): number {
  for (const spelling of unelongate(word)) {
    const value = lexiconValence(spelling, language);
    if (value) return value;
    if (socialValence[language].has(spelling)) return 0;
  }
  for (const base of superlativeBases(word, language)) {
    const value = lexiconValence(base, language);
    if (value) return value * 1.5;
  }
  return 0;
}

/** "10/10", "2/5": a rating is sentiment without words. */
function ratingValence(text: string): number {
  const match = /^(\d+(?:[.,]\d+)?)\/(10|5)$/.exec(text);
  if (!match?.[1] || !match[2]) return 0;
  const share = Number(match[1].replace(',', '.')) / Number(match[2]);
  if (share > 1) return 0;
  return (share - 0.55) * 8;
}

function isExpectation(word: string, language: Language): boolean {
  return expectationStems[language].some((stem) => word.startsWith(stem));
}

// "like" is a preposition far more often than a feeling ("tastes like", "like this one").
const likeAsFeeling = new Set(['i', 'we', 'they', 'you', 'really', 'totally', 'definitely', 'do', 'would', "i'd", 'also', 'honestly']);

type SentenceScore = { sum: number; hits: number };

function scoreSentence(items: Token[], end: string, language: Language, wholeTextShouted: boolean): SentenceScore {
  const tuning = sentimentTuning;
  let sum = 0;
  let hits = 0;
  let negationLeft = 0;
  let boost = 1;
  let boostLeft = 0;
  let weight = 1;
  const emojiSeen = new Map<string, number>();
  const firstWords = items.filter((t) => t.kind === 'word').slice(0, 2).map((t) => t.text);
  const complaintQuestion = firstWords.some((w, i) => complaintQuestionOpeners[language].has(w) || complaintQuestionOpeners[language].has(firstWords.slice(0, i + 1).join(' ')));

  for (let i = 0; i < items.length; i++) {
    const token = items[i] as Token;
    if (token.kind === 'punct') {
      // A comma ends what a negator or intensifier can reach.
      negationLeft = 0;
      boostLeft = 0;
      continue;
    }
    if (token.kind === 'emoji' || token.kind === 'emoticon') {
      const value = symbolValence.get(token.text) ?? 0;
      const seen = emojiSeen.get(token.text) ?? 0;
      emojiSeen.set(token.text, seen + 1);
      // 🔥🔥🔥 is more than 🔥, but not three times more.
      if (value) {
        sum += value * (seen === 0 ? 1 : 0.4);
        hits++;
      }
      continue;
    }
    if (token.kind === 'number') {
      const value = ratingValence(token.text);
      if (value) {
        sum += value;
        hits++;
      }
      continue;
    }

    // Multi-word entries first, longest first: idioms, intensifiers, contrasts, phrases.
    let consumed = 1;
    let value = 0;
    let matchedPhrase = false;
    let controlPhrase = false;
    for (let length = maxPhraseWords; length >= 2 && !matchedPhrase; length--) {
      const phrase = phraseAt(items, i, length);
      if (!phrase) continue;
      const intensity = intensifiers[language].get(phrase);
      const phraseValue = socialValence[language].get(phrase);
      if (falseNegations[language].includes(phrase)) controlPhrase = true;
      else if (intensity !== undefined) {
        boost = intensity;
        boostLeft = 2;
        controlPhrase = true;
      } else if (contrastWords[language].has(phrase)) {
        sum *= 0.5;
        weight = 1.5;
        controlPhrase = true;
      } else if (phraseValue !== undefined) value = phraseValue;
      else continue;
      consumed = length;
      matchedPhrase = true;
    }
    if (controlPhrase) {
      i += consumed - 1;
      continue;
    }
    const word = token.text;
    if (!matchedPhrase) {
      if (falseNegations[language].includes(word)) continue;
      if (isNegator(word, language)) {
        // Spanish and Italian stack negators without cancelling them ("no ... nunca", "non ... mai").
        negationLeft = tuning.negationReach;
        continue;
      }
      const intensity = intensifiers[language].get(word);
      if (intensity !== undefined) {
        boost = intensity;
        boostLeft = 2;
        continue;
      }
      if (contrastWords[language].has(word)) {
        sum *= 0.5;
        weight = 1.5;
        continue;
      }
      if (language === 'en' && word === 'like') {
        const previous = items[i - 1]?.text ?? '';
        value = likeAsFeeling.has(previous) || isNegator(previous, language) ? 2 : 0;
      } else value = wordValence(word, language);
    }

    if (negationLeft > 0) {
      if (value === 0 && isExpectation(word, language)) value = tuning.unmetExpectation;
      else value *= -tuning.negationFactor;
    }
    if (value !== 0) {
      if (boostLeft > 0) value *= boost;
      if (token.shouted && !wholeTextShouted) value *= 1.3;
      if (token.elongated) value *= 1.2;
      if (value < 0) value *= tuning.negativeWeight;
      sum += value * weight;
      hits++;
      boostLeft = 0;
    } else if (boostLeft > 0) boostLeft--;
    if (negationLeft > 0) negationLeft -= consumed;
    i += consumed - 1;
  }

  const questions = (end.match(/\?/g) ?? []).length;
  const exclamations = (end.match(/!/g) ?? []).length;
  if (sum !== 0 && exclamations) sum += Math.sign(sum) * Math.min(exclamations, 3) * 0.3;
  // One plain "?" asks for information; "??" or "why ...?" is a complaint.
  if (questions === 1 && !exclamations && !complaintQuestion) sum *= tuning.questionDamping;
  return { sum, hits };
}

/** Positive, neutral or negative, with a score in -1..1, for text in a known language. */
export function readSentiment(tokens: Token[], language: Language): SentimentReading {
  const words = tokens.filter((t) => t.kind === 'word');
  const wholeTextShouted = words.length > 0 && words.every((t) => t.shouted || t.text.length < 2);
  let total = 0;
  let hits = 0;
  for (const sentence of splitSentences(tokens)) {
    const scored = scoreSentence(sentence.items, sentence.end, language, wholeTextShouted);
    total += scored.sum;
    hits += scored.hits;
  }
  const score = total / Math.sqrt(total * total + sentimentTuning.alpha);
  const rounded = Math.round(score * 1000) / 1000;
  const sentiment: Sentiment = score >= sentimentTuning.neutralBand ? 'positive' : score <= -sentimentTuning.neutralBand ? 'negative' : 'neutral';
  return { sentiment, score: rounded, hits };
}
