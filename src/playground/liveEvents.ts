import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the browser is told: which pane changed (it then asks for that pane again), or seed progress. */
export type LiveEvent =
  | { type: 'slack' }
  | { type: 'discord' }
  | { type: 'seed'; step: string; done: number; total: number; finished: boolean; error?: string };

export type LiveEvents = {
  publish(event: LiveEvent): void;
  /** Serves one Server-Sent Events stream until the browser goes away. */
  serve(req: IncomingMessage, res: ServerResponse): void;
  close(): void;
};

/**
 * Server-Sent Events to every open playground tab. Pane changes are coalesced: a burst of
 * Web API calls (post, update, ephemeral) becomes one "slack changed" a few ms later, so
 * the browser refetches once rather than once per call.
 */
export function createLiveEvents(coalesceMs = 25): LiveEvents {
  const clients = new Set<ServerResponse>();
  const pending = new Map<string, NodeJS.Timeout>();
  // Proxies drop idle streams; a comment line every 20 s keeps them open.
  const keepAlive = setInterval(() => {
    for (const res of clients) res.write(': keep-alive\n\n');
  }, 20_000);
  keepAlive.unref();

  const send = (event: LiveEvent) => {
    const frame = `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
    for (const res of clients) res.write(frame);
  };

  return {
    publish(event) {
      if (event.type === 'seed') return send(event);
      if (pending.has(event.type)) return;
      pending.set(
        event.type,
        setTimeout(() => {
          pending.delete(event.type);
          send(event);
        }, coalesceMs),
      );
    },
    serve(req, res) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    close() {
      clearInterval(keepAlive);
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
