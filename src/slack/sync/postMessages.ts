import { getBrand, type BrandView } from '../../core/brands.js';
import { forgetMessage, listMessages, rememberMessage } from '../../core/messageRefs.js';
import type { DomainEvent, DomainEventListener } from '../../core/notifier.js';
import { getPost, listPendingPosts } from '../../core/posts.js';
import type { PostView } from '../../core/postViews.js';
import { renderPostCard } from '../blocks/postCard.js';
import type { SlackDeps } from '../deps.js';
import { translator } from '../turns.js';

/** Slack's answer when a message or channel is gone, or the bot may not write there. */
function slackErrorCode(error: unknown): string | null {
  const data = typeof error === 'object' && error !== null ? (error as { data?: { error?: unknown } }).data : undefined;
  return typeof data?.error === 'string' ? data.error : null;
}

const unreachableChannel = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

export function renderPostMessage(brand: BrandView, post: PostView) {
  return renderPostCard(post, { t: translator(brand.settings.language), language: brand.settings.language, frozen: Boolean(brand.frozenAt), withButtons: true });
}

export type ApprovalRequestResult = { posted: true; channelId: string; ts: string } | { posted: false; channelId: string; reason: string };

/**
 * Posts the approval request for a planned post (with its decision buttons) and remembers
 * the message, so every later change of the post updates it in place.
 */
export async function postApprovalRequest(deps: SlackDeps, brand: BrandView, post: PostView, channelId: string): Promise<ApprovalRequestResult> {
  const card = renderPostMessage(brand, post);
  try {
    const result = await deps.client.chat.postMessage({ channel: channelId, text: card.text, blocks: card.blocks });
    if (!result.ts || !result.channel) throw new Error('chat.postMessage answered without ts or channel');
    await rememberMessage(deps.ctx, { platform: 'slack', subjectType: 'post', subjectId: post.id, channelId: result.channel, messageId: result.ts });
    return { posted: true, channelId: result.channel, ts: result.ts };
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && unreachableChannel.has(code)) return { posted: false, channelId, reason: code };
    throw error;
  }
}

/** The post's number, for a post known by id only (events carry ids). */
async function readPostNumber(deps: SlackDeps, postId: number): Promise<number | null> {
  // The core has no lookup by id for adapters; this one read is all a refresh needs.
  const row = await deps.ctx.db.post.findUnique({ where: { id: postId }, select: { number: true } });
  return row?.number ?? null;
}

/** Re-renders every Slack message about a post from its current state. */
export async function refreshPostMessages(deps: SlackDeps, brandId: number, postId: number): Promise<void> {
  const refs = (await listMessages(deps.ctx, 'post', postId)).filter((ref) => ref.platform === 'slack');
  if (refs.length === 0) return;
  const number = await readPostNumber(deps, postId);
  if (number === null) return;
  const brand = await getBrand(deps.ctx, brandId);
  const post = await getPost(deps.ctx, { brandId, postNumber: number });
  const card = renderPostMessage(brand, post);
  for (const ref of refs) {
    try {
      await deps.client.chat.update({ channel: ref.channelId, ts: ref.messageId, text: card.text, blocks: card.blocks });
    } catch (error) {
      // Someone deleted the message: stop updating it. Anything else is worth a look.
      if (slackErrorCode(error) === 'message_not_found') await forgetMessage(deps.ctx, { platform: 'slack', channelId: ref.channelId, messageId: ref.messageId });
      else deps.log.warn({ err: error, postId, channel: ref.channelId }, 'could not update a post message');
    }
  }
}

/** Keeps post messages current whatever changed the post: a button, a command, Discord, a job. */
export function postMessageSync(deps: SlackDeps): DomainEventListener {
  return async (event: DomainEvent) => {
    if (event.type === 'post.decided' || event.type === 'post.changed') await refreshPostMessages(deps, event.brandId, event.postId);
    // A freeze shows on every pending post's message, and goes away with it.
    if (event.type === 'publishing.frozen' || event.type === 'publishing.unfrozen') {
      for (const post of await listPendingPosts(deps.ctx, { brandId: event.brandId })) await refreshPostMessages(deps, event.brandId, post.id);
    }
  };
}
