import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';
import { openDecisionModal } from './openDecisionModal.js';

export const rejectPostAction: SlackActionDefinition = {
  actionId: actionIds.rejectPost,
  run: (turn) => openDecisionModal(turn, 'rejected'),
};
