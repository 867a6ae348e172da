import { z } from 'zod';
import type { Ctx } from './context.js';
import { parseInput } from './validation.js';

export const commandSyncSchema = z.object({
  applicationId: z.string().trim().min(1).max(40),
  /** Hash of the command definitions about to be registered. */
  hash: z.string().regex(/^[0-9a-f]{16,128}$/),
});

const prefix = (applicationId: string) => `platform.commands:${applicationId}:`;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

/**
 * Claims registering this command set: true for exactly one caller per set, across
 * replicas and restarts (the claim is a row in processed_events). Claiming a new set
 * forgets the old ones, so rolling back to an earlier set registers it again.
 */
export async function claimCommandSync(ctx: Ctx, input: z.input<typeof commandSyncSchema>): Promise<boolean> {
  const data = parseInput(commandSyncSchema, input);
  const id = prefix(data.applicationId) + data.hash;
  try {
    await ctx.db.processedEvent.create({ data: { id, source: 'platform.commands', receivedAt: ctx.clock.now() } });
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  await ctx.db.processedEvent.deleteMany({ where: { id: { startsWith: prefix(data.applicationId), not: id } } });
  return true;
}

/** Gives a claim back after registration failed, so the next start tries again. */
export async function releaseCommandSync(ctx: Ctx, input: z.input<typeof commandSyncSchema>): Promise<void> {
  const data = parseInput(commandSyncSchema, input);
  await ctx.db.processedEvent.deleteMany({ where: { id: prefix(data.applicationId) + data.hash } });
}
