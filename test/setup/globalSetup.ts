import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { serveEmbeddedPostgres } from '../../src/db/embeddedPostgres.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { testDatabaseUrl } from '../helpers/testEnv.js';
import { databaseUrlFor } from './databaseTemplate.js';

/**
 * Migrates one template database per run; each test file clones it (PGlite data-dir dump,
 * or PostgreSQL CREATE DATABASE ... TEMPLATE) instead of running every migration again.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (testDatabaseUrl) {
    const runId = `${process.pid}_${Date.now().toString(36)}`;
    const templateName = `tandem_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${templateName}"`);
    await admin.end();
    await applyMigrations(databaseUrlFor(testDatabaseUrl, templateName));
    project.provide('databaseTemplate', { kind: 'postgres', adminUrl: testDatabaseUrl, templateName, runId });
    return async () => {
      const cleanup = new pg.Client({ connectionString: testDatabaseUrl });
      await cleanup.connect();
      const { rows } = await cleanup.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`tandem_%${runId}%`],
      );
      for (const { datname } of rows) await cleanup.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await cleanup.end();
    };
  }
  const folder = await mkdtemp(join(tmpdir(), 'tandem-test-'));
  const embedded = await serveEmbeddedPostgres(new PGlite());
  await applyMigrations(embedded.url);
  const dump = await embedded.pglite.dumpDataDir('none');
  const dumpPath = join(folder, 'template.tar');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await embedded.stop();
  project.provide('databaseTemplate', { kind: 'embedded', dumpPath });
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}
