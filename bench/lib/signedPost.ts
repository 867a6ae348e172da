// A load generator's Slack: signs each request as Slack does and POSTs it over kept-alive
// node:http connections. (fetch was tried first: in the same process at 100 in flight its
// pool adds up to a second of queueing to a bare server's p99, drowning what is measured.)
import { Agent, request } from 'node:http';
import type { SlackRequest } from '../../src/playground/slack/payloads.js';
import { slackSignatureHeaders } from '../../src/playground/slack/signing.js';

export type SignedPoster = { post(request: SlackRequest): Promise<number>; close(): void };

export function createSignedPoster(endpoint: string, signingSecret: string): SignedPoster {
  const url = new URL(endpoint);
  // Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout closes
  // them under a request ("socket hang up" on reuse).
  const agent = new Agent({ keepAlive: true, maxSockets: 1024, timeout: 4_000 });
  return {
    post: (slackRequest) =>
      new Promise<number>((resolve, reject) => {
        const body = Buffer.from(slackRequest.body);
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            agent,
            headers: { 'content-type': slackRequest.contentType, 'content-length': body.length, ...slackSignatureHeaders(signingSecret, slackRequest.body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}
