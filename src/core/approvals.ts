import { z } from 'zod';
import type { Post, PostStatus, Prisma } from '../generated/prisma/client.js';
import type { Language } from '../i18n/catalog.js';
import { recordAudit } from './audit.js';
import { getBrand, requirePermission } from './brands.js';
import type { Ctx } from './context.js';
import { UserError } from './errors.js';
import { lockPost, statusLabel } from './posts.js';
import { buildPostView, type PostView } from './postViews.js';
import { localDateOf, localTimeOf } from './time.js';
import { idSchema, parseInput } from './validation.js';

export const decisionSchema = z.enum(['approved', 'changes_requested', 'rejected']);
export type Decision = z.infer<typeof decisionSchema>;

export const decidePostSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  postNumber: idSchema,
  decision: decisionSchema,
  /** Required to reject or request changes: the author needs to know what to fix. */
  comment: z.string().trim().max(2000, 'at most 2000 characters').optional(),
  /**
   * The version the decider was looking at (carried by a button). A stale message cannot
   * approve words its reader never saw.
   */
  expectedVersion: idSchema.optional(),
});

export type DecisionResult = {
  /** The post after the decision; `post.approvals` are the decisions so far on this version. */
  post: PostView;
  decision: Decision;
  /** True when the post's status changed (approved, rejected, changes requested). */
  final: boolean;
};

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

function personName(person: { displayName: string | null; externalId: string } | null, id: number): string {
  return person?.displayName ?? person?.externalId ?? `#${id}`;
}

/** Why a post that is no longer pending cannot be decided: who decided it, or its state. */
async function closedPostError(tx: Prisma.TransactionClient, post: Post, language: Language): Promise<UserError> {
  const decisive = decisionSchema.safeParse(post.status).success
    ? await tx.postApproval.findFirst({
        where: { postId: post.id, postVersion: post.version, decision: post.status as Decision },
        orderBy: { id: 'desc' },
      })
    : null;
  if (!decisive) return new UserError('post.notPending', { number: post.number, status: statusLabel(language, post.status) });
  const decider = await tx.person.findUnique({ where: { id: decisive.deciderId } });
  return new UserError('post.alreadyDecided', {
    number: post.number,
    by: personName(decider, decisive.deciderId),
    outcome: statusLabel(language, post.status),
    decision: post.status,
  });
}

/**
 * Approve, request changes or reject a post. Decisions on one post are serialised by a row
 * lock, so of two at the same instant exactly one lands and the other is told who decided;
 * the unique (post, version, decider) key stops a double click from counting twice.
 */
export async function decidePost(ctx: Ctx, input: z.input<typeof decidePostSchema>): Promise<DecisionResult> {
  const data = parseInput(decidePostSchema, input);
  const comment = data.comment || null;
  await requirePermission(ctx, data.brandId, data.actorId, 'post.approve');
  if (!comment && data.decision !== 'approved') {
    throw new UserError(data.decision === 'rejected' ? 'post.rejectReasonRequired' : 'post.changesNoteRequired', { number: data.postNumber });
  }
  const brand = await getBrand(ctx, data.brandId);
  const { language, timezone } = brand.settings;
  const now = ctx.clock.now();

  const decide = () =>
    ctx.db.$transaction(async (tx) => {
      // Brand first, then post: the same order as a freeze, so the two cannot deadlock. FOR
      // SHARE makes a freeze committed meanwhile visible here, and one in flight wait for us.
      await tx.$queryRaw`SELECT id FROM brands WHERE id = ${data.brandId} FOR SHARE`;
      const { frozenAt } = await tx.brand.findUniqueOrThrow({ where: { id: data.brandId }, select: { frozenAt: true } });
      const post = await lockPost(tx, data.brandId, data.postNumber);
      if (post.authorId === data.actorId) throw new UserError('post.ownPost', { number: post.number });
      if (post.status !== 'pending_approval') throw await closedPostError(tx, post, language);
      if (data.expectedVersion && data.expectedVersion !== post.version) {
        throw new UserError('post.versionChanged', { number: post.number, version: post.version });
      }
      const mine = await tx.postApproval.findUnique({
        where: { postId_postVersion_deciderId: { postId: post.id, postVersion: post.version, deciderId: data.actorId } },
      });
      // While a post is pending, a decision already on this version can only be an approval.
      if (mine) {
        const given = await tx.postApproval.count({ where: { postId: post.id, postVersion: post.version, decision: 'approved' } });
        throw new UserError('post.alreadyApproved', { number: post.number, given, needed: post.approvalsNeeded });
      }
      if (data.decision === 'approved' && frozenAt) {
        const since = `${localDateOf(frozenAt, timezone)} ${localTimeOf(frozenAt, timezone)} ${timezone}`;
        throw new UserError('publishing.frozen', { brand: brand.name, since });
      }

      await tx.postApproval.create({
        data: { postId: post.id, deciderId: data.actorId, decision: data.decision, comment, postVersion: post.version },
      });
      const given = await tx.postApproval.count({ where: { postId: post.id, postVersion: post.version, decision: 'approved' } });
      const status: PostStatus = data.decision !== 'approved' ? data.decision : given >= post.approvalsNeeded ? 'approved' : 'pending_approval';
      const final = status !== post.status;
      const updated = final ? await tx.post.update({ where: { id: post.id }, data: { status, decidedAt: now } }) : post;
      await recordAudit(tx, {
        brandId: data.brandId,
        actorId: data.actorId,
        action: `post.${data.decision}`,
        subjectType: 'post',
        subjectId: post.id,
        before: { status: post.status, version: post.version },
        after: { status, version: post.version, approvalsGiven: given, approvalsNeeded: post.approvalsNeeded, comment },
      });
      return { post: updated, final };
    });

  let outcome: { post: Post; final: boolean };
  try {
    outcome = await decide();
  } catch (error) {
    // The row lock already serialises deciders; should a duplicate still slip through,
    // deciding again reads the recorded decision and gives the person the usual answer.
    if (!isUniqueViolation(error)) throw error;
    outcome = await decide();
  }
  await ctx.notify.publish({ type: 'post.decided', brandId: data.brandId, postId: outcome.post.id, decision: data.decision, final: outcome.final });
  return { post: await buildPostView(ctx.db, outcome.post, timezone), decision: data.decision, final: outcome.final };
}
