import type { IncomingMessage } from 'node:http';
import type { RouteHandler } from '../http/server.js';

/** Bolt accepts a signature for 5 minutes after its timestamp; remembered a little longer. */
const rememberMs = 6 * 60_000;
/** A flood of made-up signatures must not grow this without end. */
const maxRemembered = 100_000;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Refuses a signed Slack request seen before. Bolt checks the signature and that its
 * timestamp is under 5 minutes old, so a captured request could be sent again, unchanged,
 * for 5 minutes and be done twice. Slack never does that: its retries carry
 * X-Slack-Retry-Num, and the retry guard (retryGuard.ts) drops a retry of a delivery
 * already taken. So a signature seen again without a retry header is a replay, answered
 * 401 before Bolt reads it. Remembered per process: the window is minutes, and a replay
 * sent to another replica is still one delivery recorded in the database by the guard
 * when it carries a retry header.
 */
export function refuseReplays(handler: RouteHandler, now: () => number = Date.now): RouteHandler {
  const seen = new Map<string, number>();
  const forgetOld = (at: number) => {
    for (const [signature, until] of seen) {
      if (until > at && seen.size <= maxRemembered) break;
      seen.delete(signature);
    }
  };
  return (req, res) => {
    const signature = header(req, 'x-slack-signature');
    if (signature && !header(req, 'x-slack-retry-num')) {
      const at = now();
      forgetOld(at);
      if (seen.has(signature)) {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('replayed request');
        return;
      }
      seen.set(signature, at + rememberMs);
    }
    return handler(req, res);
  };
}
