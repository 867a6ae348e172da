import { SentimentAnalyzer } from 'natural/lib/natural/sentiment/index.js';
import { PorterStemmerEs, PorterStemmerIt, type Stemmer } from 'natural/lib/natural/stemmers/index.js';
import { z } from 'zod';
import type { Language } from '../../i18n/catalog.js';

/*
 * natural's vocabularies (AFINN-165 and its Spanish AFINN, ML-SentiCon, Pattern) rate words on
 * different scales: AFINN from -5 to 5, SentiCon and Pattern from -1 to 1. Everything here is
 * brought to one scale of about -4..4, the range the social lexicon uses too.
 *
 * `minimum`: weaker ratings are ignored. SentiCon and Pattern rate everyday words a little
 * positive or negative ("in", "size", "model"); summed over a comment that noise outweighs
 * the one word that matters.
 */
type VocabularySpec = { language: string; type: 'afinn' | 'senticon' | 'pattern'; scale: number; minimum: number; stemmer: Stemmer | null };

// Most trusted first: AFINN was built from social media text; SentiCon and Pattern are
// broader but noisier (SentiCon rates "free" negative). Stems only where inflection hides
// most words from an exact match (Spanish and Italian verbs and adjectives).
const specs: Record<Language, VocabularySpec[]> = {
  en: [
    { language: 'English', type: 'afinn', scale: 0.8, minimum: 1, stemmer: null },
    { language: 'English', type: 'pattern', scale: 4, minimum: 0.3, stemmer: null },
    { language: 'English', type: 'senticon', scale: 3, minimum: 0.75, stemmer: null },
  ],
  es: [
    { language: 'Spanish', type: 'afinn', scale: 0.8, minimum: 1, stemmer: PorterStemmerEs },
    { language: 'Spanish', type: 'senticon', scale: 3, minimum: 0.75, stemmer: PorterStemmerEs },
  ],
  it: [{ language: 'Italian', type: 'pattern', scale: 4, minimum: 0.3, stemmer: PorterStemmerIt }],
};

type Form = { word: string; value: number };
type Vocabulary = { analyzer: SentimentAnalyzer; spec: VocabularySpec; formsByStem: Map<string, Form[]> | null };

// natural keeps each word's polarity on the analyzer (`this.vocabulary`, numbers or numeric
// strings); its typings leave the table out, so it is read once here and checked.
const polarityTableSchema = z.record(z.string(), z.coerce.number());

/**
 * Forms grouped by stem. natural's own stemmed analyzer keeps one value per stem, the last
 * form read, so "pacchi" (parcels) got the rating of "pacchiano" (tacky); keeping every form
 * lets a lookup take the form closest to the word.
 */
function groupFormsByStem(analyzer: SentimentAnalyzer, stemmer: Stemmer, minimum: number): Map<string, Form[]> {
  const table = polarityTableSchema.parse((analyzer as unknown as { vocabulary: unknown }).vocabulary);
  const groups = new Map<string, Form[]>();
  for (const [word, value] of Object.entries(table)) {
    if (Math.abs(value) < minimum || word.includes(' ')) continue;
    const stem = stemmer.stem(word);
    groups.set(stem, [...(groups.get(stem) ?? []), { word, value }]);
  }
  return groups;
}

const loaded = new Map<Language, Vocabulary[]>();

function loadVocabularies(language: Language): Vocabulary[] {
  const cached = loaded.get(language);
  if (cached) return cached;
  const vocabularies = specs[language].map((spec) => {
    const analyzer = new SentimentAnalyzer(spec.language, undefined, spec.type);
    return { analyzer, spec, formsByStem: spec.stemmer ? groupFormsByStem(analyzer, spec.stemmer, spec.minimum) : null };
  });
  loaded.set(language, vocabularies);
  return vocabularies;
}

/** The rating of the rated form nearest to `word` among those sharing its stem; 0 when they disagree. */
function closestFormValue(word: string, vocabulary: Vocabulary): number {
  const forms = vocabulary.spec.stemmer && vocabulary.formsByStem?.get(vocabulary.spec.stemmer.stem(word));
  if (!forms) return 0;
  const distance = (form: Form) => Math.abs(form.word.length - word.length);
  const nearest = Math.min(...forms.map(distance));
  if (nearest > 2) return 0;
  const closest = forms.filter((form) => distance(form) === nearest);
  const signs = new Set(closest.map((form) => Math.sign(form.value)));
  if (signs.size > 1) return 0;
  return closest.reduce((sum, form) => sum + form.value, 0) / closest.length;
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
    if (Math.abs(value) >= vocabulary.spec.minimum) return value * vocabulary.spec.scale;
  }
  for (const vocabulary of vocabularies) {
    const value = closestFormValue(word, vocabulary);
    if (value) return value * vocabulary.spec.scale;
  }
  return 0;
}

/** Loads every vocabulary now (a few hundred milliseconds) instead of on the first comment. */
export function preloadVocabularies(): void {
  for (const language of Object.keys(specs) as Language[]) loadVocabularies(language);
}
