import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './dataDirLock.js';
import { serveWireProtocol } from './pgliteWireServer.js';

export type EmbeddedPostgres = {
  url: string;
  pglite: PGlite;
  stop(): Promise<void>;
};

/**
 * Serves a PGlite database on a loopback port so the same pg driver adapter (and the
 * schema engine) talk to it as to a real PostgreSQL. PGlite is one session, so the wire
 * server gives it to one connection per protocol exchange and per open transaction
 * (see pgliteWireServer.ts); many pool connections are then safe.
 */
export async function serveEmbeddedPostgres(pglite: PGlite, release: () => void = () => {}): Promise<EmbeddedPostgres> {
  await pglite.waitReady;
  const server = await serveWireProtocol(pglite);
  const url = `postgresql://postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`;
  let stopped = false;
  return {
    url,
    pglite,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await pglite.close();
      release();
    },
  };
}

/** Starts PGlite on `<dataDir>/pg`, refusing if another process holds the data dir. */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const release = lockDataDir(dataDir);
  try {
    const pglite = new PGlite(join(dataDir, 'pg'));
    return await serveEmbeddedPostgres(pglite, release);
  } catch (error) {
    release();
    throw error;
  }
}
