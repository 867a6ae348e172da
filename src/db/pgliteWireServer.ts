import { createServer, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const sslRequest = 80877103;
const gssEncRequest = 80877104;
const cancelRequest = 80877102;
const protocol3 = 196608;

/**
 * PGlite is one backend session shared by every socket. A connection must hold it for a
 * whole protocol exchange (Parse/Bind/Describe/Execute up to Sync, or one simple Query),
 * and for as long as it keeps a transaction open: otherwise another connection's Parse
 * replaces the unnamed statement between this one's Parse and Bind ("bind message supplies
 * 7 parameters, but prepared statement "" requires 2", "portal "" does not exist"), or its
 * statements run inside this one's transaction. @electric-sql/pglite-socket 0.2.11 queues
 * single messages, which is why it is not used.
 */
class BackendOwner {
  private owner: number | null = null;
  private readonly waiting: { id: number; wake: () => void }[] = [];

  async acquire(id: number): Promise<void> {
    if (this.owner === id) return;
    if (this.owner === null) {
      this.owner = id;
      return;
    }
    await new Promise<void>((wake) => this.waiting.push({ id, wake }));
  }

  release(id: number): void {
    if (this.owner !== id) return;
    const next = this.waiting.shift();
    this.owner = next?.id ?? null;
    next?.wake();
  }

  isOwner(id: number): boolean {
    return this.owner === id;
  }
}

export type WireServer = { port: number; stop(): Promise<void> };

/** Serves PGlite over the PostgreSQL wire protocol on a loopback port. */
export async function serveWireProtocol(pglite: PGlite, host = '127.0.0.1'): Promise<WireServer> {
  const owner = new BackendOwner();
  const sockets = new Set<Socket>();
  let nextId = 1;

  async function runUnit(id: number, socket: Socket, messages: Buffer[], exchangeEnds: boolean): Promise<void> {
    await owner.acquire(id);
    try {
      for (const message of messages) {
        await pglite.runExclusive(() =>
          pglite.execProtocolRawStream(new Uint8Array(message), { onRawData: (data) => void (socket.writable && socket.write(data)) }),
        );
      }
    } finally {
      if (exchangeEnds && !pglite.isInTransaction()) owner.release(id);
    }
  }

  async function abandon(id: number): Promise<void> {
    if (!owner.isOwner(id)) return;
    // A client that vanished inside a transaction must not keep everyone else waiting.
    if (pglite.isInTransaction()) await pglite.exec('ROLLBACK').catch(() => undefined);
    owner.release(id);
  }

  function serve(socket: Socket): void {
    const id = nextId++;
    sockets.add(socket);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let pending: Buffer[] = [];
    let work: Promise<void> = Promise.resolve();
    const submit = (messages: Buffer[], exchangeEnds = true) => {
      work = work.then(() => runUnit(id, socket, messages, exchangeEnds)).catch(() => {
        socket.destroy();
      });
    };

    socket.on('data', (chunk) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const startup = Buffer.from(buffer.subarray(0, length));
          buffer = buffer.subarray(length);
          if (code === sslRequest || code === gssEncRequest) socket.write('N');
          else if (code === cancelRequest) socket.end();
          else if (code === protocol3) {
            started = true;
            submit([startup]);
          }
          continue;
        }
        if (buffer.length < 5) return;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return;
        const message = Buffer.from(buffer.subarray(0, length));
        buffer = buffer.subarray(length);
        const type = String.fromCharCode(message[0] ?? 0);
        if (type === 'X') {
          socket.end();
          return;
        }
        pending.push(message);
        // Sync ends an extended-protocol exchange; a simple Query is one on its own. A
        // Flush asks for the answers so far: run them, but keep the session until Sync.
        // (COPY sub-protocol messages are not supported: nothing in Tandem uses them.)
        if (type === 'S' || type === 'Q') {
          submit(pending);
          pending = [];
        } else if (type === 'H') {
          submit(pending, false);
          pending = [];
        }
      }
    });
    const close = () => {
      sockets.delete(socket);
      work = work.then(() => abandon(id));
    };
    socket.on('close', close);
    socket.on('error', () => socket.destroy());
  }

  const server = createServer(serve);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the embedded database server has no port');
  return {
    port: address.port,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
