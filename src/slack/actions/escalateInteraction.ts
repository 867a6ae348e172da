import { section } from '../blocks/kit.js';
import { interactionButtonSchema, readButton } from '../buttonValues.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';

/**
 * Escalate: the crisis flow (issue 5) replaces this handler. Until then the button says
 * so, in the brand's language, rather than failing or staying silent.
 */
export const escalateInteractionAction: SlackActionDefinition = {
  actionId: actionIds.escalateInteraction,
  async run(turn) {
    const button = readButton(interactionButtonSchema, turn.value);
    await turn.useBrand(button.brandId);
    const text = turn.t('slack.comingSoon.escalate');
    await turn.tell({ text, blocks: [section(text)] });
  },
};
