import { test, expect } from 'vitest';
import { createTestDatabase } from '../helpers/testDatabase.js';

test('concurrent reads and transactions on two clients', async () => {
  const database = await createTestDatabase();
  const other = database.connect();
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: 40 }, (_, i) => {
      const db = i % 2 ? database.db : other;
      const work = i % 4 < 2
        ? db.person.findMany({ where: { externalId: { in: [`a${i}`, `b${i}`, `c${i}`] }, platform: 'slack' } })
        : db.$transaction(async (tx) => { await tx.person.findMany({ where: { externalId: `x${i}` } }); await tx.person.create({ data: { platform: 'slack', externalId: `t${i}`, displayName: 'n' } }); });
      return work.catch((e: Error) => errors.push(e.message.split('\n').pop() ?? ''));
    }),
  );
  expect(await database.db.person.count()).toBe(20);
  await database.close();
  expect(errors).toEqual([]);
});
