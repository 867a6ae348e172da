import { DateTime } from 'luxon';
import { z } from 'zod';
import { readBrandSettings } from './brandSettings.js';
import type { Ctx } from './context.js';
import { digestKindSchema, findRetryableRuns, type DigestKind } from './digestRuns.js';
import { dateOnly, formatDateOnly, localDateOf, zonedToInstant } from './time.js';
import { parseInput } from './validation.js';

// When each brand's digest is due. The digest job asks every minute; the answer depends
// only on the instant and the brand's settings, so any replica gets the same answer and
// the digest run's unique key decides who sends.

/** A digest sent more than this after its time says it is late (Tandem was down). */
export const lateAfterMinutes = 15;
/** Sends that failed this many times stop being retried; `/digest now` still works. */
export const maxDigestAttempts = 8;

export const findDueDigestsSchema = z.object({
  now: z.date(),
  kind: digestKindSchema.default('daily'),
  /** Only these brands (tests, `/digest`); all brands by default. */
  brandIds: z.array(z.number().int().positive()).optional(),
});

export type DueDigest = {
  brandId: number;
  kind: DigestKind;
  /** The brand's local date the digest is for: the claim's key. */
  localDate: string;
  /** The instant of the brand's digest time on that date (DST-correct). */
  scheduledAt: Date;
  late: boolean;
  /** A run exists: an earlier send failed, or its sender went silent. */
  retry: boolean;
};

/**
 * The instant a brand's digest is due on a local date. luxon resolves the wall-clock time
 * in the zone, so 09:00 is 09:00 on both sides of a DST change; a time inside a spring-
 * forward gap moves forward with the clock.
 */
export function digestInstant(localDate: string, digestTime: string, timezone: string): Date {
  const instant = zonedToInstant(localDate, digestTime, timezone);
  if (!instant) throw new Error(`no instant for ${localDate} ${digestTime} in ${timezone}`);
  return instant;
}

/** Weekly summaries go out on Mondays (ISO weekday 1), at the brand's digest time. */
function isDueDay(kind: DigestKind, localDate: string): boolean {
  return kind === 'daily' || DateTime.fromISO(localDate, { zone: 'utc' }).weekday === 1;
}

function runKey(brandId: number, localDate: string): string {
  return `${brandId}:${localDate}`;
}

/**
 * Brands whose digest time has passed today (their today) and whose digest for today is
 * not sent: no run yet, or a run that may be taken over (failed and due for a retry, or
 * claimed by a sender whose lease ran out). Yesterday's missed digest is never due: a
 * digest is about its day, and one that arrives the next day is noise.
 */
export async function findDueDigests(ctx: Ctx, input: z.input<typeof findDueDigestsSchema>): Promise<DueDigest[]> {
  const { now, kind, brandIds } = parseInput(findDueDigestsSchema, input);
  const brands = await ctx.db.brand.findMany({ where: brandIds ? { id: { in: brandIds } } : {}, select: { id: true, settings: true }, orderBy: { id: 'asc' } });
  const candidates = brands.flatMap((brand) => {
    const settings = readBrandSettings(brand.settings);
    const localDate = localDateOf(now, settings.timezone);
    if (!isDueDay(kind, localDate)) return [];
    const scheduledAt = digestInstant(localDate, settings.digestTime, settings.timezone);
    if (now < scheduledAt) return [];
    return [{ brandId: brand.id, kind, localDate, scheduledAt, late: now.getTime() - scheduledAt.getTime() > lateAfterMinutes * 60_000 }];
  });
  if (candidates.length === 0) return [];
  const fromLocalDate = candidates.map((c) => c.localDate).reduce((min, date) => (date < min ? date : min));
  const [existing, retryable] = await Promise.all([
    ctx.db.digestRun.findMany({
      where: { kind, OR: candidates.map((c) => ({ brandId: c.brandId, localDate: dateOnly(c.localDate) })) },
      select: { brandId: true, localDate: true },
    }),
    findRetryableRuns(ctx, { maxAttempts: maxDigestAttempts, fromLocalDate, limit: 1000 }),
  ]);
  const taken = new Set(existing.map((run) => runKey(run.brandId, formatDateOnly(run.localDate))));
  const retry = new Set(retryable.filter((run) => run.kind === kind).map((run) => runKey(run.brandId, run.localDate)));
  return candidates.flatMap((c): DueDigest[] => {
    const key = runKey(c.brandId, c.localDate);
    if (!taken.has(key)) return [{ ...c, retry: false }];
    return retry.has(key) ? [{ ...c, retry: true }] : [];
  });
}
