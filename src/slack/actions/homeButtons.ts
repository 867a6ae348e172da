import { requirePermission } from '../../core/brands.js';
import { brandButtonSchema, readButton } from '../buttonValues.js';
import { openPlanModal } from '../commands/plan.js';
import { publishHome } from '../home.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';
import { buildLogModal } from '../views/logModal.js';

export const homePlanAction: SlackActionDefinition = {
  actionId: actionIds.homePlan,
  async run(turn) {
    const { brandId } = readButton(brandButtonSchema, turn.value);
    await turn.useBrand(brandId);
    await openPlanModal(turn, null);
  },
};

export const homeLogAction: SlackActionDefinition = {
  actionId: actionIds.homeLog,
  async run(turn) {
    const { brandId } = readButton(brandButtonSchema, turn.value);
    const place = await turn.useBrand(brandId);
    await requirePermission(turn.deps.ctx, brandId, place.person.id, 'interaction.log');
    await turn.openModal(buildLogModal(turn.t, { brandId, channelId: null }));
  },
};

export const homeRefreshAction: SlackActionDefinition = {
  actionId: actionIds.homeRefresh,
  run: (turn) => publishHome(turn.deps, { teamId: turn.place.teamId, userId: turn.body.user.id }),
};
