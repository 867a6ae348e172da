import type { KnownBlock } from '@slack/types';
import type { BrandView } from '../../core/brands.js';
import type { PostView } from '../../core/postViews.js';
import type { Answer } from '../errorBoundary.js';
import type { Translate } from '../turns.js';
import { context, divider, header, section } from './kit.js';
import { renderPostBlocks } from './postCard.js';

/** Posts a message can hold with their buttons, within Slack's 50 blocks. */
const maxPosts = 6;

/** The posts waiting for a decision, each with its buttons. */
export function renderPendingList(brand: BrandView, posts: PostView[], t: Translate): Answer {
  const title = t('slack.approve.pendingTitle', { brand: brand.name, count: posts.length });
  if (posts.length === 0) return { text: t('slack.approve.nothingPending', { brand: brand.name }), blocks: [section(t('slack.approve.nothingPending', { brand: brand.name }))] };
  const blocks: KnownBlock[] = [header(title)];
  for (const post of posts.slice(0, maxPosts)) {
    blocks.push(divider(), ...renderPostBlocks(post, { t, language: brand.settings.language, frozen: Boolean(brand.frozenAt), withButtons: true }));
  }
  if (posts.length > maxPosts) blocks.push(context(t('slack.approve.more', { count: posts.length - maxPosts })));
  return { text: title, blocks };
}
