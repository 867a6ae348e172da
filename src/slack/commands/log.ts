import { requirePermission } from '../../core/brands.js';
import { logInteraction } from '../../core/interactions.js';
import { renderInteractionCard } from '../blocks/interactionCard.js';
import { parseLogText } from '../parse/logText.js';
import type { SlackCommandDefinition } from '../turns.js';
import { buildLogModal } from '../views/logModal.js';

export const logCommand: SlackCommandDefinition = {
  key: 'log',
  descriptionKey: 'slack.command.log.description',
  usageHintKey: 'slack.command.log.hint',
  usageKey: 'slack.command.log.usage',
  exampleKey: 'slack.command.log.example',
  async run(turn) {
    const { deps, place, t, command } = turn;
    const request = parseLogText(command.text);
    if (request.kind === 'modal') {
      await requirePermission(deps.ctx, place.brand.id, place.person.id, 'interaction.log');
      return turn.openModal(buildLogModal(t, { brandId: place.brand.id, channelId: command.channel_id }));
    }
    // Slack was answered already; the assistant may take its time reading the text.
    const { interaction, analysis } = await logInteraction(deps.ctx, {
      brandId: place.brand.id,
      actorId: place.person.id,
      network: request.network,
      kind: request.interactionKind,
      author: request.author,
      text: request.text,
      ...(request.lead ? { lead: true } : {}),
    });
    // In the channel: the team sees it and anyone can mark it answered or escalate it.
    await turn.announce(renderInteractionCard(interaction, { t, language: place.language, timezone: place.timezone, respondedBy: null, assistantFallback: analysis?.fallback ?? false }));
  },
};
