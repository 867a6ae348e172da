import type { Ctx } from '../core/context.js';
import type { Route } from '../http/server.js';
import { seedDemoBrand, type SeedProgress, type SeedSummary } from './demoSeed.js';
import type { LiveEvents } from './liveEvents.js';
import type { PlaygroundTeam } from './playgroundTeam.js';

/**
 * POST /playground/api/seed fills the demo brand. The answer streams one JSON line per
 * step (what `npm run demo:seed` prints when Tandem is running), and every open tab sees
 * the same progress over the live stream. A second click while it runs joins the first run.
 */
export function seedRoutes(ctx: Ctx, team: PlaygroundTeam, live: LiveEvents): Route[] {
  let running: Promise<SeedSummary> | null = null;
  const watchers = new Set<(progress: SeedProgress) => void>();

  const start = () => {
    running ??= seedDemoBrand(ctx, team, (progress) => {
      live.publish({ type: 'seed', ...progress, finished: false });
      for (const watch of watchers) watch(progress);
    }).finally(() => {
      running = null;
    });
    return running;
  };

  return [
    {
      method: 'POST',
      path: '/playground/api/seed',
      async handler(_req, res) {
        res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-cache' });
        const watch = (progress: SeedProgress) => res.write(`${JSON.stringify({ ...progress, finished: false })}\n`);
        watchers.add(watch);
        try {
          const summary = await start();
          const step = summary.alreadySeeded ? 'already seeded' : 'done';
          live.publish({ type: 'seed', step, done: 1, total: 1, finished: true });
          res.end(`${JSON.stringify({ step, done: 1, total: 1, finished: true, summary })}\n`);
        } catch (error) {
          ctx.log.error({ err: error }, 'playground: demo seed failed');
          const message = error instanceof Error ? error.message : String(error);
          live.publish({ type: 'seed', step: 'failed', done: 0, total: 1, finished: true, error: message });
          res.end(`${JSON.stringify({ step: 'failed', finished: true, error: message })}\n`);
        } finally {
          watchers.delete(watch);
        }
      },
    },
  ];
}
