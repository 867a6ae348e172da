import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embeddedPostgres.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { createPrismaClient, type Db } from '../../src/db/prismaClient.js';
import { healthRoute } from '../../src/http/health.js';
import { startHttpServer, type HttpServer } from '../../src/http/server.js';

let embedded: EmbeddedPostgres;
let db: Db;
let http: HttpServer;

beforeAll(async () => {
  embedded = await serveEmbeddedPostgres(new PGlite());
  await applyMigrations(embedded.url);
  db = createPrismaClient(embedded.url);
  http = await startHttpServer(0, () => {}, '127.0.0.1');
  // Connected before the first check: the check is about answering, not about connecting
  // on a machine busy with other test files.
  await db.$queryRaw`SELECT 1`;
  http.addRoute(healthRoute(db, 5_000));
});
afterAll(async () => {
  await http.close();
  await db.$disconnect();
  await embedded.stop();
});

test('healthz is 200 while the database answers and 503 once it is gone', async () => {
  const up = await fetch(`http://127.0.0.1:${http.port}/healthz`);
  expect(up.status).toBe(200);
  await embedded.stop();
  const down = await fetch(`http://127.0.0.1:${http.port}/healthz`);
  expect(down.status).toBe(503);
  expect(await down.json()).toEqual({ status: 'unavailable', database: 'down' });
});

test('unknown paths are 404', async () => {
  expect((await fetch(`http://127.0.0.1:${http.port}/nope`)).status).toBe(404);
});
