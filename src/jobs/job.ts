import type { Ctx } from '../core/context.js';

/**
 * Scheduled work. `run` must be idempotent and claim what it does in the database:
 * node-cron only wakes each replica, the database decides who does the work.
 */
export type Job = {
  name: string;
  /** node-cron expression (seconds field optional) */
  cron: string;
  /** How long a replica may hold the job before another may take over (default 5 min). */
  leaseMs?: number;
  run(ctx: Ctx, now: Date): Promise<void>;
};
