import cron, { type ScheduledTask } from 'node-cron';
import type { Ctx } from '../core/context.js';
import type { Job } from './job.js';
import { acquireJobLease, releaseJobLease, renewJobLease } from './leases.js';

export const defaultLeaseMs = 60_000;

export type JobOutcome = 'ran' | 'skipped' | 'failed';

/**
 * Keeps the lease while the job runs. A replica that dies stops renewing, so its job is
 * free again within one lease, however long the job itself takes.
 */
function keepLease(ctx: Ctx, job: Job, owner: string, leaseMs: number): () => void {
  const timer = setInterval(() => {
    renewJobLease(ctx.db, job.name, owner, ctx.clock.now(), leaseMs).then(
      (held) => {
        if (!held) ctx.log.warn({ job: job.name, owner }, 'job lease was taken over while the job ran (each item is still claimed once)');
      },
      (error: unknown) => ctx.log.warn({ err: error, job: job.name }, 'could not renew job lease'),
    );
  }, Math.max(1_000, Math.floor(leaseMs / 3)));
  timer.unref();
  return () => clearInterval(timer);
}

/** One tick of one job: claim its lease, run it (renewing the lease), give the lease back. */
export async function runJobOnce(ctx: Ctx, job: Job, owner: string): Promise<JobOutcome> {
  const now = ctx.clock.now();
  const leaseMs = job.leaseMs ?? defaultLeaseMs;
  if (!(await acquireJobLease(ctx.db, job.name, owner, now, leaseMs))) return 'skipped';
  const stopRenewing = keepLease(ctx, job, owner, leaseMs);
  try {
    await job.run(ctx, now);
    return 'ran';
  } catch (error) {
    ctx.log.error({ err: error, job: job.name }, 'job failed');
    return 'failed';
  } finally {
    stopRenewing();
    await releaseJobLease(ctx.db, job.name, owner, ctx.clock.now()).catch((error: unknown) =>
      ctx.log.warn({ err: error, job: job.name }, 'could not release job lease'),
    );
  }
}

export type Scheduler = {
  stop(): Promise<void>;
};

/**
 * node-cron only wakes this replica; `runJobOnce` decides in the database whether it
 * does the work. No overlap within a replica; a crashed replica's lease expires.
 */
export function startScheduler(ctx: Ctx, jobs: Job[], owner: string, onTick?: (job: Job, outcome: JobOutcome) => void): Scheduler {
  const inFlight = new Set<Promise<unknown>>();
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron,
      () => {
        const tick = runJobOnce(ctx, job, owner).then(
          (outcome) => onTick?.(job, outcome),
          (error: unknown) => ctx.log.error({ err: error, job: job.name }, 'job tick failed'),
        );
        inFlight.add(tick);
        void tick.finally(() => inFlight.delete(tick));
        return tick;
      },
      { name: job.name, noOverlap: true },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
      await Promise.all([...inFlight]);
      await Promise.all(tasks.map((task) => task.destroy()));
    },
  };
}
