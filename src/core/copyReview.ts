import { z } from 'zod';
import { copyCheckSchema } from './assistant.js';

/**
 * The assistant's review of a post's copy, kept in `Post.copyCheck` beside the length facts
 * written at planning. It belongs to one version: an edit writes a fresh copyCheck without
 * it, so an approver never reads a review of words that are no longer there.
 */
export const copyReviewSchema = copyCheckSchema.extend({
  version: z.number().int().positive(),
  // Stored as JSON: the date comes back as an ISO string.
  checkedAt: z.coerce.date(),
});
export type CopyReview = z.infer<typeof copyReviewSchema>;

const storedReviewSchema = z.object({ review: copyReviewSchema });

/** The review stored for this version of the post, or null (not checked yet, or checked before an edit). */
export function readCopyReview(stored: unknown, version: number): CopyReview | null {
  const parsed = storedReviewSchema.safeParse(stored);
  if (!parsed.success || parsed.data.review.version !== version) return null;
  return parsed.data.review;
}
