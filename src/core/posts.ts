import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Post, PostStatus, Prisma } from '../generated/prisma/client.js';
import { translate, type Language } from '../i18n/catalog.js';
import { recordAudit } from './audit.js';
import { getBrand, requirePermission } from './brands.js';
import { calendarDateSchema } from './calendarDate.js';
import type { Ctx } from './context.js';
import { takeNextNumber } from './counters.js';
import { UserError } from './errors.js';
import { checkPostCopy, copyLimits, measureCopy, networkSchema, type CopyProblem, type Network } from './networkRules.js';
import { roleAllows, type Role } from './permissions.js';
import { buildPostView, buildPostViews, type PostView } from './postViews.js';
import { addDays, localDateOf, localDayBounds, localTimeOf, zonedToInstant } from './time.js';
import { idSchema, parseInput } from './validation.js';

export type { PostView } from './postViews.js';
export { expireOverduePosts, findPostsNeedingNudge, markNudged, markNudgedSchema, nowSchema } from './postSchedule.js';

/** 24-hour time; "9:30" is accepted and read as 09:30. */
const timeSchema = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'must be HH:MM in 24-hour time, e.g. 09:30')
  .transform((time) => time.padStart(5, '0'));

// The network limit gives the precise "cut N characters"; this bound only keeps absurd input out.
const copySchema = z.string().trim().min(1, 'the post needs some copy').max(100_000, 'is far too long');

export function statusLabel(language: Language, status: PostStatus): string {
  return translate(language, `post.status.${status}`);
}

function copyError(problems: CopyProblem[]): UserError | null {
  let tooLong: Extract<CopyProblem, { kind: 'tooLong' }> | undefined;
  let banned: Extract<CopyProblem, { kind: 'bannedWords' }> | undefined;
  for (const problem of problems) {
    if (problem.kind === 'tooLong') tooLong = problem;
    else banned = problem;
  }
  const lengthParams = tooLong && { network: tooLong.network, limit: tooLong.limit, length: tooLong.length, over: tooLong.over };
  const words = banned?.words.join(', ');
  // Both problems in one answer, so the author does not fix one only to meet the other.
  if (lengthParams && words) return new UserError('post.copyTooLongWithBannedWords', { ...lengthParams, words });
  if (lengthParams) return new UserError('post.copyTooLong', lengthParams);
  if (words) return new UserError('post.bannedWords', { words });
  return null;
}

function assertCopyAllowed(network: Network, copy: string, bannedWords: readonly string[]): void {
  const error = copyError(checkPostCopy(network, copy, bannedWords));
  if (error) throw error;
}

function copyCheckOf(network: Network, copy: string): Prisma.InputJsonValue {
  return { length: measureCopy(copy), limit: copyLimits[network] };
}

/** Refuses a time that is not ahead, saying what time it is now where the brand is. */
function assertAhead(now: Date, at: Date, timezone: string): void {
  if (at.getTime() > now.getTime()) return;
  throw new UserError('post.timeInPast', {
    date: localDateOf(at, timezone),
    time: localTimeOf(at, timezone),
    timezone,
    nowDate: localDateOf(now, timezone),
    nowTime: localTimeOf(now, timezone),
  });
}

function instantOf(date: string, time: string, timezone: string): Date {
  const at = zonedToInstant(date, time, timezone);
  // The schemas only let real dates and times through, and luxon resolves DST gaps.
  if (!at) throw new Error(`${date} ${time} in ${timezone} is not a valid moment`);
  return at;
}

/**
 * Reads a post and holds its row until the transaction ends, so decisions and edits on
 * one post happen one after the other even across replicas.
 */
