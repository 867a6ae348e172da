import type { Db } from '../db/prismaClient.js';

/**
 * Takes the job's lease if it is free, expired, or already ours. One statement, so two
 * replicas asking at the same instant cannot both win.
 */
export async function acquireJobLease(db: Db, name: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await db.$queryRaw<{ owner: string }[]>`
    INSERT INTO job_leases (name, owner, lease_until, last_run_at) VALUES (${name}, ${owner}, ${until}, ${now})
    ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until, last_run_at = EXCLUDED.last_run_at
    WHERE job_leases.lease_until <= ${now} OR job_leases.owner = ${owner}
    RETURNING owner`;
  return rows.length === 1;
}

/** Gives the lease back early so the next tick anywhere can run the job. */
export async function releaseJobLease(db: Db, name: string, owner: string, now: Date): Promise<void> {
  await db.jobLease.updateMany({ where: { name, owner }, data: { leaseUntil: now } });
}

/**
 * Extends a lease the caller still holds, so a long run keeps its job while a replica that
 * died stops renewing and loses it within one lease. False when it is not ours any more.
 */
export async function renewJobLease(db: Db, name: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  const renewed = await db.jobLease.updateMany({ where: { name, owner }, data: { leaseUntil: new Date(now.getTime() + leaseMs) } });
  return renewed.count === 1;
}

/** On a graceful stop: every lease this replica still holds is given back at once. */
export async function releaseJobLeasesOf(db: Db, owner: string, now: Date): Promise<number> {
  const released = await db.jobLease.updateMany({ where: { owner, leaseUntil: { gt: now } }, data: { leaseUntil: now } });
  return released.count;
}
