import { DateTime, IANAZone } from 'luxon';

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The calendar date (YYYY-MM-DD) at `instant` in `zone`. */
export function localDateOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
}

/** The local wall-clock time HH:MM at `instant` in `zone`. */
export function localTimeOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
}

/**
 * The instant of a local date and time in `zone`. On a DST gap (02:30 that never happens)
 * luxon moves forward, which is what a person planning at that time means.
 */
export function zonedToInstant(date: string, time: string, zone: string): Date | null {
  const parsed = DateTime.fromISO(`${date}T${time}`, { zone });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/** A YYYY-MM-DD date as the UTC midnight Prisma uses for @db.Date columns. */
export function dateOnly(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function formatDateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate() ?? date;
}

/** Start and end instants of a local calendar day in `zone` (23 or 25 hours on DST days). */
export function localDayBounds(date: string, zone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}
