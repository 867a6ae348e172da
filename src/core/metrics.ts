import { z } from 'zod';
import type { MetricSnapshot, Prisma } from '../generated/prisma/client.js';
import { networkSchema } from './networkRules.js';
import { recordAudit } from './audit.js';
import { getBrand, requirePermission } from './brands.js';
import { calendarDateSchema } from './calendarDate.js';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { dateOnly, formatDateOnly, localDateOf } from './time.js';
import { idSchema, parseInput } from './validation.js';

export { networkSchema };
export type NetworkName = z.infer<typeof networkSchema>;

// Bounds of the columns (INTEGER, NUMERIC(14,2)): beyond them the database would refuse
// the write with an error that reads like a bug.
const countSchema = z.number().int('must be a whole number').max(2_147_483_647);
const moneySchema = z.number().finite().max(999_999_999_999);

/** Strict: a misspelt metric ("follower") is refused instead of silently dropped. */
export const metricValuesSchema = z.strictObject({
  followers: countSchema.optional(),
  reach: countSchema.optional(),
  impressions: countSchema.optional(),
  engagements: countSchema.optional(),
  clicks: countSchema.optional(),
  shares: countSchema.optional(),
  comments: countSchema.optional(),
  likes: countSchema.optional(),
  spend: moneySchema.optional(),
});

export const metricNameSchema = metricValuesSchema.keyof();
export type MetricName = z.infer<typeof metricNameSchema>;
export const metricNames = metricNameSchema.options;
export type MetricValues = Record<MetricName, number | null>;

export type MetricSnapshotView = {
  id: number;
  brandId: number;
  network: NetworkName;
  date: string;
  values: MetricValues;
  updatedById: number | null;
};

export function decimalToNumber(value: Prisma.Decimal | number | null): number | null {
  if (value === null) return null;
  return typeof value === 'number' ? value : value.toNumber();
}

function valuesOf(row: MetricSnapshot): MetricValues {
  return {
    followers: row.followers,
    reach: row.reach,
    impressions: row.impressions,
    engagements: row.engagements,
    clicks: row.clicks,
    shares: row.shares,
    comments: row.comments,
    likes: row.likes,
    spend: decimalToNumber(row.spend),
  };
}

function toSnapshotView(row: MetricSnapshot): MetricSnapshotView {
  return { id: row.id, brandId: row.brandId, network: row.network, date: formatDateOnly(row.date), values: valuesOf(row), updatedById: row.updatedById };
}

export const recordMetricsSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  network: networkSchema,
  date: calendarDateSchema,
  values: metricValuesSchema,
});

/**
 * Records a day's numbers for one network. Fields not given keep what was recorded
 * before, so a team can enter reach in the morning and followers in the evening.
 */
export async function recordMetrics(ctx: Ctx, input: z.input<typeof recordMetricsSchema>): Promise<MetricSnapshotView & { created: boolean }> {
  const data = parseInput(recordMetricsSchema, input);
  const given = Object.entries(data.values).filter((entry): entry is [MetricName, number] => entry[1] !== undefined);
  if (given.length === 0) throw new UserError('metrics.noValues', { metrics: metricNames.join(', ') });
  const negative = given.find(([, value]) => value < 0);
  if (negative) throw new UserError('metrics.negative', { metric: negative[0], value: negative[1] });
  await requirePermission(ctx, data.brandId, data.actorId, 'metrics.record');
  const brand = await getBrand(ctx, data.brandId);
  // "Today" is the brand's: at 23:30 in Rome it is already tomorrow in UTC.
  const today = localDateOf(ctx.clock.now(), brand.settings.timezone);
  if (data.date > today) throw new UserError('metrics.futureDate', { date: data.date, today });

  // Undefined fields are left alone by Prisma: that is the merge. Money goes in as text
  // so 19.99 is stored as 19.99, not as the nearest binary fraction.
  const { spend, ...counts } = data.values;
  const values = { ...counts, ...(spend === undefined ? {} : { spend: spend.toFixed(2) }) };
  const where = { brandId_network_date: { brandId: data.brandId, network: data.network, date: dateOnly(data.date) } };
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.metricSnapshot.findUnique({ where });
    const saved = await tx.metricSnapshot.upsert({
      where,
      create: { brandId: data.brandId, network: data.network, date: dateOnly(data.date), ...values, updatedById: data.actorId },
      update: { ...values, updatedById: data.actorId },
    });
    await recordAudit(tx, {
      brandId: data.brandId,
      actorId: data.actorId,
      action: 'metrics.recorded',
      subjectType: 'metric_snapshot',
      subjectId: saved.id,
      before: before ? { network: before.network, date: data.date, ...valuesOf(before) } : null,
      after: { network: saved.network, date: data.date, ...valuesOf(saved) },
    });
    return { ...toSnapshotView(saved), created: before === null };
  });
}

export const getMetricSeriesSchema = z.object({
  brandId: idSchema,
  /** The person asking; a scheduled job (the digest) reads without one. */
  actorId: idSchema.optional(),
  /** Omitted: the sum over every network. */
  network: networkSchema.optional(),
  metric: metricNameSchema,
  from: calendarDateSchema,
  to: calendarDateSchema,
});

export type MetricPoint = { date: string; value: number };

/**
 * One value per day that has a snapshot, oldest first. A day without any snapshot is
 * absent rather than zero: nobody recorded it, which is not the same as nothing happened.
 * Summed over networks, followers of a day count only the networks recorded that day.
 */
export async function getMetricSeries(ctx: Ctx, input: z.input<typeof getMetricSeriesSchema>): Promise<MetricPoint[]> {
  const data = parseInput(getMetricSeriesSchema, input);
  if (data.from > data.to) throw new UserError('metrics.badRange', { from: data.from, to: data.to });
  if (data.actorId !== undefined) await requirePermission(ctx, data.brandId, data.actorId, 'brand.view');
  // Summing every column costs nothing more than one, and keeps the query statically typed.
  const rows = await ctx.db.metricSnapshot.groupBy({
    by: ['date'],
    where: { brandId: data.brandId, date: { gte: dateOnly(data.from), lte: dateOnly(data.to) }, ...(data.network ? { network: data.network } : {}) },
    _sum: { followers: true, reach: true, impressions: true, engagements: true, clicks: true, shares: true, comments: true, likes: true, spend: true },
    orderBy: { date: 'asc' },
  });
  return rows.flatMap((row) => {
    const value = decimalToNumber(row._sum[data.metric]);
    return value === null ? [] : [{ date: formatDateOnly(row.date), value }];
  });
}
