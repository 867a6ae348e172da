import { requirePermission } from '../../core/brands.js';
import { findOpenEscalationForInteraction } from '../../core/escalationLookups.js';
import { listOpenEscalations } from '../../core/escalations.js';
import { suggestSeverity } from '../../core/escalationSuggestions.js';
import { findBrandInteraction } from '../../core/interactions.js';
import { interactionButtonSchema, readButton } from '../buttonValues.js';
import { interactionLine } from '../crisis/interactionLines.js';
import { answerAlreadyEscalated } from '../crisis/raiseFromSlack.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';
import { buildEscalateModal } from '../views/escalateModal.js';

/** How much of the comment the summary starts with: the strategist reads the rest in the alert. */
const summaryQuoteChars = 300;

/**
 * Escalate on an interaction card (from /log, App Home or the digest): one click opens the
 * form with the interaction, its summary and a severity picked from what the assistant
 * read; submitting raises it, or adds the interaction to an open escalation picked in the
 * form. An interaction already in an open escalation links to it.
 */
export const escalateInteractionAction: SlackActionDefinition = {
  actionId: actionIds.escalateInteraction,
  async run(turn) {
    const button = readButton(interactionButtonSchema, turn.value);
    const place = await turn.useBrand(button.brandId);
    const { ctx } = turn.deps;
    await requirePermission(ctx, button.brandId, place.person.id, 'escalation.raise');
    const open = await findOpenEscalationForInteraction(ctx, { brandId: button.brandId, interactionId: button.interactionId });
    if (open) return turn.tell(await answerAlreadyEscalated(turn.deps, open, turn.t));
    const interaction = await findBrandInteraction(ctx.db, button.brandId, button.interactionId);
    const openEscalations = await listOpenEscalations(ctx, { brandId: button.brandId, limit: 20 });
    const text = [...interaction.text].length > summaryQuoteChars ? `${[...interaction.text].slice(0, summaryQuoteChars - 1).join('')}…` : interaction.text;
    const summary = turn.t('crisis.modal.summaryFromInteraction', { author: interaction.author, text });
    await turn.openModal(
      buildEscalateModal(
        turn.t,
        { brandId: button.brandId, channelId: place.channelId, crisis: { raisedVia: 'slack_button', interactionId: interaction.id } },
        { severity: suggestSeverity(interaction), summary, about: interactionLine(interaction, turn.t), open: openEscalations },
      ),
    );
  },
};
