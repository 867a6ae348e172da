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
  const replies: z.infer<typeof workerReplySchema>[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (message: unknown) => {
    replies.push(workerReplySchema.parse(message));
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the embedded database thread exited (code ${code})`);
    wake?.();
  });
  const next = async (type: 'ready' | 'stopped') => {
    for (;;) {
      const index = replies.findIndex((r) => r.type === type);
      if (index >= 0) return replies.splice(index, 1)[0]!;
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  let ready;
  try {
    ready = await next('ready');
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
        worker.postMessage({ type: 'stop' });
        await next('stopped').catch(() => undefined);
        await worker.terminate();
      })();
      return stopping;
    },
  };
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
