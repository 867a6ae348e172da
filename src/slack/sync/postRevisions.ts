import type { PersonRef } from '../../core/people.js';
import { listMessages } from '../../core/messageRefs.js';
import type { PostView } from '../../core/postViews.js';
import { mentionChannel, mentionUser } from '../blocks/format.js';
import { section } from '../blocks/kit.js';
import type { SlackDeps } from '../deps.js';
import type { Answer } from '../errorBoundary.js';
import type { SlackPlace } from '../place.js';
import type { Translate } from '../turns.js';
import { approvalPostedText } from '../commands/planAnswers.js';
import { postApprovalRequest } from './postMessages.js';

/**
 * Tells the approvers that post #N has a new version. Its approval messages were already
 * redrawn with the new copy and buttons (postMessages.ts), but an edit in place notifies
 * nobody: a reply in each message's thread does. A post whose approval request is gone
 * (deleted, or never posted) gets a new one. Returns what to tell the editor.
 */
export async function announceRevision(deps: SlackDeps, place: SlackPlace, editor: PersonRef, post: PostView, t: Translate, hereChannelId: string | null): Promise<Answer> {
  const refs = (await listMessages(deps.ctx, 'post', post.id)).filter((ref) => ref.platform === 'slack');
  const note = t('slack.edit.thread', { who: mentionUser(editor.externalId), number: post.number, version: post.version });
  const toldIn: string[] = [];
  for (const ref of refs) {
    try {
      await deps.client.chat.postMessage({ channel: ref.channelId, thread_ts: ref.messageId, text: note, blocks: [section(note)] });
      toldIn.push(ref.channelId);
    } catch (error) {
      deps.log.warn({ err: error, postId: post.id, channel: ref.channelId }, 'could not tell the approval thread about a revision');
    }
  }
  const first = toldIn[0];
  if (first) {
    const text = t('slack.edit.done', { number: post.number, version: post.version, channel: mentionChannel(first) });
    return { text, blocks: [section(text)] };
  }
  const posted = await postApprovalRequest(deps, place.brand, post, place.brand.settings.approvalsChannel ?? hereChannelId ?? editor.externalId);
  const text = approvalPostedText(t, post.number, posted);
  return { text, blocks: [section(text)] };
}
