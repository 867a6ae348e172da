import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgDump } from '@electric-sql/pglite-tools';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveEmbeddedPostgres, type InProcessPostgres } from '../../src/db/embeddedPostgres.js';
import { applyMigrations, diffSchemas, isEmptyMigration, migrationsDir, readMigrationList, snapshotPath } from '../../src/db/migrations.js';
import { prismaDir } from '../../src/db/projectRoot.js';

let fromMigrations: InProcessPostgres;
let fromSchema: InProcessPostgres;
let schema: string;

beforeAll(async () => {
  schema = await readFile(join(prismaDir(), 'schema.prisma'), 'utf8');
  [fromMigrations, fromSchema] = await Promise.all([serveEmbeddedPostgres(new PGlite()), serveEmbeddedPostgres(new PGlite())]);
});
afterAll(async () => {
  await Promise.all([fromMigrations.stop(), fromSchema.stop()]);
});

/** The schema as pg_dump prints it, minus Prisma's bookkeeping table and comments. */
async function dumpSchema(pglite: PGlite): Promise<string> {
  const file = await pgDump({ pg: pglite, args: ['--schema-only', '--no-owner', '--exclude-table=_prisma_migrations'] });
  // pg_dump runs in PGlite's one shared session: it leaves its snapshot transaction open
  // and search_path emptied. Undo both so the socket server's clients work again.
  if (pglite.isInTransaction()) await pglite.exec('ROLLBACK');
  await pglite.exec('RESET ALL');
  return (await file.text())
    .split('\n')
    .filter((line) => !line.startsWith('--') && !line.startsWith('\\restrict') && !line.startsWith('\\unrestrict'))
    .join('\n')
    .replace(/\n{2,}/g, '\n');
}

test('every migration applied gives the same schema as schema.prisma applied to an empty database', async () => {
  const applied = await applyMigrations(fromMigrations.url);
  expect(applied.length).toBe((await readMigrationList()).migrationDirectories.length);
  const straight = await diffSchemas(fromSchema.url, null, schema);
  await fromSchema.pglite.exec(straight);
  const [a, b] = await Promise.all([dumpSchema(fromMigrations.pglite), dumpSchema(fromSchema.pglite)]);
  expect(a).toContain('CREATE TABLE public.posts');
  expect(a).toBe(b);
});

test('no change to schema.prisma is left without its migration', async () => {
  const snapshot = await readFile(snapshotPath(), 'utf8');
  const pending = await diffSchemas(fromSchema.url, snapshot, schema);
  expect(isEmptyMigration(pending), `schema.prisma changed since the latest migration; run npm run db:migration -- <name>:\n${pending}`).toBe(true);
});

test('applying again is a no-op, as prisma migrate deploy would be', async () => {
  expect(await applyMigrations(fromMigrations.url)).toEqual([]);
  const rows = await fromMigrations.pglite.query<{ migration_name: string; finished_at: Date | null }>(
    'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
  );
  const folders = (await readMigrationList(migrationsDir())).migrationDirectories.map((d) => d.path);
  expect(rows.rows.map((r) => r.migration_name)).toEqual(folders);
  expect(rows.rows.every((r) => r.finished_at !== null)).toBe(true);
});
