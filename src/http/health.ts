import type { Db } from '../db/prismaClient.js';
import { sendJson, type Route } from './server.js';

async function isDatabaseReachable(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** 200 while the database answers, 503 when it does not: what a load balancer needs. */
export function healthRoute(db: Db, timeoutMs = 2_000): Route {
  return {
    method: 'GET',
    path: '/healthz',
    servedWhileStopping: true,
    async handler(_req, res) {
      const ok = await isDatabaseReachable(db, timeoutMs);
      sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', database: ok ? 'up' : 'down' });
    },
  };
}
