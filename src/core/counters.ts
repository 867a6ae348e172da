import type { Prisma } from '../generated/prisma/client.js';

/**
 * The next number of a per-scope sequence (post #N per brand, case #N per guild). The
 * row lock taken by the upsert is held until the caller's transaction ends, so concurrent
 * callers queue, and a rolled-back transaction gives its number back: no gaps, no
 * duplicates, across any number of replicas.
 */
export async function takeNextNumber(tx: Prisma.TransactionClient, scope: string, name: string): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO counters (scope, name, value) VALUES (${scope}, ${name}, 1)
    ON CONFLICT (scope, name) DO UPDATE SET value = counters.value + 1
    RETURNING value`;
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`counter ${scope}/${name} returned nothing`);
  return Number(value);
}
