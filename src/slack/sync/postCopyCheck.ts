import { reviewPostCopy } from '../../core/copyChecks.js';
import type { PostView } from '../../core/postViews.js';
import type { SlackDeps } from '../deps.js';
import { refreshPostMessages } from './postMessages.js';

/**
 * Has the assistant check a just-planned post's copy, then redraws the post's approval
 * messages with the result. Call it only after Slack and the planner were answered: the
 * check is a model call that may take the assistant's whole timeout. A check that fails is
 * logged, not told: the post is planned and its approvers can decide without it.
 */
export async function checkPlannedCopy(deps: SlackDeps, post: Pick<PostView, 'id' | 'brandId' | 'number'>): Promise<void> {
  try {
    const review = await reviewPostCopy(deps.ctx, { brandId: post.brandId, postNumber: post.number });
    // null: the post was edited while the assistant read it, and that version's messages are current.
    if (review) await refreshPostMessages(deps, post.brandId, post.id);
  } catch (error) {
    deps.log.warn({ err: error, postId: post.id }, 'copy check failed; the approval message stays without it');
  }
}
