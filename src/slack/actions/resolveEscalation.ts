import { requirePermission } from '../../core/brands.js';
import { UserError } from '../../core/errors.js';
import { getEscalation } from '../../core/escalations.js';
import { formatLocalMoment } from '../../core/whoWhen.js';
import { escalationButtonSchema, readButton } from '../buttonValues.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';
import { buildResolveModal } from '../views/resolveModal.js';

/** Resolve: a modal asks how it was resolved; the postmortem draft follows in the alert's thread. */
export const resolveEscalationAction: SlackActionDefinition = {
  actionId: actionIds.resolveEscalation,
  async run(turn) {
    const button = readButton(escalationButtonSchema, turn.value);
    const place = await turn.useBrand(button.brandId);
    await requirePermission(turn.deps.ctx, button.brandId, place.person.id, 'escalation.resolve');
    const escalation = await getEscalation(turn.deps.ctx, { escalationId: button.escalationId, brandId: button.brandId });
    if (escalation.status === 'resolved') {
      // Said now rather than after typing a resolution nobody will record.
      throw new UserError('escalation.alreadyResolved', {
        number: escalation.number,
        who: escalation.resolvedBy?.name ?? escalation.resolvedBy?.ref ?? '—',
        when: formatLocalMoment(escalation.resolvedAt ?? escalation.raisedAt, place.timezone),
      });
    }
    await turn.openModal(buildResolveModal(turn.t, escalation, { brandId: button.brandId, channelId: place.channelId, crisis: { escalationId: escalation.id } }));
  },
};
