import type { Job } from './job.js';

/**
 * PGlite has no autovacuum (no background workers), so planner statistics and the
 * visibility map go stale as rows change and the digest's index-only scans slow down.
 * A nightly VACUUM ANALYZE keeps them fresh. Embedded store only: PostgreSQL does this itself.
 */
export const embeddedMaintenanceJob: Job = {
  name: 'embedded-maintenance',
  cron: '17 4 * * *',
  leaseMs: 60 * 60_000,
  async run(ctx) {
    const started = Date.now();
    await ctx.db.$executeRawUnsafe('VACUUM (ANALYZE)');
    ctx.log.info({ ms: Date.now() - started }, 'embedded database vacuumed and analyzed');
  },
};
