import { listCampaigns } from '../../core/campaigns.js';
import { networkSchema } from '../../core/networkRules.js';
import { localDateOf } from '../../core/time.js';
import { actionIds, fieldIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';
import { readMetadata } from '../views/metadata.js';
import { buildPlanModal } from '../views/planModal.js';

/**
 * Picking a network in the plan modal (or the edit form, which is the same modal) sets the copy field's limit to that network's, so
 * Slack counts the characters left while the person types.
 */
export const planNetworkChangedAction: SlackActionDefinition = {
  actionId: actionIds.planNetwork,
  async run(turn) {
    const view = turn.body.view;
    const network = networkSchema.safeParse(turn.value);
    if (!view || !network.success) return;
    const metadata = readMetadata(view.private_metadata);
    const place = await turn.useBrand(metadata.brandId);
    // The edit form keeps the post's campaign and offers none.
    const campaigns = metadata.edit ? [] : await listCampaigns(turn.deps.ctx, { brandId: metadata.brandId, actorId: place.person.id });
    // What was already typed or picked stays: only the copy's limit changes.
    const copy = view.state.values[fieldIds.planCopy]?.[fieldIds.planCopy]?.value ?? undefined;
    const date = view.state.values[fieldIds.planDate]?.[fieldIds.planDate]?.selected_date ?? undefined;
    const time = view.state.values[fieldIds.planTime]?.[fieldIds.planTime]?.selected_time ?? undefined;
    const today = localDateOf(turn.deps.ctx.clock.now(), place.timezone);
    const updated = buildPlanModal(turn.t, { metadata, today, timezone: place.timezone, campaigns, network: network.data, copy, date, time });
    // The hash makes Slack refuse the update if the modal changed meanwhile (a faster click).
    await turn.deps.client.views.update({ view_id: view.id, hash: view.hash, view: updated });
  },
};
