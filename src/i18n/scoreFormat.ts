import type { Language } from './catalog.js';

const locales: Record<Language, string> = { en: 'en-GB', es: 'es-ES', it: 'it-IT' };

/** A sentiment score as "+0.60", "−0,35" or "0.00" in the reader's number format: the sign is what people scan for. */
export function formatScore(score: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(score);
}
