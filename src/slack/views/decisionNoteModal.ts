import type { ModalView } from '@slack/types';
import { decidePost } from '../../core/approvals.js';
import { listPendingPosts } from '../../core/posts.js';
import type { PostView } from '../../core/postViews.js';
import { quote } from '../blocks/format.js';
import { input, modal, section, textInput } from '../blocks/kit.js';
import { renderPendingList } from '../blocks/pendingList.js';
import { postTitle } from '../blocks/postCard.js';
import { callbackIds, fieldIds } from '../ids.js';
import { postToResponseUrl } from '../replies.js';
import type { SlackViewDefinition, Translate, ViewOutcome } from '../turns.js';
import { writeMetadata, type ModalMetadata } from './metadata.js';
import { readText } from './state.js';

/** The note a strategist owes the author when asking for changes or rejecting. */
export function buildDecisionNoteModal(t: Translate, post: PostView, metadata: ModalMetadata): ModalView {
  const rejecting = metadata.post?.decision === 'rejected';
  return modal({
    callbackId: callbackIds.decisionNoteModal,
    title: t(rejecting ? 'slack.decisionModal.rejectTitle' : 'slack.decisionModal.changesTitle'),
    submit: t(rejecting ? 'slack.button.reject' : 'slack.decisionModal.changesSubmit'),
    close: t('slack.modal.cancel'),
    privateMetadata: writeMetadata(metadata),
    blocks: [
      section(`*${postTitle(post, t)}*\n${quote(post.copy.slice(0, 2500))}`),
      input({
        blockId: fieldIds.decisionNote,
        label: t(rejecting ? 'slack.decisionModal.reason' : 'slack.decisionModal.note'),
        hint: t('slack.decisionModal.hint'),
        element: textInput({ actionId: fieldIds.decisionNote, multiline: true, maxLength: 2000 }),
      }),
    ],
  });
}

export const decisionNoteModalView: SlackViewDefinition = {
  callbackId: callbackIds.decisionNoteModal,
  errorBlockId: fieldIds.decisionNote,
  async submit({ deps, view, metadata, place, person, t }): Promise<ViewOutcome> {
    const post = metadata.post;
    if (!post) throw new Error('decision modal without its post');
    const comment = readText(view, fieldIds.decisionNote);
    if (!comment) {
      return { kind: 'errors', errors: { [fieldIds.decisionNote]: t(post.decision === 'rejected' ? 'slack.decisionModal.reasonRequired' : 'slack.decisionModal.noteRequired') } };
    }
    await decidePost(deps.ctx, { brandId: metadata.brandId, actorId: person.id, postNumber: post.number, decision: post.decision, comment, expectedVersion: post.version });
    return {
      kind: 'close',
      after: async () => {
        // The /approve list the click came from is the strategist's own: redraw it.
        if (!metadata.responseUrl) return;
        const pending = await listPendingPosts(deps.ctx, { brandId: metadata.brandId, actorId: person.id });
        const list = renderPendingList(place.brand, pending, t);
        await postToResponseUrl(metadata.responseUrl, { replace_original: true, ...list });
      },
    };
  },
};
