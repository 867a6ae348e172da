import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeSlackApi } from '../fakes/slack.js';

/**
 * `conversations.history` in front of the Slack stand-in, which does not answer it: a
 * digest retry asks Slack whether an earlier attempt posted after all (findDigestMessage).
 * Answers as Slack does, newest first, from `oldest` on, with message metadata when asked
 * (`include_all_metadata`); every other call goes through to the stand-in unchanged.
 */
export type SlackHistory = { origin: string; close(): Promise<void> };

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function argsOf(contentType: string, body: string): Record<string, string> {
  if (contentType.startsWith('application/json')) return JSON.parse(body || '{}') as Record<string, string>;
  return Object.fromEntries(new URLSearchParams(body));
}

export async function startSlackHistory(slack: FakeSlackApi): Promise<SlackHistory> {
  const upstream = new URL(slack.origin);
  const server = createServer((req, res) => {
    void bodyOf(req).then((body) => {
      if (req.url?.endsWith('/conversations.history')) {
        const args = argsOf(req.headers['content-type'] ?? '', body.toString('utf8'));
        const oldest = Number(args.oldest ?? 0);
        const withMetadata = String(args.include_all_metadata) === 'true';
        const messages = slack.workspace.messages
          .filter((m) => m.channel === args.channel && !m.ephemeralFor && !m.thread_ts && Number(m.ts) > oldest)
          .sort((a, b) => Number(b.ts) - Number(a.ts))
          .slice(0, Number(args.limit ?? 100))
          .map(({ channel: _channel, via: _via, ephemeralFor: _ephemeral, metadata, ...message }) => ({ ...message, ...(withMetadata && metadata ? { metadata } : {}) }));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } }));
        return;
      }
      const forwarded = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forwarded.on('error', () => res.writeHead(502).end());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
