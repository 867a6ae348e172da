import { findBrandInteraction, type Interaction } from '../../core/interactions.js';
import { loadPersonName } from '../../core/whoWhen.js';
import { hasFallbackNote } from '../blocks/assistantReading.js';
import { renderInteractionCard } from '../blocks/interactionCard.js';
import type { ActionTurn } from '../turns.js';

/** Redraws the clicked interaction card from the interaction's current state. */
export async function redrawInteractionCard(turn: ActionTurn, interaction: Interaction): Promise<void> {
  const respondedBy = interaction.respondedById ? await loadPersonName(turn.deps.ctx.db, interaction.respondedById) : null;
  // The assistant's reading is not re-run on a click: whether the fallback read it is known from the card itself.
  const assistantFallback = hasFallbackNote(turn.body.message?.blocks as { block_id?: string }[] | undefined, interaction.id);
  await turn.replaceOriginal(renderInteractionCard(interaction, { t: turn.t, language: turn.place.language, timezone: turn.place.timezone, respondedBy, assistantFallback }));
}

/** After a refused click the card was stale: show what is true now. */
export async function redrawInteractionById(turn: ActionTurn, brandId: number, interactionId: number): Promise<void> {
  await redrawInteractionCard(turn, await findBrandInteraction(turn.deps.ctx.db, brandId, interactionId));
}
