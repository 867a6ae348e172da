import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import type { ReplyDraft } from '../../core/assistant.js';
import { isUserError } from '../../core/errors.js';
import { findBrandInteraction, markResponded, type Interaction } from '../../core/interactions.js';
import { saveReplyDraft } from '../../core/replyDrafts.js';
import { loadPersonName } from '../../core/whoWhen.js';
import { escapeText, formatMoment, quote } from '../blocks/format.js';
import { renderInteractionCard } from '../blocks/interactionCard.js';
import { context, input, modal, section, textInput } from '../blocks/kit.js';
import { networkLabel } from '../blocks/labels.js';
import type { SlackDeps } from '../deps.js';
import { callbackIds, fieldIds } from '../ids.js';
import type { SlackPlace } from '../place.js';
import { postToResponseUrl } from '../replies.js';
import type { SlackViewDefinition, Translate, ViewOutcome } from '../turns.js';
import { modalMetadataSchema } from './metadata.js';
import { readText } from './state.js';

/**
 * The draft modal's private_metadata: the shared fields (brand, channel, the clicked card's
 * response_url) plus which interaction it is about and where its card is, so "Mark sent"
 * can redraw that card. The shared reader keeps only its own fields; this one reads the rest.
 */
export const draftReplyMetadataSchema = modalMetadataSchema.extend({
  draft: z.object({
    interactionId: z.number().int().positive(),
    /** The clicked card's ts: chat.update's way to it once the response_url has expired (30 min). */
    messageTs: z.string().min(1).nullable().default(null),
    /** The card said the offline assistant read the interaction: the redraw keeps saying it. */
    readingFallback: z.boolean().default(false),
  }),
});
export type DraftReplyMetadata = z.infer<typeof draftReplyMetadataSchema>;

export function readDraftReplyMetadata(text: string | undefined): DraftReplyMetadata {
  return draftReplyMetadataSchema.parse(JSON.parse(text || '{}'));
}

/** Slack's text inputs hold at most 3000 characters. */
const replyMax = 3000;
/** The original as context only: a long review must leave room for the reply. */
const originalMax = 1500;

export type DraftReplyModalInput = {
  interaction: Interaction;
  metadata: z.input<typeof draftReplyMetadataSchema>;
  /** Ours, unique per opening: views.update finds the modal by it when the draft arrives. */
  externalId: string;
  brandVoice: string;
  /** Who already marked it answered, if anyone. */
  respondedBy: string | null;
  state: { kind: 'drafting' } | { kind: 'ready'; draft: ReplyDraft };
};

function voiceLine(t: Translate, draft: ReplyDraft, brandVoice: string): string {
  const language = t(`assistantUi.language.${draft.language}`);
  return brandVoice.trim() ? t('assistantUi.draft.voice', { language, voice: escapeText(brandVoice.trim()) }) : t('assistantUi.draft.noVoice', { language });
}

/**
 * The reply modal. Opened at once in its "drafting" state (the trigger_id is only good for
 * 3 s, a model answer can take 8), then updated in place with the draft to edit; its
 * submit button ("Mark sent") appears only with something to send.
 */
