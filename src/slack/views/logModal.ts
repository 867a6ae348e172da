import type { ModalView } from '@slack/types';
import { requirePermission } from '../../core/brands.js';
import { interactionKindSchema, logInteraction } from '../../core/interactions.js';
import { networkSchema } from '../../core/networkRules.js';
import { renderInteractionCard } from '../blocks/interactionCard.js';
import { checkboxes, input, modal, option, staticSelect, textInput } from '../blocks/kit.js';
import { interactionKindOptions, networkOptions } from '../blocks/options.js';
import type { SlackDeps } from '../deps.js';
import type { Answer } from '../errorBoundary.js';
import { callbackIds, fieldIds } from '../ids.js';
import { tellPrivately } from '../replies.js';
import type { SlackViewDefinition, Translate, ViewOutcome } from '../turns.js';
import { writeMetadata, type ModalMetadata } from './metadata.js';
import { readChecked, readSelected, readText } from './state.js';

export function buildLogModal(t: Translate, metadata: ModalMetadata, prefill: { text?: string; author?: string } = {}): ModalView {
  return modal({
    callbackId: callbackIds.logModal,
    title: t('slack.logModal.title'),
    submit: t('slack.logModal.submit'),
    close: t('slack.modal.cancel'),
    privateMetadata: writeMetadata(metadata),
    blocks: [
      input({ blockId: fieldIds.logNetwork, label: t('slack.logModal.network'), element: staticSelect({ actionId: fieldIds.logNetwork, placeholder: t('slack.logModal.networkPlaceholder'), options: networkOptions(t) }) }),
      input({ blockId: fieldIds.logKind, label: t('slack.logModal.kind'), element: staticSelect({ actionId: fieldIds.logKind, placeholder: t('slack.logModal.kindPlaceholder'), options: interactionKindOptions(t), initial: 'comment' }) }),
      input({ blockId: fieldIds.logAuthor, label: t('slack.logModal.author'), element: textInput({ actionId: fieldIds.logAuthor, placeholder: '@maria', initial: prefill.author, maxLength: 200 }) }),
      input({ blockId: fieldIds.logText, label: t('slack.logModal.text'), element: textInput({ actionId: fieldIds.logText, multiline: true, initial: prefill.text, maxLength: 3000 }) }),
      input({ blockId: fieldIds.logLead, label: t('slack.logModal.lead'), optional: true, element: checkboxes({ actionId: fieldIds.logLead, options: [option(t('slack.logModal.leadOption'), 'lead')] }) }),
    ],
  });
}

/** The card goes to the channel for the team; where the bot may not write, to the person only. */
async function postCard(deps: SlackDeps, userId: string, channelId: string | null, card: Answer, tell: (answer: Answer) => Promise<void>): Promise<void> {
  if (!channelId) return tell(card);
  try {
    await deps.client.chat.postMessage({ channel: channelId, text: card.text, ...(card.blocks ? { blocks: card.blocks } : {}) });
  } catch (error) {
    deps.log.warn({ err: error, channel: channelId }, 'could not post the interaction card in the channel; telling the person');
    await tellPrivately(deps, userId, channelId, card);
  }
}

export const logModalView: SlackViewDefinition = {
  callbackId: callbackIds.logModal,
  errorBlockId: fieldIds.logText,
  fieldForError: { 'interaction.inFuture': fieldIds.logText },
  async submit({ deps, view, metadata, place, person, t, body }): Promise<ViewOutcome> {
    const network = networkSchema.safeParse(readSelected(view, fieldIds.logNetwork));
    const kind = interactionKindSchema.safeParse(readSelected(view, fieldIds.logKind));
    const author = readText(view, fieldIds.logAuthor);
    const text = readText(view, fieldIds.logText);
    const errors: Record<string, string> = {};
    if (!network.success) errors[fieldIds.logNetwork] = t('slack.logModal.networkRequired');
    if (!kind.success) errors[fieldIds.logKind] = t('slack.logModal.kindRequired');
    if (!author) errors[fieldIds.logAuthor] = t('slack.logModal.authorRequired');
    if (!text) errors[fieldIds.logText] = t('slack.logModal.textRequired');
    if (!network.success || !kind.success || !author || !text) return { kind: 'errors', errors };
    // Refused before the modal closes, so the person sees why right there.
    await requirePermission(deps.ctx, place.brand.id, person.id, 'interaction.log');
    const lead = readChecked(view, fieldIds.logLead).includes('lead');
    return {
      kind: 'close',
      // The assistant reads the text after the modal has closed: Slack waits 3 s, no more.
      after: async (tell) => {
        const { interaction, analysis } = await logInteraction(deps.ctx, {
          brandId: place.brand.id,
          actorId: person.id,
          network: network.data,
          kind: kind.data,
          author,
          text,
          ...(lead ? { lead: true } : {}),
        });
        const card = renderInteractionCard(interaction, { t, language: place.language, timezone: place.timezone, respondedBy: null, assistantFallback: analysis?.fallback ?? false });
        await postCard(deps, body.user.id, metadata.channelId, card, tell);
      },
    };
  },
};
