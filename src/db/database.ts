import { resolve } from 'node:path';
import type { Log } from '../core/log.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embeddedPostgres.js';
import { applyMigrations } from './migrations.js';
import { createPrismaClient, type Db } from './prismaClient.js';

export type Store = 'embedded' | 'postgres';

export type Database = {
  db: Db;
  url: string;
  store: Store;
  close(): Promise<void>;
};

/**
 * Embedded PGlite when no DATABASE_URL is given, a real PostgreSQL otherwise; the same
 * driver adapter and the same migrations either way. Pending migrations apply here.
 */
export async function openDatabase(
  settings: { databaseUrl?: string | undefined; dataDir: string },
  log: Log,
): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let url = settings.databaseUrl;
  if (!url) {
    const dataDir = resolve(settings.dataDir);
    embedded = await startEmbeddedPostgres(dataDir);
    url = embedded.url;
    log.info({ dataDir }, 'embedded PostgreSQL (PGlite) started');
  }
  try {
    const applied = await applyMigrations(url);
    if (applied.length > 0) log.info({ applied }, `applied ${applied.length} migration(s)`);
    const db = createPrismaClient(url);
    return {
      db,
      url,
      store: embedded ? 'embedded' : 'postgres',
      async close() {
        await db.$disconnect();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
