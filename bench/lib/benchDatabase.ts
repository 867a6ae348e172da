import pg from 'pg';
import { startEmbeddedPostgresThread } from '../../src/db/embeddedPostgres.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { createPrismaClient, type Db } from '../../src/db/prismaClient.js';
import type { Store } from '../../src/db/database.js';

export type BenchDatabase = { db: Db; url: string; store: Store; close(): Promise<void> };

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh migrated database: in-memory PGlite, or a throwaway database on `postgresUrl`. */
export async function openBenchDatabase(store: Store, postgresUrl?: string, poolSize = 10): Promise<BenchDatabase> {
  if (store === 'embedded') {
    const embedded = await startEmbeddedPostgresThread();
    await applyMigrations(embedded.url);
    const db = createPrismaClient(embedded.url, { poolSize });
    return { db, url: embedded.url, store, close: async () => { await db.$disconnect(); await embedded.stop(); } };
  }
  if (!postgresUrl) throw new Error('postgres store needs TEST_DATABASE_URL');
  const name = `tandem_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(postgresUrl, name);
  await applyMigrations(url);
  const db = createPrismaClient(url, { poolSize });
  return {
    db,
    url,
    store,
    async close() {
      await db.$disconnect();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** The stores a benchmark runs on: embedded always, PostgreSQL when TEST_DATABASE_URL is set. */
export function benchStores(postgresUrl: string | undefined): Store[] {
  return postgresUrl ? ['embedded', 'postgres'] : ['embedded'];
}
