import type { KnownBlock } from '@slack/types';
import type { Interaction } from '../../core/interactions.js';
import { allowedNextStages } from '../../core/leads.js';
import type { Language } from '../../i18n/catalog.js';
import { formatScore } from '../../i18n/scoreFormat.js';
import { interactionButtonValue } from '../buttonValues.js';
import type { Answer } from '../errorBoundary.js';
import { actionIds, blockIds } from '../ids.js';
import type { Translate } from '../turns.js';
import { fallbackNote, readingNotes } from './assistantReading.js';
import { escapeText, formatMoment, quote } from './format.js';
import { actions, button, context, section } from './kit.js';
import { networkLabel } from './labels.js';

const sentimentEmoji = { positive: '😊', neutral: '😐', negative: '😠' } as const;
const kindEmoji = { comment: '💬', dm: '✉️', mention: '📣', review: '⭐' } as const;

export type InteractionCardContext = {
  t: Translate;
  language: Language;
  timezone: string;
  /** Who marked it answered, for the "answered by" line. */
  respondedBy: string | null;
  /** The offline assistant read it because the model was slow or failed: the card says so. */
  assistantFallback?: boolean;
};

/** The lead button moves the lead one step on; its label says which. */
function leadButton(interaction: Interaction, t: Translate) {
  const next = allowedNextStages(interaction.leadStage).find((stage) => stage !== 'lost');
  if (!next) return null;
  return button({ actionId: actionIds.advanceLead, text: t(`slack.interaction.leadTo.${next}`), value: interactionButtonValue(interaction) });
}

export function renderInteractionCard(interaction: Interaction, context_: InteractionCardContext): Answer {
  const { t } = context_;
  const value = interactionButtonValue(interaction);
  const sentiment = `${sentimentEmoji[interaction.sentiment]} ${t(`slack.sentiment.${interaction.sentiment}`)} (${formatScore(interaction.sentimentScore, context_.language)})`;
  const lead = interaction.leadStage ? ` · 🎯 ${t('slack.interaction.lead', { stage: t(`slack.leadStage.${interaction.leadStage}`) })}` : '';
  const title = t('slack.interaction.title', {
    emoji: kindEmoji[interaction.kind],
    kind: t(`slack.interactionKind.${interaction.kind}`),
    network: networkLabel(interaction.network, t),
    author: escapeText(interaction.author),
  });
  const notes = [t('slack.interaction.logged', { id: interaction.id, when: formatMoment(interaction.receivedAt, context_.timezone, context_.language) })];
  notes.push(...readingNotes(interaction, t));
  if (interaction.respondedAt) {
    notes.push(t('slack.interaction.answered', { who: context_.respondedBy ?? '—', when: formatMoment(interaction.respondedAt, context_.timezone, context_.language) }));
  }
  const buttons = [
    button({ actionId: actionIds.escalateInteraction, text: t('slack.button.escalate'), value, style: 'danger' }),
    ...(interaction.respondedAt ? [] : [button({ actionId: actionIds.markResponded, text: t('slack.button.responded'), value, style: 'primary' as const })]),
    button({ actionId: actionIds.draftReply, text: t('slack.button.draftReply'), value }),
    ...[leadButton(interaction, t)].filter((b) => b !== null),
  ];
  const reply = interaction.replyDraft ? [context(t('assistantUi.replySent', { text: escapeText(interaction.replyDraft) }))] : [];
  const blocks: KnownBlock[] = [
    section(`*${title}* · ${sentiment}${lead}`),
    section(quote(interaction.text)),
    ...reply,
    context(...notes),
    ...(context_.assistantFallback ? [fallbackNote(interaction.id, t)] : []),
    actions(`${blockIds.interactionActions}_${interaction.id}`, buttons),
  ];
  return { text: `${title} · ${sentiment}`, blocks };
}
