import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

test('a cloned test database is migrated and writable', async () => {
  const brand = await database.db.brand.create({ data: { slug: 'acme', name: 'Acme' } });
  expect(brand.id).toBeGreaterThan(0);
  const migrations = await database.db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations`;
  expect(migrations.length).toBeGreaterThan(0);
});
