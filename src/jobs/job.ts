import type { Ctx } from '../core/context.js';

/**
 * Scheduled work. `run` must be idempotent and claim what it does in the database:
 * node-cron only wakes each replica, the database decides who does the work.
 */
export type Job = {
  name: string;
  /** node-cron expression (seconds field optional) */
  cron: string;
  /**
   * How long the job stays with a replica that stopped renewing it (it died) before another
   * may take over; renewed every third of it while the job runs (default 1 min).
   */
  leaseMs?: number;
  run(ctx: Ctx, now: Date): Promise<void>;
};
