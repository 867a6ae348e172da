import type { Prisma } from '../generated/prisma/client.js';
import { localDateOf, localTimeOf } from './time.js';

type PeopleReader = Pick<Prisma.TransactionClient, 'person'>;

/**
 * Display names for person ids, so messages can say who did something ("already
 * acknowledged by Ana") without every caller joining the people table.
 */
export async function loadPersonNames(db: PeopleReader, ids: readonly (number | null | undefined)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (wanted.length === 0) return new Map();
  const people = await db.person.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true, externalId: true } });
  return new Map(people.map((p) => [p.id, p.displayName ?? p.externalId]));
}

export async function loadPersonName(db: PeopleReader, id: number | null | undefined): Promise<string> {
  if (id === null || id === undefined) return 'someone';
  return (await loadPersonNames(db, [id])).get(id) ?? `#${id}`;
}

/** "2026-03-02 10:15 Europe/Rome": a moment as the brand's team reads it in a refusal. */
export function formatLocalMoment(at: Date, zone: string): string {
  return `${localDateOf(at, zone)} ${localTimeOf(at, zone)} ${zone}`;
}
