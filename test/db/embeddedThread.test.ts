import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres.js';

// `npm start`'s embedded database runs PGlite on a thread of its own: it answers over the
// wire protocol, keeps what was written on the data dir across restarts, holds the data
// dir's lock while running and gives it back when stopped.

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

it('serves PGlite from its own thread, keeps data across a restart and releases the data dir', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-thread-'));
  dirs.push(dataDir);
  const first = await startEmbeddedPostgres(dataDir);
  await query(first.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (41), (1)');
  await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow();
  await first.stop();
  const second = await startEmbeddedPostgres(dataDir);
  try {
    const rows = await query<{ total: number }>(second.url, 'SELECT sum(n)::int AS total FROM kept');
    expect(rows[0]?.total).toBe(42);
  } finally {
    await second.stop();
  }
}, 60_000);
