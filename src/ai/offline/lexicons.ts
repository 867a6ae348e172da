import { SentimentAnalyzer } from 'natural/lib/natural/sentiment/index.js';
import { PorterStemmerEs, PorterStemmerIt, type Stemmer } from 'natural/lib/natural/stemmers/index.js';
import type { Language } from '../../i18n/catalog.js';

// natural's vocabularies (AFINN-165 and its Spanish AFINN, ML-SentiCon, Pattern) rate words on
// different scales: AFINN from -5 to 5, SentiCon and Pattern from -1 to 1. Everything here is
// brought to one scale of about -4..4, the range the social lexicon uses too.
type Vocabulary = { analyzer: SentimentAnalyzer; stemmed: SentimentAnalyzer | null; scale: number };

type VocabularySpec = { language: string; type: 'afinn' | 'senticon' | 'pattern'; scale: number; stemmer: Stemmer | null };

// Most trusted first: AFINN was built from social media text; SentiCon and Pattern are
// broader but noisier (SentiCon rates "free" negative). Stemmed lookups only where
// inflection hides most words from an exact match (Spanish and Italian verbs and adjectives).
const specs: Record<Language, VocabularySpec[]> = {
  en: [
    { language: 'English', type: 'afinn', scale: 0.8, stemmer: null },
    { language: 'English', type: 'pattern', scale: 4, stemmer: null },
    { language: 'English', type: 'senticon', scale: 3, stemmer: null },
  ],
  es: [
    { language: 'Spanish', type: 'afinn', scale: 0.8, stemmer: PorterStemmerEs },
    { language: 'Spanish', type: 'senticon', scale: 3, stemmer: PorterStemmerEs },
  ],
  it: [{ language: 'Italian', type: 'pattern', scale: 4, stemmer: PorterStemmerIt }],
};

const loaded = new Map<Language, Vocabulary[]>();

function loadVocabularies(language: Language): Vocabulary[] {
  const cached = loaded.get(language);
  if (cached) return cached;
  const vocabularies = specs[language].map((spec) => ({
    analyzer: new SentimentAnalyzer(spec.language, undefined, spec.type),
    stemmed: spec.stemmer ? new SentimentAnalyzer(spec.language, spec.stemmer, spec.type) : null,
    scale: spec.scale,
  }));
  loaded.set(language, vocabularies);
  return vocabularies;
}

/**
 * The valence natural's vocabularies give one word (about -4..4), 0 when none knows it.
 * Asking the analyzer about a single word gives that word's polarity; negation, intensity
 * and emphasis are applied by the caller, which sees the whole sentence.
 */
export function lookUpValence(word: string, language: Language): number {
  const vocabularies = loadVocabularies(language);
  for (const vocabulary of vocabularies) {
    const value = vocabulary.analyzer.getSentiment([word]);
    if (value) return value * vocabulary.scale;
  }
  for (const vocabulary of vocabularies) {
    const value = vocabulary.stemmed?.getSentiment([word]);
    if (value) return value * vocabulary.scale;
  }
  return 0;
}

/** Loads every vocabulary now (about a second) instead of on the first comment. */
export function preloadVocabularies(): void {
  for (const language of Object.keys(specs) as Language[]) loadVocabularies(language);
}
