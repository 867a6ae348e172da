import { editPost, getPost, startPostEdit } from '../../core/posts.js';
import { localDateOf } from '../../core/time.js';
import { callbackIds, fieldIds } from '../ids.js';
import type { SlackPlace } from '../place.js';
import { announceRevision } from '../sync/postRevisions.js';
import type { SlackViewDefinition, Translate, ViewOutcome } from '../turns.js';
import type { SlackDeps } from '../deps.js';
import type { ModalView } from '@slack/types';
import { buildPlanModal, planFieldForError, readPlanFields } from './planModal.js';

/**
 * The form post #N is revised in: the plan modal filled with the post as it is. Refusals
 * (not the author nor a strategist, already published or rejected) come before it opens.
 */
export async function buildEditPostModal(deps: SlackDeps, place: SlackPlace, t: Translate, postNumber: number, channelId: string | null): Promise<ModalView> {
  const post = await startPostEdit(deps.ctx, { brandId: place.brand.id, actorId: place.person.id, postNumber });
  return buildPlanModal(t, {
    metadata: { brandId: place.brand.id, channelId, edit: { number: post.number, version: post.version } },
    today: localDateOf(deps.ctx.clock.now(), place.timezone),
    timezone: place.timezone,
    campaigns: [],
    network: post.network,
    copy: post.copy,
    date: post.localDate,
    time: post.localTime,
  });
}

export const editPostModalView: SlackViewDefinition = {
  callbackId: callbackIds.editPostModal,
  errorBlockId: fieldIds.planCopy,
  fieldForError: planFieldForError,
  async submit({ deps, view, metadata, place, person, t }): Promise<ViewOutcome> {
    const edit = metadata.edit;
    if (!edit) throw new Error('edit form without its post');
    const fields = readPlanFields(view, t);
    if (fields.kind === 'errors') return fields;
    const current = await getPost(deps.ctx, { brandId: place.brand.id, postNumber: edit.number });
    // Only what changed: an untouched time keeps its exact instant (see editPost).
    const moved = fields.date !== current.localDate || fields.time !== current.localTime;
    const post = await editPost(deps.ctx, {
      brandId: place.brand.id,
      actorId: person.id,
      postNumber: edit.number,
      expectedVersion: edit.version,
      ...(fields.network !== current.network ? { network: fields.network } : {}),
      ...(fields.copy !== current.copy ? { copy: fields.copy } : {}),
      ...(moved ? { date: fields.date, time: fields.time } : {}),
    });
    return { kind: 'close', after: async (tell) => tell(await announceRevision(deps, place, person, post, t, metadata.channelId)) };
  },
};
