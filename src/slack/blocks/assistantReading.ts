import type { ContextBlock } from '@slack/types';
import type { Interaction } from '../../core/interactions.js';
import type { Translate } from '../turns.js';
import { context } from './kit.js';

/** Crisis risk always (a low number is news too), buying intent when the assistant saw none. */
export function readingNotes(interaction: Interaction, t: Translate): string[] {
  const percent = Math.round(interaction.crisisRisk * 100);
  const notes = [interaction.crisisRisk >= 0.5 ? t('slack.interaction.crisisRisk', { percent }) : t('assistantUi.crisisRisk', { percent })];
  if (!interaction.leadStage) notes.push(t('assistantUi.noLeadIntent'));
  return notes;
}

/** The fallback note has its own block id, so a redraw of the card (a click) can keep it. */
export function fallbackBlockId(interactionId: number): string {
  return `interaction_fallback_${interactionId}`;
}

export function fallbackNote(interactionId: number, t: Translate): ContextBlock {
  return { ...context(`🤖 ${t('assistant.fallbackNote')}`), block_id: fallbackBlockId(interactionId) };
}

/** Whether a message (the clicked card) carried the fallback note. */
export function hasFallbackNote(blocks: readonly { block_id?: string }[] | undefined, interactionId: number): boolean {
  return (blocks ?? []).some((block) => block.block_id === fallbackBlockId(interactionId));
}
