import type { Guild } from 'discord.js';
import { getBrand } from '../core/brands.js';
import type { Ctx } from '../core/context.js';
import { findGuildBrandId } from '../core/guilds.js';
import type { Language } from '../i18n/catalog.js';

/** Discord locales (en-US, es-ES, es-419, it, …) to the languages Tandem speaks. */
export function languageOfLocale(locale: string | null | undefined): Language {
  const prefix = (locale ?? '').slice(0, 2).toLowerCase();
  return prefix === 'es' || prefix === 'it' ? prefix : 'en';
}

/**
 * The language of what Tandem posts for the whole guild (mod log, DMs, reports): the
 * brand's language when the guild has a brand, else the server's preferred locale.
 */
export async function guildLanguage(ctx: Ctx, guild: Guild): Promise<Language> {
  const brandId = await findGuildBrandId(ctx, guild.id);
  if (brandId) return (await getBrand(ctx, brandId)).settings.language;
  return languageOfLocale(guild.preferredLocale);
}
