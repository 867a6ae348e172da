import { z } from 'zod';
import type { Interaction } from '../generated/prisma/client.js';
import { recordAudit } from './audit.js';
import { readBrandSettings } from './brandSettings.js';
import type { Ctx } from './context.js';
import { idSchema, parseInput } from './validation.js';
import { loadPersonNames } from './whoWhen.js';

export type ResponseTimeFigures = { count: number; p50Minutes: number | null; p90Minutes: number | null };
export type PersonResponseTimes = ResponseTimeFigures & { personId: number | null; name: string | null };
export type ResponseTimeStats = { overall: ResponseTimeFigures; byPerson?: PersonResponseTimes[] };

export const getResponseTimeStatsSchema = z
  .object({
    brandId: idSchema,
    from: z.date(),
    to: z.date(),
    byPerson: z.boolean().default(false),
  })
  .refine((v) => v.from < v.to, { message: '`from` must be before `to`', path: ['from'] });

type FiguresRow = { responder: number | null; count: number; p50: number | null; p90: number | null };

function toFigures(row: FiguresRow | undefined): ResponseTimeFigures {
  return { count: row?.count ?? 0, p50Minutes: row?.p50 ?? null, p90Minutes: row?.p90 ?? null };
}

/**
 * Median and 90th-percentile response time of the replies given in [from, to), overall and
 * per responder. Counted by reply time, so a day's figure describes that day's work;
 * unanswered interactions show up as SLA breaches instead. Percentiles are computed by
 * PostgreSQL (percentile_cont) over the (brand, responded_at) index, never in memory.
 */
export async function getResponseTimeStats(ctx: Ctx, input: z.input<typeof getResponseTimeStatsSchema>): Promise<ResponseTimeStats> {
  const data = parseInput(getResponseTimeStatsSchema, input);
  // GROUPING SETS gives the overall row (responder NULL, grouped = 1) and per-person rows in one pass.
  const rows = await ctx.db.$queryRaw<(FiguresRow & { overall: number })[]>`
    SELECT responded_by_id AS responder,
           GROUPING(responded_by_id)::int AS overall,
           count(*)::int AS count,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM responded_at - received_at)::float8) / 60 AS p50,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM responded_at - received_at)::float8) / 60 AS p90
      FROM interactions
     WHERE brand_id = ${data.brandId} AND responded_at >= ${data.from} AND responded_at < ${data.to}
     GROUP BY GROUPING SETS ((), (responded_by_id))`;
  const overall = toFigures(rows.find((r) => r.overall === 1));
  if (!data.byPerson) return { overall };
  const people = rows.filter((r) => r.overall === 0);
  const names = await loadPersonNames(ctx.db, people.map((r) => r.responder));
  const byPerson = people
    .map((r) => ({ personId: r.responder, name: r.responder === null ? null : (names.get(r.responder) ?? null), ...toFigures(r) }))
    .sort((a, b) => b.count - a.count || (a.personId ?? 0) - (b.personId ?? 0));
  return { overall, byPerson };
}

export const findSlaBreachesSchema = z.object({
  /** One brand, or every brand (the scheduled job). */
  brandId: idSchema.optional(),
  now: z.date().optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});

export type SlaBreach = Interaction & { slaMinutes: number; ageMinutes: number };

/**
 * Unanswered interactions older than their brand's SLA that nobody has been alerted
 * about yet, oldest first. Each brand has its own SLA, so the cut-off is per brand.
 */
export async function findSlaBreaches(ctx: Ctx, input: z.input<typeof findSlaBreachesSchema>): Promise<SlaBreach[]> {
  const data = parseInput(findSlaBreachesSchema, input);
  const now = data.now ?? ctx.clock.now();
  const brands = await ctx.db.brand.findMany({ where: data.brandId ? { id: data.brandId } : {}, select: { id: true, settings: true } });
  if (brands.length === 0) return [];
  const slaByBrand = new Map(brands.map((b) => [b.id, readBrandSettings(b.settings).slaMinutes]));
  const rows = await ctx.db.interaction.findMany({
    where: {
      respondedAt: null,
      slaAlertedAt: null,
      OR: [...slaByBrand].map(([brandId, minutes]) => ({ brandId, receivedAt: { lt: new Date(now.getTime() - minutes * 60_000) } })),
    },
    orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
    take: data.limit,
  });
  return rows.map((row) => ({
    ...row,
    slaMinutes: slaByBrand.get(row.brandId) ?? 0,
    ageMinutes: Math.floor((now.getTime() - row.receivedAt.getTime()) / 60_000),
  }));
}

export const markSlaAlertedSchema = z.object({
  interactionIds: z.array(idSchema).min(1).max(5000),
  now: z.date().optional(),
});

/**
 * Claims breaches for alerting: returns only the ids this call marked, so when two
 * replicas run the SLA job at once each breach is alerted by exactly one of them.
 */
export async function markSlaAlerted(ctx: Ctx, input: z.input<typeof markSlaAlertedSchema>): Promise<number[]> {
  const data = parseInput(markSlaAlertedSchema, input);
  const now = data.now ?? ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: number; brandId: number }[]>`
      UPDATE interactions SET sla_alerted_at = ${now}
       WHERE id = ANY(${data.interactionIds}::int[]) AND sla_alerted_at IS NULL AND responded_at IS NULL
      RETURNING id, brand_id AS "brandId"`;
    const byBrand = new Map<number, number[]>();
    for (const row of claimed) byBrand.set(row.brandId, [...(byBrand.get(row.brandId) ?? []), row.id]);
    for (const [brandId, ids] of byBrand) {
      await recordAudit(tx, { brandId, actorRef: 'system', action: 'interaction.slaAlerted', subjectType: 'interaction', subjectId: ids.length === 1 ? ids[0] : null, after: { interactionIds: ids, at: now } });
    }
    return claimed.map((row) => row.id).sort((a, b) => a - b);
  });
}
