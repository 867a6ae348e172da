import { randomBytes } from 'node:crypto';
import type { ModalView } from '@slack/types';
import { requirePermission } from '../../core/brands.js';
import { findBrandInteraction } from '../../core/interactions.js';
import { draftInteractionReply } from '../../core/replyDrafts.js';
import { loadPersonName } from '../../core/whoWhen.js';
import { hasFallbackNote } from '../blocks/assistantReading.js';
import { interactionButtonSchema, readButton } from '../buttonValues.js';
import type { SlackDeps } from '../deps.js';
import { actionIds, callbackIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';
import { buildDraftReplyModal, type DraftReplyModalInput } from '../views/draftReplyModal.js';

/** Slack's answer when the view is gone: the person closed the modal before the draft came. */
function slackErrorCode(error: unknown): string | null {
  const data = typeof error === 'object' && error !== null ? (error as { data?: { error?: unknown } }).data : undefined;
  return typeof data?.error === 'string' ? data.error : null;
}

async function showDraft(deps: SlackDeps, externalId: string, view: ModalView, interactionId: number): Promise<void> {
  try {
    await deps.client.views.update({ external_id: externalId, view });
  } catch (error) {
    if (slackErrorCode(error) !== 'not_found') throw error;
    deps.log.info({ interactionId }, 'reply draft arrived after its modal was closed');
  }
}

/**
 * Draft reply: a reply in the brand voice and the language of the original, for the
 * community manager to edit and mark sent.
 *
 * Order matters. Slack was acknowledged before this runs (the listener acks first), and
 * the modal opens before the assistant is asked: views.open needs the trigger_id, which
 * expires 3 s after the click and works once, while a model answer may take up to the
 * assistant's timeout (8 s). So the modal opens at once saying "drafting…", and
 * views.update fills it in when the draft arrives. (An ephemeral "open the draft" button
 * would work too, but costs the person a second click for nothing.)
 */
export const draftReplyAction: SlackActionDefinition = {
  actionId: actionIds.draftReply,
  async run(turn) {
    const button = readButton(interactionButtonSchema, turn.value);
    const place = await turn.useBrand(button.brandId);
    const { deps, body } = turn;
    // Refused before any modal opens: a viewer is told why, not shown a form they cannot send.
    await requirePermission(deps.ctx, button.brandId, place.person.id, 'interaction.respond');
    const interaction = await findBrandInteraction(deps.ctx.db, button.brandId, button.interactionId);
    const blocks = body.message?.blocks as { block_id?: string }[] | undefined;
    const modalInput: Omit<DraftReplyModalInput, 'state'> = {
      interaction,
      externalId: `${callbackIds.draftReplyModal}:${interaction.id}:${randomBytes(8).toString('hex')}`,
      brandVoice: place.brand.settings.brandVoice,
      respondedBy: interaction.respondedById ? await loadPersonName(deps.ctx.db, interaction.respondedById) : null,
      metadata: {
        brandId: button.brandId,
        channelId: place.channelId,
        ...(body.response_url ? { responseUrl: body.response_url } : {}),
        draft: { interactionId: interaction.id, messageTs: body.message?.ts ?? null, readingFallback: hasFallbackNote(blocks, interaction.id) },
      },
    };
    await turn.openModal(buildDraftReplyModal(turn.t, { ...modalInput, state: { kind: 'drafting' } }));
    const { draft } = await draftInteractionReply(deps.ctx, { brandId: button.brandId, actorId: place.person.id, interactionId: interaction.id });
    await showDraft(deps, modalInput.externalId, buildDraftReplyModal(turn.t, { ...modalInput, state: { kind: 'ready', draft } }), interaction.id);
  },
};
