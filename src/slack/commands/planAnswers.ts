import type { PostView } from '../../core/postViews.js';
import { mentionChannel } from '../blocks/format.js';
import { context, section } from '../blocks/kit.js';
import { renderPostBlocks } from '../blocks/postCard.js';
import type { Answer } from '../errorBoundary.js';
import type { SlackPlace } from '../place.js';
import type { ApprovalRequestResult } from '../sync/postMessages.js';
import type { Translate } from '../turns.js';

/** What the planner is told about where the approval request went (or why it could not go). */
export function approvalPostedText(t: Translate, number: number, result: ApprovalRequestResult): string {
  return result.posted
    ? t('slack.plan.requestPosted', { number, channel: mentionChannel(result.channelId) })
    : t('slack.plan.requestNotPosted', { number, channel: mentionChannel(result.channelId), reason: result.reason });
}

/** The planner's confirmation: the card itself only when the request went to another channel. */
export function plannedAnswer(t: Translate, place: SlackPlace, post: PostView, result: ApprovalRequestResult, hereChannelId: string | null): Answer {
  const note = approvalPostedText(t, post.number, result);
  if (result.posted && result.channelId === hereChannelId) return { text: note, blocks: [section(note)] };
  const card = renderPostBlocks(post, { t, language: place.language, frozen: Boolean(place.brand.frozenAt), withButtons: false }).slice(0, 2);
  return { text: note, blocks: [...card, context(note)] };
}
