import { liftFreeze } from '../../core/escalations.js';
import { section } from '../blocks/kit.js';
import { escalationButtonSchema, readButton } from '../buttonValues.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';

/** Lift freeze on a sev1 alert: a strategist decides publishing may go on. The alert and the post cards follow by events. */
export const liftFreezeAction: SlackActionDefinition = {
  actionId: actionIds.liftFreeze,
  async run(turn) {
    const button = readButton(escalationButtonSchema, turn.value);
    const place = await turn.useBrand(button.brandId);
    await liftFreeze(turn.deps.ctx, { brandId: button.brandId, actorId: place.person.id });
    const text = turn.t('crisis.unfrozen.done', { brand: place.brand.name });
    await turn.tell({ text, blocks: [section(text)] });
  },
};
