import { postButtonSchema, readButton } from '../buttonValues.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';
import { buildEditPostModal } from '../views/editPostModal.js';

/** Revise post (on the author's notice of a decision): the post's edit form, filled in. */
export const revisePostAction: SlackActionDefinition = {
  actionId: actionIds.revisePost,
  async run(turn) {
    const button = readButton(postButtonSchema, turn.value);
    const place = await turn.useBrand(button.brandId);
    await turn.openModal(await buildEditPostModal(turn.deps, place, turn.t, button.number, place.channelId));
  },
};
