import { z } from 'zod';
import type { DigestRun, Prisma } from '../generated/prisma/client.js';
import { recordAudit } from './audit.js';
import type { Ctx } from './context.js';
import { dateOnly, formatDateOnly } from './time.js';
import { idSchema, parseInput } from './validation.js';

// A digest run is the claim on one digest (brand, kind, local date). Whoever inserts the
// row sends it; the unique key makes that one process across all replicas. A sender that
// dies keeps its claim only until its lease ends; a failed send waits for its retry time.
// Either way the row can then be taken over with one conditional UPDATE, which Postgres
// re-checks after any concurrent writer commits, so two takers never both win. A sent run
// is never taken again.

export const digestKindSchema = z.enum(['daily', 'weekly']);
export type DigestKind = z.infer<typeof digestKindSchema>;

const ownerSchema = z.string().trim().min(1).max(200);

export type DigestRunView = {
  id: number;
  brandId: number;
  kind: DigestKind;
  localDate: string;
  status: DigestRun['status'];
  late: boolean;
  attempts: number;
  claimedBy: string | null;
  claimedAt: Date;
  leaseUntil: Date | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  channelId: string | null;
  messageId: string | null;
  error: string | null;
};

function toDigestRunView(run: DigestRun): DigestRunView {
  return { ...run, kind: digestKindSchema.parse(run.kind), localDate: formatDateOnly(run.localDate) };
}

const returnedIdSchema = z.array(z.object({ id: z.number().int() }));

async function finishWrite(
  tx: Prisma.TransactionClient,
  rows: unknown,
  owner: string,
  action: string,
  after: (run: DigestRunView) => Record<string, unknown>,
): Promise<DigestRunView | null> {
  const id = returnedIdSchema.parse(rows)[0]?.id;
  if (id === undefined) return null;
  const run = toDigestRunView(await tx.digestRun.findUniqueOrThrow({ where: { id } }));
  await recordAudit(tx, { brandId: run.brandId, actorRef: owner, action, subjectType: 'digest_run', subjectId: run.id, after: after(run) });
  return run;
}

export const claimDigestRunSchema = z.object({
  brandId: idSchema,
  kind: digestKindSchema.default('daily'),
  localDate: z.iso.date(),
  /** Who is sending: a replica id, stable for the process's life. */
  owner: ownerSchema,
  /** Sent after its scheduled time (Tandem was down): the digest says so. */
  late: z.boolean().default(false),
  /** How long the claim holds before another process may take over a silent sender. */
  leaseMs: z.number().int().min(1_000).max(3_600_000).default(300_000),
});

/**
 * The run for this digest if the caller may send it now, or null when someone else has
 * it (sending, sent, or failed and not yet due for a retry).
 */
export async function claimDigestRun(ctx: Ctx, input: z.input<typeof claimDigestRunSchema>): Promise<DigestRunView | null> {
  const data = parseInput(claimDigestRunSchema, input);
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + data.leaseMs);
  return ctx.db.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw`
      INSERT INTO digest_runs (brand_id, kind, local_date, status, late, attempts, claimed_by, claimed_at, lease_until)
      VALUES (${data.brandId}::int, ${data.kind}, ${data.localDate}::date, 'claimed', ${data.late}, 0, ${data.owner},
              ${now}::timestamptz, ${leaseUntil}::timestamptz)
      ON CONFLICT (brand_id, kind, local_date) DO NOTHING
      RETURNING id`;
    const claimed = await finishWrite(tx, inserted, data.owner, 'digest.claimed', (run) => ({ kind: run.kind, localDate: run.localDate, late: run.late }));
    if (claimed) return claimed;
    const taken = await tx.$queryRaw`
      UPDATE digest_runs
      SET status = 'claimed', claimed_by = ${data.owner}, claimed_at = ${now}::timestamptz, lease_until = ${leaseUntil}::timestamptz,
          next_attempt_at = NULL, late = late OR ${data.late},
          -- A claim that ran out of lease is a sender that died mid-send: that counts as a
          -- failed attempt too, so a digest that crashes its sender stops being retried.
          attempts = attempts + CASE WHEN status = 'claimed' THEN 1 ELSE 0 END
      WHERE brand_id = ${data.brandId}::int AND kind = ${data.kind} AND local_date = ${data.localDate}::date AND sent_at IS NULL
        AND ((status = 'claimed' AND (lease_until IS NULL OR lease_until <= ${now}::timestamptz))
          OR (status = 'failed' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now}::timestamptz)))
      RETURNING id`;
    return finishWrite(tx, taken, data.owner, 'digest.reclaimed', (run) => ({ kind: run.kind, localDate: run.localDate, attempts: run.attempts }));
  });
}

