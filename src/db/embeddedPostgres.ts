import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { z } from 'zod';
import { lockDataDir } from './dataDirLock.js';
import { serveWireProtocol } from './pgliteWireServer.js';

export type EmbeddedPostgres = {
  url: string;
  stop(): Promise<void>;
};

/** Served from this thread, with the PGlite handle (tests, scratch databases). */
export type InProcessPostgres = EmbeddedPostgres & { pglite: PGlite };

/**
 * Serves a PGlite database on a loopback port so the same pg driver adapter (and the
 * schema engine) talk to it as to a real PostgreSQL. PGlite is one session, so the wire
 * server gives it to one connection per protocol exchange and per open transaction
 * (see pgliteWireServer.ts); many pool connections are then safe.
 */
export async function serveEmbeddedPostgres(pglite: PGlite, release: () => void = () => {}): Promise<InProcessPostgres> {
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

const workerReplySchema = z.discriminatedUnion('type', [z.object({ type: z.literal('ready'), port: z.number() }), z.object({ type: z.literal('stopped') })]);
type WorkerReply = z.infer<typeof workerReplySchema>;

/**
 * The worker's module: built JavaScript next to this file, or (run from source with tsx,
 * as benchmarks and scripts are) the TypeScript, with tsx's loader registered in the new
 * thread first: Node 20 does not carry it into workers.
 */
function startWorker(settings: { dataDir?: string }): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./embeddedPostgresWorker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData: settings });
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: settings });
}

/**
 * PGlite on a thread of its own (embeddedPostgresWorker.ts), served on a loopback port:
 * on `dataDir`, or in memory when none is given.
 */
export async function startEmbeddedPostgresThread(settings: { dataDir?: string } = {}): Promise<EmbeddedPostgres> {
  const worker = startWorker(settings);
  let ready: WorkerReply;
  try {
    ready = await nextReply(worker);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  if (ready.type !== 'ready') throw new Error('the embedded database thread did not start');
  let stopping: Promise<void> | null = null;
  return {
    url: `postgresql://postgres@127.0.0.1:${ready.port}/postgres?sslmode=disable`,
    stop() {
      stopping ??= (async () => {
        const stopped = nextReply(worker).catch(() => undefined);
        worker.postMessage({ type: 'stop' });
        await stopped;
        await worker.terminate();
      })();
      return stopping;
    },
  };
}

/** The worker's next message; its error or exit instead, as a failure. */
function nextReply(worker: Worker): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      outcome();
    };
    const onMessage = (message: unknown) => settle(() => resolve(workerReplySchema.parse(message)));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`the embedded database thread exited (code ${code})`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/** Starts PGlite on `<dataDir>/pg` (its own thread), refusing if another process holds the data dir. */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const release = lockDataDir(dataDir);
  try {
    const embedded = await startEmbeddedPostgresThread({ dataDir: join(dataDir, 'pg') });
    return {
      url: embedded.url,
      async stop() {
        await embedded.stop();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
