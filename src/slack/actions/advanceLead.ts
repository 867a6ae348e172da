import { isUserError } from '../../core/errors.js';
import { findBrandInteraction } from '../../core/interactions.js';
import { allowedNextStages, setLeadStage } from '../../core/leads.js';
import { interactionButtonSchema, readButton } from '../buttonValues.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';
import { redrawInteractionById, redrawInteractionCard } from './interactionClicks.js';

/** The Lead button: not a lead → new → qualified → handed off, one step per click. */
export const advanceLeadAction: SlackActionDefinition = {
  actionId: actionIds.advanceLead,
  async run(turn) {
    const button = readButton(interactionButtonSchema, turn.value);
    const place = await turn.useBrand(button.brandId);
    const current = await findBrandInteraction(turn.deps.ctx.db, button.brandId, button.interactionId);
    const next = allowedNextStages(current.leadStage).find((stage) => stage !== 'lost');
    if (!next) return redrawInteractionCard(turn, current);
    try {
      const updated = await setLeadStage(turn.deps.ctx, { brandId: button.brandId, actorId: place.person.id, interactionId: button.interactionId, stage: next });
      await redrawInteractionCard(turn, updated);
    } catch (error) {
      if (isUserError(error) && error.code === 'lead.illegalTransition') await redrawInteractionById(turn, button.brandId, button.interactionId);
      throw error;
    }
  },
};