export const markDigestSentSchema = z.object({
  runId: idSchema,
  owner: ownerSchema,
  channelId: z.string().min(1).max(200),
  messageId: z.string().min(1).max(200),
});

/**
 * Records the message that was sent. Null when the run is no longer the caller's (its
 * lease ran out and another process took it over): that process's send counts.
 */
export async function markDigestSent(ctx: Ctx, input: z.input<typeof markDigestSentSchema>): Promise<DigestRunView | null> {
  const data = parseInput(markDigestSentSchema, input);
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw`
      UPDATE digest_runs
      SET status = 'sent', sent_at = ${now}::timestamptz, channel_id = ${data.channelId}, message_id = ${data.messageId},
          lease_until = NULL, next_attempt_at = NULL, error = NULL
      WHERE id = ${data.runId}::int AND claimed_by = ${data.owner} AND status = 'claimed'
      RETURNING id`;
    return finishWrite(tx, rows, data.owner, 'digest.sent', (run) => ({ channelId: run.channelId, messageId: run.messageId }));
  });
}

export const markDigestFailedSchema = z.object({
  runId: idSchema,
  owner: ownerSchema,
  error: z.string().transform((text) => text.slice(0, 2000)),
  /** When to try again; by default an exponential backoff from the attempts so far. */
  retryAt: z.date().optional(),
});

const firstRetryMs = 60_000;
const maxRetryMs = 3_600_000;

/** Backoff before retry number `attempts` (1 minute, doubling, at most an hour). */
export function computeRetryDelayMs(attempts: number): number {
  return Math.min(maxRetryMs, firstRetryMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Gives the run back with a retry time; `attempts` counts failed sends (and senders that
 * died holding the claim). Null if the run is not the caller's.
 */
export async function markDigestFailed(ctx: Ctx, input: z.input<typeof markDigestFailedSchema>): Promise<DigestRunView | null> {
  const data = parseInput(markDigestFailedSchema, input);
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const current = await tx.digestRun.findUnique({ where: { id: data.runId }, select: { attempts: true } });
    if (!current) return null;
    const retryAt = data.retryAt ?? new Date(now.getTime() + computeRetryDelayMs(current.attempts + 1));
    // `attempts = attempts + 1` in SQL, not the value read above: the WHERE decides who
    // writes, and the count stays right even if the read was stale.
    const rows = await tx.$queryRaw`
      UPDATE digest_runs
      SET status = 'failed', attempts = attempts + 1, error = ${data.error}, next_attempt_at = ${retryAt}::timestamptz, lease_until = NULL
      WHERE id = ${data.runId}::int AND claimed_by = ${data.owner} AND status = 'claimed'
      RETURNING id`;
    return finishWrite(tx, rows, data.owner, 'digest.failed', (run) => ({ attempts: run.attempts, error: run.error, nextAttemptAt: run.nextAttemptAt }));
  });
}

export const findRetryableRunsSchema = z.object({
  /** Runs that failed this many times are left alone (a person can send with /digest now). */
  maxAttempts: z.number().int().min(1).max(100).default(8),
  /** Only runs for this local date or later, so yesterday's digest is not sent today. */
  fromLocalDate: z.iso.date().optional(),
  limit: z.number().int().min(1).max(1000).default(100),
});

/**
 * Runs that are due to be taken over: failed ones whose retry time has come, and claims
 * whose sender went silent past its lease. Claim each with `claimDigestRun` to send it.
 */
export async function findRetryableRuns(ctx: Ctx, input: z.input<typeof findRetryableRunsSchema> = {}): Promise<DigestRunView[]> {
  const data = parseInput(findRetryableRunsSchema, input);
  const now = ctx.clock.now();
  const runs = await ctx.db.digestRun.findMany({
    where: {
      attempts: { lt: data.maxAttempts },
      ...(data.fromLocalDate ? { localDate: { gte: dateOnly(data.fromLocalDate) } } : {}),
      OR: [
        { status: 'failed', OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
        { status: 'claimed', OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] },
      ],
    },
    orderBy: [{ localDate: 'asc' }, { id: 'asc' }],
    take: data.limit,
  });
  return runs.map(toDigestRunView);
}
