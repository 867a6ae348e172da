import { z } from 'zod';
import { Prisma } from '../generated/prisma/client.js';
import type { Ctx } from './context.js';
import { idSchema, parseInput } from './validation.js';

export type SentimentWindow = { from: Date; to: Date; total: number; negative: number; negativeShare: number | null };

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/**
 * Interactions and negative ones received in each [from, to) window, one index range
 * scan per window in a single query. A window with nothing in it has no share (null),
 * not 0%: "no data" must not read as "all is well".
 */
export async function countSentimentWindows(
  db: Pick<Prisma.TransactionClient, '$queryRaw'>,
  brandId: number,
  windows: readonly { from: Date; to: Date }[],
): Promise<SentimentWindow[]> {
  if (windows.length === 0) return [];
  const values = Prisma.join(windows.map((w, index) => Prisma.sql`(${index}::int, ${w.from}::timestamptz, ${w.to}::timestamptz)`));
  const rows = await db.$queryRaw<{ idx: number; total: number; negative: number }[]>`
    SELECT w.idx,
           count(i.id)::int AS total,
           (count(i.id) FILTER (WHERE i.sentiment = 'negative'))::int AS negative
      FROM (VALUES ${values}) AS w(idx, from_at, to_at)
      LEFT JOIN interactions i ON i.brand_id = ${brandId} AND i.received_at >= w.from_at AND i.received_at < w.to_at
     GROUP BY w.idx
     ORDER BY w.idx`;
  return windows.map((w, index) => {
    const row = rows.find((r) => r.idx === index);
    const total = row?.total ?? 0;
    const negative = row?.negative ?? 0;
    return { from: w.from, to: w.to, total, negative, negativeShare: total > 0 ? negative / total : null };
  });
}

export const getSentimentPictureSchema = z.object({
  brandId: idSchema,
  now: z.date().optional(),
});

export type SentimentPicture = {
  last24h: SentimentWindow;
  baseline7d: SentimentWindow;
  /** last24h share minus baseline share, in percentage points; null when either has no data. */
  shiftPoints: number | null;
};

/**
 * Negative share of the last 24 hours against the 7 days before them. The baseline stops
 * where the last 24 h start, so a spike today does not dilute its own comparison.
 */
export async function getSentimentPicture(ctx: Ctx, input: z.input<typeof getSentimentPictureSchema>): Promise<SentimentPicture> {
  const data = parseInput(getSentimentPictureSchema, input);
  const now = data.now ?? ctx.clock.now();
  const dayStart = new Date(now.getTime() - dayMs);
  const [last24h, baseline7d] = await countSentimentWindows(ctx.db, data.brandId, [
    { from: dayStart, to: now },
    { from: new Date(dayStart.getTime() - 7 * dayMs), to: dayStart },
  ]);
  if (!last24h || !baseline7d) throw new Error('sentiment windows missing');
  const shiftPoints =
    last24h.negativeShare === null || baseline7d.negativeShare === null ? null : (last24h.negativeShare - baseline7d.negativeShare) * 100;
  return { last24h, baseline7d, shiftPoints };
}
