import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.js';
import { recordAudit } from './audit.js';
import { getBrand } from './brands.js';
import type { Ctx } from './context.js';
import { type CopyReview } from './copyReview.js';
import { UserError } from './errors.js';
import { lockPost } from './posts.js';
import { idSchema, parseInput } from './validation.js';

export type { CopyReview } from './copyReview.js';

export const reviewPostCopySchema = z.object({
  brandId: idSchema,
  postNumber: idSchema,
});

function jsonObject(value: Prisma.JsonValue | null): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/**
 * Asks the assistant to check a planned post's copy against the brand (tone vs voice,
 * banned words, length for the network, call to action, hashtags) and keeps the answer
 * with the post for its approvers. Slow (a model call): run it after the platform was
 * answered. Returns null when the post was edited meanwhile: that version gets its own check.
 */
export async function reviewPostCopy(ctx: Ctx, input: z.input<typeof reviewPostCopySchema>): Promise<CopyReview | null> {
  const data = parseInput(reviewPostCopySchema, input);
  const { settings } = await getBrand(ctx, data.brandId);
  const post = await ctx.db.post.findUnique({ where: { brandId_number: { brandId: data.brandId, number: data.postNumber } } });
  if (!post) throw new UserError('post.notFound', { number: data.postNumber });
  // No transaction (and no row lock) is held across the model call.
  const check = await ctx.ai.checkCopy({ copy: post.copy, network: post.network, brandVoice: settings.brandVoice, bannedWords: settings.bannedWords, language: settings.language });
  const review: CopyReview = { ...check, version: post.version, checkedAt: ctx.clock.now() };
  return ctx.db.$transaction(async (tx) => {
    const current = await lockPost(tx, data.brandId, data.postNumber);
    if (current.version !== review.version) return null;
    const stored = JSON.parse(JSON.stringify({ ...jsonObject(current.copyCheck), review })) as Prisma.InputJsonObject;
    await tx.post.update({ where: { id: current.id }, data: { copyCheck: stored } });
    await recordAudit(tx, {
      brandId: data.brandId,
      actorRef: 'assistant',
      action: 'post.copyChecked',
      subjectType: 'post',
      subjectId: current.id,
      after: { version: review.version, issues: review.issues.map((issue) => issue.code), fallback: review.fallback },
    });
    return review;
  });
}
