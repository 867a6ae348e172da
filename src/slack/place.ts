import { getBrand, getRole, resolveBrandForPlace, type BrandView } from '../core/brands.js';
import type { Ctx } from '../core/context.js';
import { resolvePerson, type PersonRef } from '../core/people.js';
import type { Role } from '../core/permissions.js';
import type { Language } from '../i18n/catalog.js';

/** Who is acting, and for which brand: what every answer needs (language, time zone, role). */
export type SlackPlace = {
  person: PersonRef;
  brand: BrandView;
  role: Role | null;
  language: Language;
  timezone: string;
  teamId: string;
  channelId: string | null;
};

export type SlackWho = { teamId: string; teamName?: string; channelId?: string | null; userId: string; userName?: string };

export function placeOf(person: PersonRef, brand: BrandView, role: Role | null, who: SlackWho): SlackPlace {
  return { person, brand, role, language: brand.settings.language, timezone: brand.settings.timezone, teamId: who.teamId, channelId: who.channelId ?? null };
}

export async function resolveSlackPerson(ctx: Ctx, who: SlackWho): Promise<PersonRef> {
  return resolvePerson(ctx, { platform: 'slack', externalId: who.userId, ...(who.userName ? { displayName: who.userName } : {}) });
}

/**
 * The brand of the channel (or the workspace's default brand). The first command in a
 * workspace creates that brand and makes its caller admin: a new team works at once.
 */
export async function resolveSlackPlace(ctx: Ctx, who: SlackWho): Promise<SlackPlace> {
  const person = await resolveSlackPerson(ctx, who);
  const access = await resolveBrandForPlace(ctx, {
    platform: 'slack',
    workspaceId: who.teamId,
    ...(who.channelId ? { channelId: who.channelId } : {}),
    ...(who.teamName ? { workspaceName: who.teamName } : {}),
    personId: person.id,
  });
  return placeOf(person, access.brand, access.role, who);
}

/** The same person acting on a brand named by a button or a modal rather than by the channel. */
export async function placeForBrand(ctx: Ctx, person: PersonRef, brandId: number, who: SlackWho): Promise<SlackPlace> {
  const brand = await getBrand(ctx, brandId);
  return placeOf(person, brand, await getRole(ctx, brandId, person.id), who);
}
