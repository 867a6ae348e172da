import { Gauge } from 'prom-client';
import type { Db } from '../db/prismaClient.js';
import type { Metrics } from './metrics.js';

type LagRow = { queue: string; lag_seconds: number | null; due: bigint | number };
type SentRow = { kind: string; late: boolean; sent: bigint | number };

/** A scrape must not hang on a slow database: the previous values stay. */
const scrapeTimeoutMs = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('metrics query timed out')), scrapeTimeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Figures read from the database at scrape time rather than counted in memory: due work
 * is shared by all replicas (any of them may pick it up) and a counter in the replica that
 * died would vanish with it. Every replica reports the same values; aggregate with max().
 */
export function registerQueueMetrics(metrics: Metrics, db: Db, onError: (error: unknown) => void): void {
  // Both queue gauges come from one query: a scrape collects them at the same time, and
  // the second shares the reading the first started.
  let pending: Promise<LagRow[]> | null = null;
  const readQueues = (): Promise<LagRow[]> => {
    pending ??= withTimeout(
      db.$queryRaw<LagRow[]>`
        SELECT 'escalation_pages' AS queue, EXTRACT(EPOCH FROM now() - min(next_page_at))::float8 AS lag_seconds, count(*) AS due
          FROM escalations WHERE status = 'open' AND next_page_at <= now()
        UNION ALL
        SELECT 'digest_retries', EXTRACT(EPOCH FROM now() - min(COALESCE(next_attempt_at, lease_until, claimed_at)))::float8, count(*)
          FROM digest_runs
         WHERE sent_at IS NULL
           AND ((status = 'failed' AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
             OR (status = 'claimed' AND lease_until <= now()))`,
    ).finally(() => {
      pending = null;
    });
    return pending;
  };
  const gaugeOfQueues = (name: string, help: string, valueOf: (row: LagRow) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue'] as const,
      registers: [metrics.registry],
      async collect() {
        try {
          for (const row of await readQueues()) this.set({ queue: row.queue }, valueOf(row));
        } catch (error) {
          onError(error);
        }
      },
    });
  gaugeOfQueues(
    'tandem_queue_lag_seconds',
    'How overdue the oldest due item of each queue is (0 when nothing is due): escalation re-pages, digest retries and digests whose sender went silent',
    (row) => Math.max(0, row.lag_seconds ?? 0),
  );
  gaugeOfQueues('tandem_queue_due_items', 'Items of each queue that are due now and not yet picked up', (row) => Number(row.due));
  new Gauge({
    name: 'tandem_digests_sent_last_24h',
    help: 'Digests sent in the last 24 hours by any replica, by kind and whether they were late',
    labelNames: ['kind', 'late'] as const,
    registers: [metrics.registry],
    async collect() {
      try {
        const rows = await withTimeout(
          db.$queryRaw<SentRow[]>`
            SELECT kind, late, count(*) AS sent FROM digest_runs
             WHERE status = 'sent' AND sent_at > now() - interval '24 hours'
             GROUP BY kind, late`,
        );
        this.reset();
        for (const row of rows) this.set({ kind: row.kind, late: String(row.late) }, Number(row.sent));
      } catch (error) {
        onError(error);
      }
    },
  });
}