export function buildDraftReplyModal(t: Translate, options: DraftReplyModalInput): ModalView {
  const { interaction, state } = options;
  const original = t('assistantUi.draft.original', {
    author: escapeText(interaction.author),
    kind: t(`slack.interactionKind.${interaction.kind}`),
    network: networkLabel(interaction.network, t),
  });
  const blocks: KnownBlock[] = [section(`${original}\n${quote([...interaction.text].slice(0, originalMax).join(''))}`)];
  if (state.kind === 'drafting') blocks.push(context(t('assistantUi.draft.drafting')));
  else {
    blocks.push(
      input({
        blockId: fieldIds.draftReplyText,
        label: t('assistantUi.draft.label'),
        hint: t('assistantUi.draft.hint', { network: networkLabel(interaction.network, t) }),
        element: textInput({ actionId: fieldIds.draftReplyText, multiline: true, maxLength: replyMax, initial: [...state.draft.text].slice(0, replyMax).join('') }),
      }),
      context(voiceLine(t, state.draft, options.brandVoice)),
    );
    if (state.draft.fallback) blocks.push(context(`🤖 ${t('assistant.fallbackNote')}`));
  }
  if (options.respondedBy) blocks.push(context(t('assistantUi.draft.answeredAlready', { who: escapeText(options.respondedBy) })));
  return {
    ...modal({
      callbackId: callbackIds.draftReplyModal,
      title: t('assistantUi.draft.title'),
      ...(state.kind === 'ready' ? { submit: t('assistantUi.draft.submit') } : {}),
      close: t(state.kind === 'ready' ? 'slack.modal.cancel' : 'assistantUi.draft.close'),
      blocks,
      privateMetadata: JSON.stringify(draftReplyMetadataSchema.parse(options.metadata)),
    }),
    external_id: options.externalId,
  };
}

/** The card the person clicked, redrawn: its response_url while it lasts, else chat.update. */
async function redrawCard(deps: SlackDeps, metadata: DraftReplyMetadata, place: SlackPlace, t: Translate, interaction: Interaction): Promise<void> {
  const respondedBy = interaction.respondedById ? await loadPersonName(deps.ctx.db, interaction.respondedById) : null;
  const card = renderInteractionCard(interaction, { t, language: place.language, timezone: place.timezone, respondedBy, assistantFallback: metadata.draft.readingFallback });
  if (metadata.responseUrl) {
    try {
      return await postToResponseUrl(metadata.responseUrl, { replace_original: true, text: card.text, ...(card.blocks ? { blocks: card.blocks } : {}) });
    } catch (error) {
      deps.log.info({ err: error, interactionId: interaction.id }, 'response_url refused the card update; trying chat.update');
    }
  }
  if (metadata.channelId && metadata.draft.messageTs) {
    await deps.client.chat.update({ channel: metadata.channelId, ts: metadata.draft.messageTs, text: card.text, ...(card.blocks ? { blocks: card.blocks } : {}) });
  }
}

/**
 * "Mark sent": keeps the reply as sent, then marks the interaction answered. Both happen
 * before Slack is answered (quick database writes), so a refusal shows in the modal.
 */
export const draftReplyModalView: SlackViewDefinition = {
  callbackId: callbackIds.draftReplyModal,
  errorBlockId: fieldIds.draftReplyText,
  async submit({ deps, view, person, place, t }): Promise<ViewOutcome> {
    const metadata = readDraftReplyMetadata(view.private_metadata);
    const text = readText(view, fieldIds.draftReplyText);
    if (!text) return { kind: 'errors', errors: { [fieldIds.draftReplyText]: t('assistantUi.draft.required') } };
    const target = { brandId: metadata.brandId, actorId: person.id, interactionId: metadata.draft.interactionId };
    let interaction = await saveReplyDraft(deps.ctx, { ...target, text });
    let answeredBefore = interaction.respondedAt !== null;
    if (!answeredBefore) {
      try {
        interaction = (await markResponded(deps.ctx, target)).interaction;
      } catch (error) {
        // Someone marked it answered in the meantime: the reply is kept all the same.
        if (!isUserError(error) || error.code !== 'interaction.alreadyResponded') throw error;
        answeredBefore = true;
        interaction = await findBrandInteraction(deps.ctx.db, metadata.brandId, metadata.draft.interactionId);
      }
    }
    const done = interaction;
    return {
      kind: 'close',
      after: async (tell) => {
        await redrawCard(deps, metadata, place, t, done);
        if (!answeredBefore || !done.respondedAt) return;
        const who = done.respondedById ? await loadPersonName(deps.ctx.db, done.respondedById) : '—';
        const answered = `${who} · ${formatMoment(done.respondedAt, place.timezone, place.language)}`;
        const note = t('assistantUi.draft.savedAnsweredBefore', { id: done.id, answered: escapeText(answered) });
        await tell({ text: note, blocks: [section(note)] });
      },
    };
  },
};
