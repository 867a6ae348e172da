import { Locale, type LocalizationMap } from 'discord.js';
import { translate, type Language, type MessageKey } from '../i18n/catalog.js';

/** Discord locales each of Tandem's languages is shown in. */
const discordLocales: Record<Exclude<Language, 'en'>, Locale[]> = { es: [Locale.SpanishES, Locale.SpanishLATAM], it: [Locale.Italian] };

/** A text in English plus its Discord localizations, from one catalogue key. */
export function localizations(key: MessageKey): { text: string; localized: LocalizationMap } {
  const localized: LocalizationMap = {};
  for (const [language, locales] of Object.entries(discordLocales) as [Exclude<Language, 'en'>, Locale[]][]) {
    for (const locale of locales) localized[locale] = translate(language, key);
  }
  return { text: translate('en', key), localized };
}

/** `name`, `description` and their localizations for a command or option definition. */
export function named(nameKey: MessageKey, descriptionKey: MessageKey) {
  const name = localizations(nameKey);
  const description = localizations(descriptionKey);
  return { name: name.text, name_localizations: name.localized, description: description.text, description_localizations: description.localized };
}

/** A choice shown in the user's language, with a value that never changes. */
export function choice<V extends string | number>(nameKey: MessageKey, value: V) {
  const name = localizations(nameKey);
  return { name: name.text, name_localizations: name.localized, value };
}
