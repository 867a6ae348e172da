import { z } from 'zod';
import type { Ctx } from './context.js';
import { parseInput } from './validation.js';

export const platformSchema = z.enum(['slack', 'discord', 'web']);
export type PlatformName = z.infer<typeof platformSchema>;

export const identitySchema = z.object({
  platform: platformSchema,
  externalId: z.string().trim().min(1).max(100),
  displayName: z.string().trim().max(200).optional(),
});
export type Identity = z.infer<typeof identitySchema>;

export type PersonRef = { id: number; platform: PlatformName; externalId: string; displayName: string | null };

/** The person behind a platform identity, created on first sight; the name kept fresh. */
export async function resolvePerson(ctx: Ctx, input: Identity): Promise<PersonRef> {
  const identity = parseInput(identitySchema, input);
  const person = await ctx.db.person.upsert({
    where: { platform_externalId: { platform: identity.platform, externalId: identity.externalId } },
    create: { platform: identity.platform, externalId: identity.externalId, displayName: identity.displayName ?? null },
    update: identity.displayName ? { displayName: identity.displayName } : {},
  });
  return { id: person.id, platform: person.platform, externalId: person.externalId, displayName: person.displayName };
}
