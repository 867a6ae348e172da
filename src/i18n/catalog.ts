import { z } from 'zod';
import { en } from './en/index.js';
import { es } from './es/index.js';
import { it } from './it/index.js';

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

export const languageSchema = z.enum(['en', 'es', 'it']);
export type Language = z.infer<typeof languageSchema>;
export const languages = languageSchema.options;

// Typed as Catalog: a key missing from es or it fails the build.
const catalogs: Record<Language, Catalog> = { en, es, it };

/** The one place user-facing text comes from: `{name}` placeholders filled from params. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[language][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function catalogFor(language: Language): Catalog {
  return catalogs[language];
}
