import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';
import { openDecisionModal } from './openDecisionModal.js';

export const requestChangesAction: SlackActionDefinition = {
  actionId: actionIds.requestChanges,
  run: (turn) => openDecisionModal(turn, 'changes_requested'),
};
