import { listMessages } from '../../core/messageRefs.js';
import { getPost, listPendingPosts } from '../../core/posts.js';
import { renderPendingList } from '../blocks/pendingList.js';
import { isDigestClick } from '../digest/clicks.js';
import { publishHome } from '../home.js';
import { refreshPostMessages, renderPostMessage } from '../sync/postMessages.js';
import type { ActionTurn } from '../turns.js';

/**
 * After a click on a post's buttons, brings the clicked surface up to date. Remembered
 * channel messages follow the post through its events; the /approve list (ephemeral), App
 * Home and any message Tandem lost track of are redrawn here.
 */
export async function redrawClickedSurface(turn: ActionTurn, brandId: number, postNumber: number): Promise<void> {
  const { body, deps, place } = turn;
  if (body.view?.type === 'home') return publishHome(deps, { teamId: place.teamId, userId: body.user.id });
  if (body.container.is_ephemeral === true) {
    const posts = await listPendingPosts(deps.ctx, { brandId, actorId: place.person.id });
    return turn.replaceOriginal(renderPendingList(place.brand, posts, turn.t));
  }
  const ts = body.message?.ts;
  if (!ts) return;
  const post = await getPost(deps.ctx, { brandId, postNumber });
  // A digest or a nudge lists many posts: it stays, and the clicker sees this post as it is now.
  if (isDigestClick(body)) return turn.tell(renderPostMessage(place.brand, post));
  const known = (await listMessages(deps.ctx, 'post', post.id)).some((ref) => ref.platform === 'slack' && ref.messageId === ts);
  if (!known) await turn.replaceOriginal(renderPostMessage(place.brand, post));
}

/**
 * A click that was refused (already decided elsewhere, edited since): the message the
 * person looked at was out of date, so every message about the post is redrawn from the
 * current state, and so is the clicked surface.
 */
export async function redrawAfterRefusal(turn: ActionTurn, brandId: number, postNumber: number): Promise<void> {
  const post = await getPost(turn.deps.ctx, { brandId, postNumber });
  await refreshPostMessages(turn.deps, brandId, post.id);
  await redrawClickedSurface(turn, brandId, postNumber);
}
