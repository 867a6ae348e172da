import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeSlackApi } from '../fakes/slack.js';

/**
 * A front for the Slack stand-in that adds what a digest retry needs and the stand-in
 * lacks: `conversations.history` (read from the stand-in's own workspace, newest first,
 * with message metadata as Slack returns it with include_all_metadata). Everything else
 * is passed through unchanged. It can also lose an answer: the request reaches Slack and
 * Slack acts on it, but Tandem gets an HTTP 500, as when a connection drops mid-reply.
 */
export type SlackHistoryProxy = {
  apiUrl: string;
  historyCalls: number;
  /** The next call of `method` is forwarded, then answered with HTTP 500. */
  loseNextAnswer(method: string): void;
  close(): Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function readArgs(contentType: string, raw: string): Record<string, string> {
  if (contentType.startsWith('application/json')) return raw ? (JSON.parse(raw) as Record<string, string>) : {};
  return Object.fromEntries(new URLSearchParams(raw));
}

export async function startSlackHistoryProxy(slack: FakeSlackApi): Promise<SlackHistoryProxy> {
  const lose = new Set<string>();
  const proxy: Omit<SlackHistoryProxy, 'apiUrl' | 'close'> & { historyCalls: number } = {
    historyCalls: 0,
    loseNextAnswer: (method) => void lose.add(method),
  };
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const body = await readBody(req);
      const method = path.replace(/^\/api\//, '');
      if (method === 'conversations.history') {
        proxy.historyCalls += 1;
        const args = readArgs(req.headers['content-type'] ?? '', body.toString('utf8'));
        const oldest = Number(args.oldest ?? 0);
        const messages = slack.workspace
          .channelHistory(args.channel ?? '')
          .filter((m) => !m.ephemeralFor && !m.thread_ts && Number(m.ts) > oldest)
          .reverse()
          .map(({ via: _via, channel: _channel, ephemeralFor: _e, ...visible }) => visible);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } }));
        return;
      }
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'authorization']) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await fetch(`${slack.origin}${path}`, { method: req.method ?? 'POST', headers, body: req.method === 'GET' ? undefined : body });
      const text = await answer.text();
      if (lose.delete(method)) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: 'internal_error' }));
        return;
      }
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(proxy, {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
