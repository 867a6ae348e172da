import { decidePost } from '../../core/approvals.js';
import { isUserError } from '../../core/errors.js';
import { postButtonSchema, readButton } from '../buttonValues.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';
import { redrawAfterRefusal, redrawClickedSurface } from './postClicks.js';

export const approvePostAction: SlackActionDefinition = {
  actionId: actionIds.approvePost,
  async run(turn) {
    const button = readButton(postButtonSchema, turn.value);
    const place = await turn.useBrand(button.brandId);
    try {
      // The version on the button: an approval is for the words the strategist read.
      await decidePost(turn.deps.ctx, { brandId: button.brandId, actorId: place.person.id, postNumber: button.number, decision: 'approved', expectedVersion: button.version });
    } catch (error) {
      if (isUserError(error)) await redrawAfterRefusal(turn, button.brandId, button.number);
      throw error;
    }
    await redrawClickedSurface(turn, button.brandId, button.number);
  },
};
