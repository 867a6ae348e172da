import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { serveEmbeddedPostgres } from '../../src/db/embeddedPostgres.js';
import { createPrismaClient, type Db } from '../../src/db/prismaClient.js';
import type { Store } from '../../src/db/database.js';
import { databaseUrlFor, databaseTemplateSchema } from '../setup/databaseTemplate.js';

export type TestDatabase = {
  db: Db;
  url: string;
  store: Store;
  /** A second client on its own pool, for truly concurrent work. */
  connect(poolSize?: number): Db;
  close(): Promise<void>;
};

let counter = 0;

/** A fresh, migrated database for one test file: embedded PGlite, or PostgreSQL when TEST_DATABASE_URL is set. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = databaseTemplateSchema.parse(inject('databaseTemplate'));
  const extraClients: Db[] = [];
  if (template.kind === 'embedded') {
    const dump = await readFile(template.dumpPath);
    const embedded = await serveEmbeddedPostgres(new PGlite({ loadDataDir: new Blob([dump]) }));
    const db = createPrismaClient(embedded.url);
    return {
      db,
      url: embedded.url,
      store: 'embedded',
      connect(poolSize) {
        const client = createPrismaClient(embedded.url, { poolSize });
        extraClients.push(client);
        return client;
      },
      async close() {
        await Promise.all([db, ...extraClients].map((c) => c.$disconnect()));
        await embedded.stop();
      },
    };
  }
  const name = `tandem_t_${template.runId}_${process.pid}_${counter++}`;
  const admin = new pg.Client({ connectionString: template.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template.templateName}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlFor(template.adminUrl, name);
  const db = createPrismaClient(url);
  return {
    db,
    url,
    store: 'postgres',
    connect(poolSize) {
      const client = createPrismaClient(url, { poolSize });
      extraClients.push(client);
      return client;
    },
    async close() {
      await Promise.all([db, ...extraClients].map((c) => c.$disconnect()));
      const cleanup = new pg.Client({ connectionString: template.adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
