import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * What an operator watches, in Prometheus text format at GET /metrics. One registry per
 * Tandem instance (tests run several in one process).
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tandem_' });
  return {
    registry,
    commands: new Counter({
      name: 'tandem_commands_total',
      help: 'Commands, buttons and modal submissions handled',
      labelNames: ['platform', 'command', 'outcome'] as const,
      registers: [registry],
    }),
    commandSeconds: new Histogram({
      name: 'tandem_command_duration_seconds',
      help: 'Time from receiving a command to acknowledging it',
      labelNames: ['platform', 'command'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3, 5],
      registers: [registry],
    }),
    jobs: new Counter({
      name: 'tandem_jobs_total',
      help: 'Scheduled job ticks by outcome (ran, skipped: another replica held it, failed)',
      labelNames: ['job', 'outcome'] as const,
      registers: [registry],
    }),
    jobLagSeconds: new Gauge({
      name: 'tandem_job_queue_lag_seconds',
      help: 'How late the oldest due item (digest, page, nudge) was when a job picked it up',
      labelNames: ['job'] as const,
      registers: [registry],
    }),
    digestsSent: new Counter({
      name: 'tandem_digests_sent_total',
      help: 'Digests sent',
      labelNames: ['kind', 'late'] as const,
      registers: [registry],
    }),
  };
}
