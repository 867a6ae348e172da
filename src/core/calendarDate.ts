import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * A calendar date as people type it, YYYY-MM-DD. The regex alone would let 2026-02-30
 * through and Prisma would roll it over to March, so the date must also exist.
 */
export const calendarDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((text) => DateTime.fromISO(text, { zone: 'utc' }).isValid, 'is not a real calendar date');

/** Whole days from `from` to `to` (negative when `to` is earlier); dates are YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  const start = DateTime.fromISO(from, { zone: 'utc' });
  const end = DateTime.fromISO(to, { zone: 'utc' });
  return Math.round(end.diff(start, 'days').days);
}

export function earlierDate(a: string, b: string): string {
  return a <= b ? a : b;
}
