import type { TextAnalysis } from '../../core/assistant.js';
import { languages } from '../../i18n/catalog.js';
import { rateCrisisRisk } from './crisis.js';
import { detectLanguage } from './language.js';
import { detectLeadIntent } from './leads.js';
import { readSentiment, type SentimentReading } from './sentiment.js';
import { tokenize, type Token } from './tokens.js';

/** Text in a language it cannot tell is read in each; the reading that recognises most words wins. */
function readInAnyLanguage(tokens: Token[]): SentimentReading {
  const readings = languages.map((language) => readSentiment(tokens, language));
  return readings.reduce((best, reading) => (reading.hits > best.hits ? reading : best));
}

/** Sentiment, lead intent and crisis risk of one comment, offline and deterministic. */
export function analyzeOffline(text: string): TextAnalysis {
  const tokens = tokenize(text);
  const { language } = detectLanguage(text, tokens);
  const reading = language ? readSentiment(tokens, language) : readInAnyLanguage(tokens);
  const crisis = rateCrisisRisk(text, reading.score);
  return {
    sentiment: reading.sentiment,
    score: reading.score,
    leadIntent: detectLeadIntent(text, language),
    crisisRisk: crisis.risk,
    language,
    fallback: false,
  };
}
