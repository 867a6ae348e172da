import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type HeldCall = {
  replica: string;
  method: string;
  body: string;
  /** Lets the call go on to Slack after all. */
  release(): void;
};

export type SlackGate = {
  /** The Web API base URL to give replica `name` (its SLACK_API_URL). */
  apiUrlFor(name: string): string;
  /**
   * Holds the next call of `method` whose body matches, once `skip` such calls went
   * through: the caller waits until it is released (or dies). Resolves with who made it.
   * With `freeze`, everything that replica sends afterwards is held too, as if it had
   * died at that instant (it is about to be killed; its other sends in flight must not
   * slip through meanwhile).
   */
  holdNext(method: string, options?: { skip?: number; where?: (body: string) => boolean; freeze?: boolean }): Promise<HeldCall>;
  /** Calls of `method` Slack answered ok, per replica name. */
  callsBy(method: string): Record<string, number>;
  close(): Promise<void>;
};

type Hold = { method: string; skip: number; where: (body: string) => boolean; freeze: boolean; resolve: (held: HeldCall) => void };

type Call = { replica: string; api: string; method: string; body: Buffer };

/**
 * A proxy between the replicas and the Slack stand-in, one path prefix per replica
 * (`/<name>/api/<method>`): it knows who called, and can hold a call mid-flight — the
 * moment to kill the replica that made it, or to stop it gracefully.
 */
export async function startSlackGate(upstream: string): Promise<SlackGate> {
  const target = new URL(upstream);
  const holds: Hold[] = [];
  const held: ServerResponse[] = [];
  const frozen = new Set<string>();
  const counts = new Map<string, Record<string, number>>();

  const count = (call: Call) => {
    const byReplica = counts.get(call.method) ?? {};
    byReplica[call.replica] = (byReplica[call.replica] ?? 0) + 1;
    counts.set(call.method, byReplica);
  };

  const forward = (req: IncomingMessage, res: ServerResponse, call: Call) => {
    const upstreamCall = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: `/${call.api}/${call.method}`, headers: { ...req.headers, host: target.host } },
      (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (part: Buffer) => parts.push(part));
        answer.on('end', () => {
          const text = Buffer.concat(parts);
          if (answer.statusCode === 200 && text.includes('"ok":true')) count(call);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(text);
        });
      },
    );
    upstreamCall.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
    });
    upstreamCall.end(call.body);
  };

  const server = createServer((req, res) => {
    const [, replica = '', api = '', method = ''] = (req.url ?? '').split('?')[0]?.split('/') ?? [];
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const call: Call = { replica, api, method, body: Buffer.concat(chunks) };
      const text = call.body.toString('utf8');
      if (frozen.has(replica)) {
        held.push(res);
        return;
      }
      const hold = api === 'api' ? holds.find((h) => h.method === method && h.where(text)) : undefined;
      if (hold && hold.skip-- <= 0) {
        holds.splice(holds.indexOf(hold), 1);
        if (hold.freeze) frozen.add(replica);
        held.push(res);
        hold.resolve({ replica, method, body: text, release: () => forward(req, res, call) });
        return;
      }
      forward(req, res, call);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrlFor: (name) => `${origin}/${name}/api/`,
    holdNext: (method, options = {}) =>
      new Promise<HeldCall>((resolve) => holds.push({ method, skip: options.skip ?? 0, where: options.where ?? (() => true), freeze: options.freeze ?? false, resolve })),
    callsBy: (method) => ({ ...counts.get(method) }),
    async close() {
      for (const res of held) if (!res.writableEnded) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
