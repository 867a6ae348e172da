import { z } from 'zod';
import type { Ctx } from './context.js';
import { loadEscalationView, type EscalationView } from './escalationViews.js';
import { findBrandInteraction } from './interactions.js';
import { platformSchema, type PersonRef, type PlatformName } from './people.js';
import { idSchema, parseInput } from './validation.js';

export const findOpenEscalationForInteractionSchema = z.object({ brandId: idSchema, interactionId: idSchema });

/**
 * The open (not resolved) escalation an interaction is linked to, if any: a second click
 * on Escalate shows it instead of opening the form again. raiseEscalation still decides
 * under a lock; this is the quick look before asking the person anything.
 */
export async function findOpenEscalationForInteraction(ctx: Ctx, input: z.input<typeof findOpenEscalationForInteractionSchema>): Promise<EscalationView | null> {
  const data = parseInput(findOpenEscalationForInteractionSchema, input);
  await findBrandInteraction(ctx.db, data.brandId, data.interactionId);
  const link = await ctx.db.escalationInteraction.findFirst({
    where: { interactionId: data.interactionId, escalation: { brandId: data.brandId, status: { not: 'resolved' } } },
    orderBy: { escalationId: 'asc' },
    select: { escalationId: true },
  });
  return link ? loadEscalationView(ctx.db, link.escalationId) : null;
}

/**
 * Channels bound to the brand on a platform, oldest first: where a brand's messages can go
 * when no channel setting names one (a Discord-raised alert in a team that never set a crisis channel).
 */
export async function listBrandChannels(ctx: Ctx, brandId: number, platform: PlatformName): Promise<string[]> {
  const rows = await ctx.db.binding.findMany({ where: { brandId: parseInput(idSchema, brandId), platform, scope: 'channel' }, orderBy: { id: 'asc' }, select: { externalId: true } });
  return rows.map((row) => row.externalId);
}

/** The person a platform identity ref ("discord:123") names, when Tandem has met them. */
export async function findPersonByRef(ctx: Ctx, ref: string): Promise<{ id: number; displayName: string | null } | null> {
  const [prefix = '', ...rest] = ref.split(':');
  const platform = platformSchema.safeParse(prefix);
  const externalId = rest.join(':');
  if (!platform.success || !externalId) return null;
  return ctx.db.person.findUnique({ where: { platform_externalId: { platform: platform.data, externalId } }, select: { id: true, displayName: true } });
}

/** People by id, with their platform identity, so an adapter can mention them rather than name them. */
export async function loadPeople(ctx: Ctx, ids: readonly (number | null | undefined)[]): Promise<Map<number, PersonRef>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db.person.findMany({ where: { id: { in: wanted } }, select: { id: true, platform: true, externalId: true, displayName: true } });
  return new Map(rows.map((row) => [row.id, row]));
}
