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
      help: 'Slack: time from receiving a command to acknowledging it (3 s budget). Discord: time to the answer',
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
    requestsInFlight: new Gauge({
      name: 'tandem_requests_in_flight',
      help: 'Slack requests and Discord interactions accepted and not yet finished',
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
