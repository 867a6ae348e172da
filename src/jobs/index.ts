import type { Job } from './job.js';

/** Every scheduled job, in one explicit list (no loading by folder). */
export const allJobs: Job[] = [];
