import { expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/testDatabase.js';

it('probe: concurrent parameterised queries and transactions on one pool', async () => {
  const database = await createTestDatabase();
  const failures: string[] = [];
  const db = database.connect(1);
  await Promise.all(Array.from({ length: 40 }, async (_, i) => {
    try {
      if (i % 2) {
        await db.$transaction(async (tx) => {
          await tx.person.findMany({ where: { id: { in: [i] } } });
          await tx.person.upsert({ where: { platform_externalId: { platform: 'slack', externalId: `U${i}` } }, create: { platform: 'slack', externalId: `U${i}` }, update: {} });
        });
      } else {
        await db.person.findMany({ where: { id: { in: [i, i + 1, i + 2].slice(0, 1 + (i % 3)) }, externalId: { not: `x${i}` } } });
      }
    } catch (error) {
      failures.push(String((error as Error).message).split('\n').at(-1) ?? '');
    }
  }));
  await database.close();
  expect(failures).toEqual([]);
});
