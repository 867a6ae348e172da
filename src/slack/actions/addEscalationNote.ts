import { requirePermission } from '../../core/brands.js';
import { getEscalation } from '../../core/escalations.js';
import { escalationButtonSchema, readButton } from '../buttonValues.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';
import { buildEscalationNoteModal } from '../views/escalationNoteModal.js';

/** Add note: a modal asks for it; notes go on the timeline and in the alert's thread, and into the postmortem. */
export const addEscalationNoteAction: SlackActionDefinition = {
  actionId: actionIds.addEscalationNote,
  async run(turn) {
    const button = readButton(escalationButtonSchema, turn.value);
    const place = await turn.useBrand(button.brandId);
    await requirePermission(turn.deps.ctx, button.brandId, place.person.id, 'escalation.note');
    const escalation = await getEscalation(turn.deps.ctx, { escalationId: button.escalationId, brandId: button.brandId });
    await turn.openModal(buildEscalationNoteModal(turn.t, escalation, { brandId: button.brandId, channelId: place.channelId, crisis: { escalationId: escalation.id } }));
  },
};
