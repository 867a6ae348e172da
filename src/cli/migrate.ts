import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { startEmbeddedPostgres } from '../db/embeddedPostgres.js';
import { applyMigrations } from '../db/migrations.js';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or the embedded database. */
async function runMigrate(): Promise<void> {
  const config = loadConfig();
  const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres(resolve(config.DATA_DIR));
  const url = config.DATABASE_URL ?? embedded!.url;
  console.log(`Migrating ${embedded ? `embedded database in ${resolve(config.DATA_DIR)}` : 'PostgreSQL at DATABASE_URL'}...`);
  try {
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
  } finally {
    await embedded?.stop();
  }
}

runMigrate().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
