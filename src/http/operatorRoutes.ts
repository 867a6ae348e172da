import type { Db } from '../db/prismaClient.js';
import { readMigrationList } from '../db/migrations.js';
import type { Metrics } from '../observability/metrics.js';
import { sendJson, type Route } from './server.js';

export type PlatformStatus = () => Record<string, 'connected' | 'disconnected' | 'off'>;

async function countPendingMigrations(db: Db): Promise<number> {
  const folders = (await readMigrationList()).migrationDirectories.map((d) => d.path);
  const applied = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(applied.map((r) => r.migration_name));
  return folders.filter((f) => !done.has(f)).length;
}

/**
 * Readiness, unlike liveness, says whether this replica should get traffic: database
 * reachable, schema migrated, and every platform that is on connected.
 */
export function readyRoute(db: Db, platforms: PlatformStatus, isStopping: () => boolean): Route {
  return {
    method: 'GET',
    path: '/readyz',
    servedWhileStopping: true,
    async handler(_req, res) {
      const checks: Record<string, string> = {};
      try {
        const pending = await countPendingMigrations(db);
        checks.database = 'up';
        checks.migrations = pending === 0 ? 'applied' : `${pending} pending`;
      } catch {
        checks.database = 'down';
      }
      for (const [name, status] of Object.entries(platforms())) checks[name] = status;
      if (isStopping()) checks.shutdown = 'in progress';
      const ready =
        checks.database === 'up' && checks.migrations === 'applied' && !isStopping() && Object.values(platforms()).every((s) => s !== 'disconnected');
      sendJson(res, ready ? 200 : 503, { ready, checks });
    },
  };
}

export function metricsRoute(metrics: Metrics): Route {
  return {
    method: 'GET',
    path: '/metrics',
    servedWhileStopping: true,
    async handler(_req, res) {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
    },
  };
}