export async function lockPost(tx: Prisma.TransactionClient, brandId: number, number: number): Promise<Post> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM posts WHERE brand_id = ${brandId} AND number = ${number} FOR UPDATE`;
  const id = rows[0]?.id;
  if (id === undefined) throw new UserError('post.notFound', { number });
  return tx.post.findUniqueOrThrow({ where: { id } });
}

export const planPostSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  network: networkSchema,
  /** Local date and time in the brand's timezone. */
  date: calendarDateSchema,
  time: timeSchema,
  copy: copySchema,
  campaignId: idSchema.nullish(),
});

/** Puts a post on the plan as #N for the brand, waiting for the brand's approval steps. */
export async function planPost(ctx: Ctx, input: z.input<typeof planPostSchema>): Promise<PostView> {
  const data = parseInput(planPostSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'post.plan');
  const { settings } = await getBrand(ctx, data.brandId);
  const scheduledAt = instantOf(data.date, data.time, settings.timezone);
  assertAhead(ctx.clock.now(), scheduledAt, settings.timezone);
  assertCopyAllowed(data.network, data.copy, settings.bannedWords);
  const post = await ctx.db.$transaction(async (tx) => {
    if (data.campaignId) {
      const campaign = await tx.campaign.findFirst({ where: { id: data.campaignId, brandId: data.brandId }, select: { id: true } });
      if (!campaign) throw new UserError('post.campaignNotFound', { campaign: data.campaignId });
    }
    const number = await takeNextNumber(tx, `brand:${data.brandId}`, 'post');
    const created = await tx.post.create({
      data: {
        brandId: data.brandId,
        number,
        network: data.network,
        scheduledAt,
        copy: data.copy,
        campaignId: data.campaignId ?? null,
        authorId: data.actorId,
        // Fixed when planned: changing the setting later does not move the goalposts of posts in flight.
        approvalsNeeded: settings.approvalSteps,
        copyCheck: copyCheckOf(data.network, data.copy),
      },
    });
    await recordAudit(tx, {
      brandId: data.brandId,
      actorId: data.actorId,
      action: 'post.planned',
      subjectType: 'post',
      subjectId: created.id,
      after: { number, network: data.network, scheduledAt, copy: data.copy, campaignId: created.campaignId, approvalsNeeded: created.approvalsNeeded },
    });
    return created;
  });
  await ctx.notify.publish({ type: 'post.planned', brandId: post.brandId, postId: post.id });
  return buildPostView(ctx.db, post, settings.timezone);
}

const editableStatuses: readonly PostStatus[] = ['pending_approval', 'changes_requested', 'approved'];

/** Its author or a strategist may edit a post, while it is still on its way out. */
function assertMayEdit(post: Post, actorId: number, role: Role, language: Language): void {
  if (post.authorId !== actorId && !roleAllows(role, 'post.approve')) {
    throw new UserError('post.editNotAllowed', { number: post.number });
  }
  if (!editableStatuses.includes(post.status)) {
    throw new UserError('post.notEditable', { number: post.number, status: statusLabel(language, post.status) });
  }
}

export const startPostEditSchema = z.object({ brandId: idSchema, actorId: idSchema, postNumber: idSchema });

/**
 * The post as an editor starts from, once they may edit it: a refusal comes before they
 * fill in a form, not after. Nothing is written.
 */
export async function startPostEdit(ctx: Ctx, input: z.input<typeof startPostEditSchema>): Promise<PostView> {
  const data = parseInput(startPostEditSchema, input);
  const role = await requirePermission(ctx, data.brandId, data.actorId, 'post.edit');
  const { settings } = await getBrand(ctx, data.brandId);
  const post = await ctx.db.post.findUnique({ where: { brandId_number: { brandId: data.brandId, number: data.postNumber } } });
  if (!post) throw new UserError('post.notFound', { number: data.postNumber });
  assertMayEdit(post, data.actorId, role, settings.language);
  return buildPostView(ctx.db, post, settings.timezone);
}

export const editPostSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  postNumber: idSchema,
  copy: copySchema.optional(),
  network: networkSchema.optional(),
  /** A new local date and/or time; the one not given stays as it was. */
  date: calendarDateSchema.optional(),
  time: timeSchema.optional(),
  /** The version the editor started from: a newer one means someone edited meanwhile. */
  expectedVersion: idSchema.optional(),
});

/**
 * Changes a post's copy, time or network. Every edit is a new version waiting for approval
 * again: approvals were given to the words and time people saw, not to these.
 */
export async function editPost(ctx: Ctx, input: z.input<typeof editPostSchema>): Promise<PostView> {
  const data = parseInput(editPostSchema, input);
  const role = await requirePermission(ctx, data.brandId, data.actorId, 'post.edit');
  const { settings } = await getBrand(ctx, data.brandId);
  const timezone = settings.timezone;
  const now = ctx.clock.now();
  const post = await ctx.db.$transaction(async (tx) => {
    const current = await lockPost(tx, data.brandId, data.postNumber);
    assertMayEdit(current, data.actorId, role, settings.language);
    if (data.expectedVersion !== undefined && data.expectedVersion !== current.version) {
      throw new UserError('post.editedMeanwhile', { number: current.number, version: current.version });
    }
    const network = data.network ?? current.network;
    const copy = data.copy ?? current.copy;
    // Rebuilt from local parts only when asked: an untouched time keeps its exact instant
    // (the repeated hour of a DST change is ambiguous as a local time).
    const scheduledAt =
      data.date || data.time
        ? instantOf(data.date ?? localDateOf(current.scheduledAt, timezone), data.time ?? localTimeOf(current.scheduledAt, timezone), timezone)
        : current.scheduledAt;
    if (network === current.network && copy === current.copy && scheduledAt.getTime() === current.scheduledAt.getTime()) {
      throw new UserError('post.nothingToChange', { number: current.number });
    }
    // The edited post waits for approval again, so it needs a time still ahead.
    assertAhead(now, scheduledAt, timezone);
    assertCopyAllowed(network, copy, settings.bannedWords);
    const updated = await tx.post.update({
      where: { id: current.id },
      data: {
        network,
        copy,
        scheduledAt,
        status: 'pending_approval',
        version: { increment: 1 },
        copyCheck: copyCheckOf(network, copy),
        // A new version deserves its own reminder and its own decision.
        nudgedAt: null,
        decidedAt: null,
      },
    });
    await recordAudit(tx, {
      brandId: data.brandId,
      actorId: data.actorId,
      action: 'post.edited',
      subjectType: 'post',
      subjectId: current.id,
      before: { version: current.version, status: current.status, network: current.network, copy: current.copy, scheduledAt: current.scheduledAt },
      after: { version: updated.version, status: updated.status, network, copy, scheduledAt },
    });
    return updated;
  });
  await ctx.notify.publish({ type: 'post.changed', brandId: post.brandId, postId: post.id, change: 'edited' });
  return buildPostView(ctx.db, post, timezone);
}

export const getPostSchema = z.object({
  brandId: idSchema,
  postNumber: idSchema,
  /** Absent when the system reads (an adapter refreshing a message); present for a person. */
  actorId: idSchema.optional(),
});

export async function getPost(ctx: Ctx, input: z.input<typeof getPostSchema>): Promise<PostView> {
  const data = parseInput(getPostSchema, input);
  if (data.actorId) await requirePermission(ctx, data.brandId, data.actorId, 'brand.view');
  const { settings } = await getBrand(ctx, data.brandId);
  const post = await ctx.db.post.findUnique({ where: { brandId_number: { brandId: data.brandId, number: data.postNumber } } });
  if (!post) throw new UserError('post.notFound', { number: data.postNumber });
  return buildPostView(ctx.db, post, settings.timezone);
}

export const listWeekSchema = z.object({
  brandId: idSchema,
  actorId: idSchema.optional(),
  /** Any date in the wanted week; default: today in the brand's timezone. */
  weekOf: calendarDateSchema.optional(),
});

export type WeekDay = { date: string; posts: PostView[] };
export type WeekView = { brandId: number; timezone: string; weekStart: string; frozenAt: Date | null; days: WeekDay[] };

/** The content calendar of one week, Monday to Sunday in the brand's timezone. */
export async function listWeek(ctx: Ctx, input: z.input<typeof listWeekSchema>): Promise<WeekView> {
  const data = parseInput(listWeekSchema, input);
  if (data.actorId) await requirePermission(ctx, data.brandId, data.actorId, 'brand.view');
  const brand = await getBrand(ctx, data.brandId);
  const timezone = brand.settings.timezone;
  const anyDay = data.weekOf ?? localDateOf(ctx.clock.now(), timezone);
  // ISO weeks start on Monday, whatever the locale of the machine.
  const weekStart = DateTime.fromISO(anyDay, { zone: 'utc' }).startOf('week').toISODate() ?? anyDay;
  const dates = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const from = localDayBounds(weekStart, timezone).start;
  const until = localDayBounds(addDays(weekStart, 6), timezone).end;
  const rows = await ctx.db.post.findMany({
    where: { brandId: data.brandId, scheduledAt: { gte: from, lt: until } },
    orderBy: [{ scheduledAt: 'asc' }, { number: 'asc' }],
  });
  const views = await buildPostViews(ctx.db, rows, timezone);
  return {
    brandId: brand.id,
    timezone,
    weekStart,
    frozenAt: brand.frozenAt,
    days: dates.map((date) => ({ date, posts: views.filter((post) => post.localDate === date) })),
  };
}

export const listPendingPostsSchema = z.object({ brandId: idSchema, actorId: idSchema.optional() });

/** Posts waiting for a decision, soonest first (`/approve`, App Home). */
export async function listPendingPosts(ctx: Ctx, input: z.input<typeof listPendingPostsSchema>): Promise<PostView[]> {
  const data = parseInput(listPendingPostsSchema, input);
  if (data.actorId) await requirePermission(ctx, data.brandId, data.actorId, 'brand.view');
  const { settings } = await getBrand(ctx, data.brandId);
  const rows = await ctx.db.post.findMany({
    where: { brandId: data.brandId, status: 'pending_approval' },
    orderBy: [{ scheduledAt: 'asc' }, { number: 'asc' }],
  });
  return buildPostViews(ctx.db, rows, settings.timezone);
}
