import { z } from 'zod';
import { recordAudit } from './audit.js';
import { readBrandSettings } from './brandSettings.js';
import type { Ctx } from './context.js';
import { recordEscalationEvent } from './escalationTimeline.js';
import type { SeverityName } from './escalationViews.js';
import { idSchema, parseInput } from './validation.js';

export type DuePage = { escalationId: number; brandId: number; number: number; severity: SeverityName; nextPageAt: Date; pageCount: number };

export const findDuePagesSchema = z.object({
  now: z.date().optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

/** Unacknowledged escalations whose next page is due, most overdue first. Reads only: claim each with recordPage. */
export async function findDuePages(ctx: Ctx, input: z.input<typeof findDuePagesSchema>): Promise<DuePage[]> {
  const data = parseInput(findDuePagesSchema, input);
  const now = data.now ?? ctx.clock.now();
  const rows = await ctx.db.escalation.findMany({
    where: { status: 'open', nextPageAt: { lte: now } },
    orderBy: [{ nextPageAt: 'asc' }, { id: 'asc' }],
    take: data.limit,
    select: { id: true, brandId: true, number: true, severity: true, nextPageAt: true, pageCount: true },
  });
  return rows.map((row) => ({
    escalationId: row.id,
    brandId: row.brandId,
    number: row.number,
    severity: row.severity,
    nextPageAt: row.nextPageAt ?? now,
    pageCount: row.pageCount,
  }));
}

export const recordPageSchema = z.object({
  escalationId: idSchema,
  now: z.date().optional(),
  /** The replica (scheduler) paging, kept on the row and the timeline. */
  owner: z.string().trim().min(1).max(200),
});

export type RecordedPage = { escalationId: number; brandId: number; number: number; severity: SeverityName; pageCount: number; nextPageAt: Date | null };

type ClaimRow = { id: number; brandId: number; number: number; severity: SeverityName; pageCount: number };

/**
 * Claims one due page. The row is taken with FOR UPDATE SKIP LOCKED and its next page
 * moved forward in the same transaction, so of two schedulers (or replicas) claiming at
 * once exactly one gets it; the other gets null and moves on instead of waiting. The next
 * page counts from now, not from when it was due: after downtime there is one catch-up
 * page, not a burst. Returns null when it is not due (any more), acknowledged or resolved.
 * Claim first, post after: a replica dying in between loses that one page, never sends
 * it twice, and the next page still comes an interval later until someone acknowledges.
 */
export async function recordPage(ctx: Ctx, input: z.input<typeof recordPageSchema>): Promise<RecordedPage | null> {
  const data = parseInput(recordPageSchema, input);
  const now = data.now ?? ctx.clock.now();
  const page = await ctx.db.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<ClaimRow[]>`
      SELECT id, brand_id AS "brandId", number, severity::text AS severity, page_count AS "pageCount"
        FROM escalations
       WHERE id = ${data.escalationId} AND status = 'open' AND next_page_at <= ${now}
         FOR UPDATE SKIP LOCKED`;
    if (!claimed) return null;
    const brand = await tx.brand.findUniqueOrThrow({ where: { id: claimed.brandId }, select: { settings: true } });
    // Read at each page, so a changed interval applies from the next page on.
    const minutes = readBrandSettings(brand.settings).repageMinutes[claimed.severity];
    const nextPageAt = minutes > 0 ? new Date(now.getTime() + minutes * 60_000) : null;
    const pageCount = claimed.pageCount + 1;
    await tx.escalation.update({ where: { id: claimed.id }, data: { pageCount, nextPageAt, leaseOwner: data.owner } });
    await recordEscalationEvent(tx, { escalationId: claimed.id, type: 'paged', at: now, actorRef: data.owner, data: { pageCount } });
    await recordAudit(tx, {
      brandId: claimed.brandId,
      actorRef: data.owner,
      action: 'escalation.paged',
      subjectType: 'escalation',
      subjectId: claimed.id,
      after: { pageCount, nextPageAt },
    });
    return { escalationId: claimed.id, brandId: claimed.brandId, number: claimed.number, severity: claimed.severity, pageCount, nextPageAt };
  });
  if (page) await ctx.notify.publish({ type: 'escalation.updated', brandId: page.brandId, escalationId: page.escalationId, change: 'paged' });
  return page;
}

export const claimDuePagesSchema = findDuePagesSchema.extend({ owner: recordPageSchema.shape.owner });

/** What the re-page job runs: every due page this replica won, each to be posted once. */
export async function claimDuePages(ctx: Ctx, input: z.input<typeof claimDuePagesSchema>): Promise<RecordedPage[]> {
  const data = parseInput(claimDuePagesSchema, input);
  const now = data.now ?? ctx.clock.now();
  const pages: RecordedPage[] = [];
  for (const due of await findDuePages(ctx, { now, limit: data.limit })) {
    const page = await recordPage(ctx, { escalationId: due.escalationId, now, owner: data.owner });
    if (page) pages.push(page);
  }
  return pages;
}
