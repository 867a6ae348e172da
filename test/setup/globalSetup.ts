import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { serveEmbeddedPostgres } from '../../src/db/embeddedPostgres.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { testDatabaseUrl } from '../helpers/testEnv.js';
import { databaseUrlFor, type DatabaseTemplate } from './databaseTemplate.js';

/**
 * Migrates one template database per run; each test file clones it (PGlite data-dir dump,
 * or PostgreSQL CREATE DATABASE ... TEMPLATE) instead of running every migration again.
 */
type Template = { provided: DatabaseTemplate; cleanup: () => Promise<void> };
type Shared = { template: Promise<Template>; users: number };

/**
 * Both test projects (vitest.config.ts) run this setup, in the same process: they share one
 * template, made once (two migrations at once would share the WASM schema engine), and it is
 * removed when the last of them is done.
 */
const sharedKey = Symbol.for('tandem.test.databaseTemplate');
const registry = globalThis as typeof globalThis & { [sharedKey]?: Shared };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (registry[sharedKey] ??= { template: createTemplate(), users: 0 });
  shared.users += 1;
  const template = await shared.template;
  project.provide('databaseTemplate', template.provided);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[sharedKey];
    await template.cleanup();
  };
}

async function createTemplate(): Promise<Template> {
  if (testDatabaseUrl) {
    const runId = `${process.pid}_${Date.now().toString(36)}`;
    const templateName = `tandem_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${templateName}"`);
    await admin.end();
    await applyMigrations(databaseUrlFor(testDatabaseUrl, templateName));
    const provided: DatabaseTemplate = { kind: 'postgres', adminUrl: testDatabaseUrl, templateName, runId };
    return { provided, cleanup: async () => {
      const cleanup = new pg.Client({ connectionString: testDatabaseUrl });
      await cleanup.connect();
      const { rows } = await cleanup.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`tandem_%${runId}%`],
      );
      for (const { datname } of rows) await cleanup.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await cleanup.end();
    } };
  }
  const folder = await mkdtemp(join(tmpdir(), 'tandem-test-'));
  const embedded = await serveEmbeddedPostgres(new PGlite());
  await applyMigrations(embedded.url);
  const dump = await embedded.pglite.dumpDataDir('none');
  const dumpPath = join(folder, 'template.tar');
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await embedded.stop();
  return { provided: { kind: 'embedded', dumpPath }, cleanup: () => rm(folder, { recursive: true, force: true }) };
}
