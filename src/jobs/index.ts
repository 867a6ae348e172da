import { createApprovalNudgesJob } from './approvalNudges.js';
import type { Delivery } from './delivery.js';
import { createDigestJob } from './digest.js';
import type { Job } from './job.js';
import { createRepageJob } from './repage.js';
import { createSlaAlertsJob } from './slaAlerts.js';
import { createWeeklySummaryJob } from './weeklySummary.js';

/** What the jobs need from the wiring: where to deliver, and who this replica is. */
export type JobDeps = { delivery: Delivery; owner: string };

/** Every scheduled job, in one explicit list (no loading by folder). */
export function buildJobs(deps: JobDeps): Job[] {
  return [createDigestJob(deps), createWeeklySummaryJob(deps), createApprovalNudgesJob(deps.delivery), createSlaAlertsJob(deps.delivery), createRepageJob(deps.owner)];
}
