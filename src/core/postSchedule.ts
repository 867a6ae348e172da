import { z } from 'zod';
import type { Brand, Post, PostStatus } from '../generated/prisma/client.js';
import { recordAudit } from './audit.js';
import { readBrandSettings } from './brandSettings.js';
import type { Ctx } from './context.js';
import { buildPostViews, type PostView } from './postViews.js';
import { idSchema, parseInput } from './validation.js';

// Scheduled work on the content plan (nudge and expiry jobs); re-exported by posts.ts.

/** Views of posts from several brands, each with its own brand's timezone, in the given order. */
async function viewsByBrand(ctx: Ctx, posts: (Post & { brand: Brand })[]): Promise<PostView[]> {
  const groups = new Map<number, (Post & { brand: Brand })[]>();
  for (const post of posts) groups.set(post.brandId, [...(groups.get(post.brandId) ?? []), post]);
  const views = new Map<number, PostView>();
  for (const group of groups.values()) {
    const timezone = readBrandSettings(group[0]?.brand.settings).timezone;
    for (const view of await buildPostViews(ctx.db, group, timezone)) views.set(view.id, view);
  }
  return posts.flatMap((post) => views.get(post.id) ?? []);
}

export const nowSchema = z.object({ now: z.date() });

// The largest nudgeHoursBefore a brand may set: one query covers every brand's window.
const longestNudgeHours = 168;

/**
 * Posts still waiting for approval within their brand's nudge window before their time,
 * not nudged yet. Frozen brands are left out: a nudge would ask for an approval the freeze
 * refuses; once the freeze is lifted the post comes back if it is still in the window.
 */
export async function findPostsNeedingNudge(ctx: Ctx, input: z.input<typeof nowSchema>): Promise<PostView[]> {
  const { now } = parseInput(nowSchema, input);
  const rows = await ctx.db.post.findMany({
    where: {
      status: 'pending_approval',
      nudgedAt: null,
      scheduledAt: { gt: now, lte: new Date(now.getTime() + longestNudgeHours * 3_600_000) },
      brand: { frozenAt: null },
    },
    include: { brand: true },
    orderBy: { scheduledAt: 'asc' },
  });
  const due = rows.filter((row) => {
    const hours = readBrandSettings(row.brand.settings).nudgeHoursBefore;
    return row.scheduledAt.getTime() - now.getTime() <= hours * 3_600_000;
  });
  return viewsByBrand(ctx, due);
}

export const markNudgedSchema = z.object({ brandId: idSchema, postId: idSchema });

/**
 * Claims the nudge of a post: true for exactly one caller, so two replicas running the
 * nudge job send one reminder.
 */
export async function markNudged(ctx: Ctx, input: z.input<typeof markNudgedSchema>): Promise<boolean> {
  const data = parseInput(markNudgedSchema, input);
  const now = ctx.clock.now();
  const claimed = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.post.updateMany({ where: { id: data.postId, brandId: data.brandId, status: 'pending_approval', nudgedAt: null }, data: { nudgedAt: now } });
    if (count === 0) return false;
    await recordAudit(tx, { brandId: data.brandId, action: 'post.nudged', subjectType: 'post', subjectId: data.postId, after: { nudgedAt: now } });
    return true;
  });
  if (claimed) await ctx.notify.publish({ type: 'post.changed', brandId: data.brandId, postId: data.postId, change: 'nudged' });
  return claimed;
}

const expirableStatuses: PostStatus[] = ['pending_approval', 'changes_requested'];

/**
 * Posts whose time came before anyone approved them become expired: they were never cleared
 * to go out, and a late approval must not publish them. Each post is claimed by a
 * conditional update, so replicas running this at once expire (and audit) it once.
 */
export async function expireOverduePosts(ctx: Ctx, input: z.input<typeof nowSchema>): Promise<PostView[]> {
  const { now } = parseInput(nowSchema, input);
  const overdue = await ctx.db.post.findMany({
    where: { status: { in: expirableStatuses }, scheduledAt: { lte: now } },
    include: { brand: true },
    orderBy: { scheduledAt: 'asc' },
  });
  const expired: typeof overdue = [];
  for (const post of overdue) {
    const updated = await ctx.db.$transaction(async (tx) => {
      const { count } = await tx.post.updateMany({
        where: { id: post.id, status: { in: expirableStatuses }, scheduledAt: { lte: now } },
        data: { status: 'expired' },
      });
      if (count === 0) return null;
      await recordAudit(tx, { brandId: post.brandId, action: 'post.expired', subjectType: 'post', subjectId: post.id, before: { status: post.status }, after: { status: 'expired' } });
      return tx.post.findUniqueOrThrow({ where: { id: post.id }, include: { brand: true } });
    });
    if (!updated) continue;
    expired.push(updated);
    await ctx.notify.publish({ type: 'post.changed', brandId: post.brandId, postId: post.id, change: 'expired' });
  }
  return viewsByBrand(ctx, expired);
}
