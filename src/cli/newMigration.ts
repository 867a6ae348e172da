import { PGlite } from '@electric-sql/pglite';
import { serveEmbeddedPostgres } from '../db/embeddedPostgres.js';
import { writeMigration } from '../db/migrations.js';

/**
 * `npm run db:migration -- <name>`: writes the next migration from the change between the
 * schema as of the latest migration (schema.snapshot.prisma) and schema.prisma. The engine
 * needs a database to start, so a throwaway in-memory one is used; nothing is applied.
 */
async function runNewMigration(): Promise<void> {
  const name = process.argv.slice(2).join(' ').trim();
  if (!name) {
    console.error('Usage: npm run db:migration -- <name>   e.g. npm run db:migration -- add_post_labels');
    process.exit(2);
  }
  const scratch = await serveEmbeddedPostgres(new PGlite());
  try {
    const written = await writeMigration(scratch.url, name);
    if (!written) console.log('schema.prisma has no change since the latest migration: nothing to write.');
    else console.log(`Wrote prisma/migrations/${written.folder}/migration.sql\n\n${written.sql}`);
  } finally {
    await scratch.stop();
  }
}

runNewMigration().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
