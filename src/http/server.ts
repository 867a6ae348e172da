import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newRequestId, runInRequestScope } from '../observability/requestScope.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
export type Route = {
  method: string;
  path: string | RegExp;
  handler: RouteHandler;
  /** Still answered while the replica stops (health, readiness, metrics); other routes get 503. */
  servedWhileStopping?: boolean;
};

export type HttpServer = {
  server: Server;
  port: number;
  addRoute(route: Route): void;
  /**
   * Stops taking work: from now on new requests, except the operator's routes, get 503 so
   * the sender retries elsewhere (Slack retries a failed delivery; a load balancer moves
   * on). Requests already being handled finish.
   */
  refuseNewWork(): void;
  /** Stops taking connections, lets in-flight requests finish (up to graceMs), then closes. */
  close(graceMs?: number): Promise<void>;
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function matches(route: Route, method: string, path: string): boolean {
  if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) return false;
  return typeof route.path === 'string' ? route.path === path : route.path.test(path);
}

/** One HTTP server for every surface (Slack events, health, playground); routes added by each. */
export async function startHttpServer(
  port: number,
  onError: (error: unknown) => void,
  host?: string,
): Promise<HttpServer> {
  const routes: Route[] = [];
  let refusing = false;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((r) => matches(r, req.method ?? 'GET', path));
    if (!route) return sendJson(res, 404, { error: 'not found' });
    if (refusing && !route.servedWhileStopping) {
      res.setHeader('connection', 'close');
      res.setHeader('retry-after', '1');
      return sendJson(res, 503, { error: 'shutting down' });
    }
    // One id per request, the load balancer's if it sent one: every log line of the request carries it.
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : newRequestId();
    res.setHeader('x-request-id', requestId);
    runInRequestScope({ requestId }, () =>
      // Inside the promise: a handler that throws at once is answered like one that rejects.
      new Promise<void>((resolve) => resolve(route.handler(req, res))).catch((error: unknown) => {
        onError(error);
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    addRoute: (route) => routes.push(route),
    refuseNewWork() {
      refusing = true;
    },
    close: (graceMs = 5_000) =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
