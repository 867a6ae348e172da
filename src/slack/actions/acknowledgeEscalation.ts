import { acknowledgeEscalation } from '../../core/escalations.js';
import { section } from '../blocks/kit.js';
import { escalationButtonSchema, readButton } from '../buttonValues.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';

/**
 * Acknowledge: "I'm on it". Paging stops and the alert is redrawn in place by the crisis
 * listener (who, when). Of two strategists clicking at once, the second is told who was first.
 */
export const acknowledgeEscalationAction: SlackActionDefinition = {
  actionId: actionIds.acknowledgeEscalation,
  async run(turn) {
    const button = readButton(escalationButtonSchema, turn.value);
    const place = await turn.useBrand(button.brandId);
    const escalation = await acknowledgeEscalation(turn.deps.ctx, { brandId: button.brandId, actorId: place.person.id, escalationId: button.escalationId });
    // On the alert itself the redraw is the answer; from elsewhere (the digest) say it in words.
    if (turn.body.message?.ts !== escalation.alert?.messageId) {
      const text = turn.t('crisis.acknowledged.done', { number: escalation.number });
      await turn.tell({ text, blocks: [section(text)] });
    }
  },
};
