import { checkCopyInputSchema, type CheckCopyInput, type CopyCheck, type CopyIssue } from '../../core/assistant.js';
import { copyLimits, findBannedWords, measureCopy, type Network } from '../../core/networkRules.js';
import type { Language } from '../../i18n/catalog.js';
import { detectLanguage } from './language.js';
import { readSentiment } from './sentiment.js';
import { foldAccents, tokenize } from './tokens.js';
import { allowsEmoji, readVoice } from './voice.js';

/**
 * Hashtags per network: `max` is what the network accepts (Instagram refuses more than 30,
 * YouTube ignores every tag past 15); `advised` is what tends to work; `expected` says
 * whether people find posts there through hashtags at all.
 */
const hashtagRules: Record<Network, { max: number | null; advised: number; expected: boolean }> = {
  instagram: { max: 30, advised: 10, expected: true },
  tiktok: { max: null, advised: 6, expected: true },
  x: { max: null, advised: 2, expected: true },
  threads: { max: null, advised: 1, expected: false },
  linkedin: { max: null, advised: 5, expected: true },
  youtube: { max: 15, advised: 5, expected: false },
  facebook: { max: null, advised: 3, expected: false },
  discord: { max: null, advised: 0, expected: false },
  other: { max: null, advised: 10, expected: false },
};

// Calls to action in the three languages, accent-free; a link counts as one too.
const callToAction: Record<Language, RegExp> = {
  en: /\b(shop|buy|order|get yours|grab|discover|learn more|find out|read more|sign up|register|join|visit|tap|click|swipe|link in (our )?bio|comment|tell us|let us know|share|tag a friend|tag someone|dm us|book|reserve|try|download|subscribe|follow|watch|listen|vote|enter|claim|save|check out|pre-?order)\b/,
  es: /\b(compra\w*|pide|pidelo|consigue\w*|descubre\w*|hazte con|mas informacion|lee mas|registrate|inscribete|unete|visita\w*|toca|haz clic|pincha|desliza|enlace en (la )?bio|link en (la )?bio|comenta\w*|cuentanos|dinos|comparte\w*|etiqueta\w*|escribenos|reserva\w*|prueba\w*|descarga\w*|suscribete|siguenos|mira|escucha|vota|participa|guarda|aprovecha)\b/,
  it: /\b(acquista\w*|compra\w*|ordina\w*|scopri\w*|prenota\w*|iscriviti|registrati|unisciti|visita\w*|tocca|clicca|scorri|link in bio|commenta\w*|raccontaci|dicci|condividi\w*|tagga\w*|scrivici|prova\w*|scarica\w*|abbonati|seguici|guarda|ascolta|vota|partecipa|salva|approfitta)\b/,
};

const slang: Record<Language, RegExp> = {
  en: /\b(lol|lmao|omg|gonna|wanna|gotta|tbh|ngl|fr|lit|slay|slaps|vibes?|bestie|yeet|af|bruh|ur|u)\b/g,
  es: /\b(jaja\w*|xd|mola\w*|guay|flipa\w*|tio|tia|colega|mazo|finde|porfa|q|xq)\b/g,
  it: /\b(ahah\w*|xd|figata|figo|top|bro|raga|cmq|nn|xke|tvb|sbatti)\b/g,
};

function hasCallToAction(copy: string, language: Language): boolean {
  if (/https?:\/\/|www\./.test(copy)) return true;
  return callToAction[language].test(foldAccents(copy));
}

/**
 * Copy checks that need no model: banned words, length and hashtags per network, a call to
 * action, and tone against the brand voice (emoji, slang, exclamation marks, shouting,
 * negativity). The OpenAI assistant keeps the first three and asks the model about tone.
 */
export function checkCopyRules(input: CheckCopyInput): CopyIssue[] {
  const data = checkCopyInputSchema.parse(input);
  const issues: CopyIssue[] = [];
  for (const word of findBannedWords(data.copy, data.bannedWords)) issues.push({ code: 'bannedWord', severity: 'error', params: { word } });
  const length = measureCopy(data.copy);
  const limit = copyLimits[data.network];
  if (length > limit) issues.push({ code: 'tooLong', severity: 'error', params: { network: data.network, length, limit } });
  const hashtags = data.copy.match(/(?<![\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu)?.length ?? 0;
  const rules = hashtagRules[data.network];
  if (rules.max !== null && hashtags > rules.max) issues.push({ code: 'tooManyHashtags', severity: 'error', params: { network: data.network, count: hashtags, limit: rules.max } });
  else if (hashtags > rules.advised && data.network !== 'discord') issues.push({ code: 'tooManyHashtags', severity: 'info', params: { network: data.network, count: hashtags, limit: rules.advised } });
  if (hashtags === 0 && rules.expected) issues.push({ code: 'noHashtags', severity: 'info', params: { network: data.network } });
  return issues;
}

export function checkCallToAction(copy: string, language: Language): CopyIssue[] {
  return hasCallToAction(copy, language) ? [] : [{ code: 'noCallToAction', severity: 'warning', params: {} }];
}

/** Tone against the voice, offline: what can be counted. */
export function checkToneOffline(copy: string, brandVoice: string, language: Language): CopyIssue[] {
  const issues: CopyIssue[] = [];
  const traits = readVoice(brandVoice);
  const tokens = tokenize(copy);
  const emoji = tokens.filter((t) => t.kind === 'emoji' || t.kind === 'emoticon').length;
  if (emoji > 0 && !allowsEmoji(traits) && (traits.formal || traits.emoji === 'avoid')) issues.push({ code: 'emojiAgainstVoice', severity: 'warning', params: { count: emoji } });
  if (traits.formal) {
    const found = [...new Set(foldAccents(copy).match(slang[language]) ?? [])];
    if (found.length) issues.push({ code: 'slangAgainstVoice', severity: 'warning', params: { words: found.join(', ') } });
  }
  const exclamations = copy.match(/!/g)?.length ?? 0;
  if (traits.calm && exclamations >= 2) issues.push({ code: 'exclamationsAgainstVoice', severity: 'info', params: { count: exclamations } });
  const shouted = tokens.filter((t) => t.kind === 'word' && t.shouted && t.text.length >= 3 && !t.hashtag).length;
  if (shouted >= 3) issues.push({ code: 'shouting', severity: 'info', params: { count: shouted } });
  if (readSentiment(tokens, language).sentiment === 'negative') issues.push({ code: 'negativeTone', severity: 'info', params: {} });
  return issues;
}

/** The language of the copy: as given, else detected, else English. */
export function copyLanguage(copy: string, language: Language | null): Language {
  return language ?? detectLanguage(copy, tokenize(copy)).language ?? 'en';
}

export function checkCopyOffline(input: CheckCopyInput): CopyCheck {
  const data = checkCopyInputSchema.parse(input);
  const language = copyLanguage(data.copy, data.language);
  const issues = [...checkCopyRules(data), ...checkCallToAction(data.copy, language), ...checkToneOffline(data.copy, data.brandVoice, language)];
  return { issues, suggestion: null, fallback: false };
}
