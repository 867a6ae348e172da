import { getEscalation, getEscalationTimeline } from '../../core/escalations.js';
import { escalationButtonSchema, readButton } from '../buttonValues.js';
import { loadActorText } from '../crisis/actors.js';
import { renderTimeline } from '../crisis/timelineBlocks.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';

/** Timeline: the whole story so far (raised, pages, acknowledged, notes, links, freeze, resolved), shown only to whoever asked. */
export const showTimelineAction: SlackActionDefinition = {
  actionId: actionIds.showEscalationTimeline,
  async run(turn) {
    const button = readButton(escalationButtonSchema, turn.value);
    const place = await turn.useBrand(button.brandId);
    const { ctx } = turn.deps;
    const escalation = await getEscalation(ctx, { escalationId: button.escalationId, brandId: button.brandId });
    const entries = await getEscalationTimeline(ctx, { escalationId: escalation.id, brandId: button.brandId });
    const actor = await loadActorText(ctx, entries.map((entry) => entry.actor), turn.t);
    await turn.tell(renderTimeline(escalation.number, entries, actor, { t: turn.t, language: place.language, timezone: place.timezone }));
  },
};
