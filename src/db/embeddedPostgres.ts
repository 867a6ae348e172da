import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './dataDirLock.js';

export type EmbeddedPostgres = {
  url: string;
  pglite: PGlite;
  stop(): Promise<void>;
};

/**
 * Serves a PGlite database on a loopback port so the same pg driver adapter (and the
 * schema engine) talk to it as to a real PostgreSQL. The socket server queues queries and
 * keeps a transaction's queries together, so many pool connections are safe.
 */
export async function serveEmbeddedPostgres(pglite: PGlite, release: () => void = () => {}): Promise<EmbeddedPostgres> {
  await pglite.waitReady;
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 200 });
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
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
