import { requirePermission } from '../../core/brands.js';
import { listCampaigns } from '../../core/campaigns.js';
import { editPost, listWeek, planPost } from '../../core/posts.js';
import { localDateOf } from '../../core/time.js';
import { renderWeek } from '../blocks/weekCalendar.js';
import { parsePlanText } from '../parse/planText.js';
import { checkPlannedCopy } from '../sync/postCopyCheck.js';
import { postApprovalRequest } from '../sync/postMessages.js';
import { announceRevision } from '../sync/postRevisions.js';
import type { CommandTurn, SlackCommandDefinition } from '../turns.js';
import { buildEditPostModal } from '../views/editPostModal.js';
import { buildPlanModal } from '../views/planModal.js';
import { plannedAnswer } from './planAnswers.js';

/** The plan modal for a person allowed to plan, opened at once (the trigger lives 3 s). */
export async function openPlanModal(turn: Pick<CommandTurn, 'deps' | 'place' | 't' | 'openModal'>, channelId: string | null): Promise<void> {
  const { deps, place } = turn;
  await requirePermission(deps.ctx, place.brand.id, place.person.id, 'post.plan');
  const campaigns = await listCampaigns(deps.ctx, { brandId: place.brand.id, actorId: place.person.id });
  const today = localDateOf(deps.ctx.clock.now(), place.timezone);
  await turn.openModal(buildPlanModal(turn.t, { metadata: { brandId: place.brand.id, channelId }, today, timezone: place.timezone, campaigns }));
}

/** `/plan edit <N>` opens the post's edit form; with new copy, it changes the copy at once. */
async function editFromCommand(turn: CommandTurn, postNumber: number, copy: string | undefined): Promise<void> {
  const { deps, place, t, command } = turn;
  if (!copy) return turn.openModal(await buildEditPostModal(deps, place, t, postNumber, command.channel_id));
  const post = await editPost(deps.ctx, { brandId: place.brand.id, actorId: place.person.id, postNumber, copy });
  await turn.tell(await announceRevision(deps, place, place.person, post, t, command.channel_id));
}

export const planCommand: SlackCommandDefinition = {
  key: 'plan',
  descriptionKey: 'slack.command.plan.description',
  usageHintKey: 'slack.command.plan.hint',
  usageKey: 'slack.command.plan.usage',
  exampleKey: 'slack.command.plan.example',
  async run(turn) {
    const { deps, place, t, command } = turn;
    const request = parsePlanText(command.text);
    if (request.kind === 'modal') return openPlanModal(turn, command.channel_id);
    if (request.kind === 'week') {
      const week = await listWeek(deps.ctx, { brandId: place.brand.id, actorId: place.person.id, weekOf: request.weekOf });
      return turn.tell(renderWeek(place.brand.name, week, t, place.language));
    }
    if (request.kind === 'edit') return editFromCommand(turn, request.postNumber, request.copy);
    const post = await planPost(deps.ctx, { brandId: place.brand.id, actorId: place.person.id, network: request.network, date: request.date, time: request.time, copy: request.copy });
    // Default: ask for approval where the plan was made, unless the brand has an approvals channel.
    const posted = await postApprovalRequest(deps, place.brand, post, place.brand.settings.approvalsChannel ?? command.channel_id);
    // Approvers have the request at once; the assistant's copy check then fills it in, and the
    // planner hears back once the request is complete (after the ack: the check is a model call).
    await checkPlannedCopy(deps, post);
    await turn.tell(plannedAnswer(t, place, post, posted, command.channel_id));
  },
};
