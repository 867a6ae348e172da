import type { Decision } from '../../core/approvals.js';
import { requirePermission } from '../../core/brands.js';
import { UserError } from '../../core/errors.js';
import { getPost } from '../../core/posts.js';
import { postButtonSchema, readButton } from '../buttonValues.js';
import type { ActionTurn } from '../turns.js';
import { buildDecisionNoteModal } from '../views/decisionNoteModal.js';
import { redrawAfterRefusal } from './postClicks.js';

/**
 * Request changes and Reject need a note for the author: a modal asks for it. Refusals
 * that need no note (wrong role, already decided) are told at once instead.
 */
export async function openDecisionModal(turn: ActionTurn, decision: Exclude<Decision, 'approved'>): Promise<void> {
  const button = readButton(postButtonSchema, turn.value);
  const place = await turn.useBrand(button.brandId);
  await requirePermission(turn.deps.ctx, button.brandId, place.person.id, 'post.approve');
  const post = await getPost(turn.deps.ctx, { brandId: button.brandId, postNumber: button.number });
  if (post.status !== 'pending_approval') {
    await redrawAfterRefusal(turn, button.brandId, button.number);
    throw new UserError('post.notPending', { number: post.number, status: turn.t(`post.status.${post.status}`) });
  }
  const { body } = turn;
  const responseUrl = body.container.is_ephemeral === true ? body.response_url : undefined;
  await turn.openModal(
    buildDecisionNoteModal(turn.t, post, {
      brandId: button.brandId,
      channelId: place.channelId,
      post: { number: button.number, version: button.version, decision },
      ...(responseUrl ? { responseUrl } : {}),
    }),
  );
}
