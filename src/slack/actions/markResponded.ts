import { isUserError } from '../../core/errors.js';
import { markResponded } from '../../core/interactions.js';
import { interactionButtonSchema, readButton } from '../buttonValues.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';
import { redrawInteractionById, redrawInteractionCard } from './interactionClicks.js';

export const markRespondedAction: SlackActionDefinition = {
  actionId: actionIds.markResponded,
  async run(turn) {
    const button = readButton(interactionButtonSchema, turn.value);
    const place = await turn.useBrand(button.brandId);
    try {
      const { interaction } = await markResponded(turn.deps.ctx, { brandId: button.brandId, actorId: place.person.id, interactionId: button.interactionId });
      await redrawInteractionCard(turn, interaction);
    } catch (error) {
      if (isUserError(error) && error.code === 'interaction.alreadyResponded') await redrawInteractionById(turn, button.brandId, button.interactionId);
      throw error;
    }
  },
};
