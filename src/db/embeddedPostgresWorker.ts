// The embedded database's own thread (started by startEmbeddedPostgres): PGlite and the
// wire server that serves it run here, so PostgreSQL's work (PGlite is PostgreSQL compiled
// to WebAssembly, run on whatever thread owns it) never holds up the main thread's
// acknowledgements to Slack and Discord. Prisma reaches it over loopback, as it would a server.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { z } from 'zod';
import { serveWireProtocol } from './pgliteWireServer.js';

const settingsSchema = z.object({ dataDir: z.string().optional() });
const messageSchema = z.object({ type: z.literal('stop') });

const port = parentPort;
if (!port) throw new Error('embeddedPostgresWorker.ts runs as a worker thread');
const { dataDir } = settingsSchema.parse(workerData);
const pglite = new PGlite(dataDir);
await pglite.waitReady;
const server = await serveWireProtocol(pglite);
port.on('message', (message: unknown) => {
  if (!messageSchema.safeParse(message).success) return;
  void (async () => {
    await server.stop();
    await pglite.close();
    port.postMessage({ type: 'stopped' });
  })();
});
port.postMessage({ type: 'ready', port: server.port });
