import { createDiscordLinkCode } from '../../core/guilds.js';
import { escapeText, formatMoment } from '../blocks/format.js';
import { context, section } from '../blocks/kit.js';
import type { SlackDeps } from '../deps.js';
import type { Answer } from '../errorBoundary.js';
import type { SlackPlace } from '../place.js';
import { translator } from '../turns.js';

/**
 * `/tandem discord link`: a one-time code (brand admins only, 30 minutes) that a Discord
 * server admin redeems with `/setup code:…`, linking the server to this channel's brand.
 * Shown only to whoever asked: until used, the code is a credential.
 */
export async function renderDiscordLink(deps: SlackDeps, place: SlackPlace): Promise<Answer> {
  const t = translator(place.language);
  const { code, expiresAt } = await createDiscordLinkCode(deps.ctx, { brandId: place.brand.id, actorId: place.person.id });
  const text = t('discordLink.code', { brand: escapeText(place.brand.name), code, until: formatMoment(expiresAt, place.timezone, place.language) });
  return { text, blocks: [section(text), context(t('discordLink.how', { code }))] };
}
