import { requirePermission } from '../../core/brands.js';
import { recordMetrics } from '../../core/metrics.js';
import { localDateOf } from '../../core/time.js';
import { parseMetricsText } from '../parse/metricsText.js';
import type { SlackCommandDefinition } from '../turns.js';
import { buildMetricsModal } from '../views/metricsModal.js';
import { recordedAnswer } from './metricsAnswers.js';

export const metricsCommand: SlackCommandDefinition = {
  key: 'metrics',
  descriptionKey: 'slack.command.metrics.description',
  usageHintKey: 'slack.command.metrics.hint',
  usageKey: 'slack.command.metrics.usage',
  exampleKey: 'slack.command.metrics.example',
  async run(turn) {
    const { deps, place, t, command } = turn;
    const request = parseMetricsText(command.text);
    const today = localDateOf(deps.ctx.clock.now(), place.timezone);
    if (request.kind === 'modal') {
      await requirePermission(deps.ctx, place.brand.id, place.person.id, 'metrics.record');
      return turn.openModal(buildMetricsModal(t, { brandId: place.brand.id, channelId: command.channel_id }, today));
    }
    const snapshot = await recordMetrics(deps.ctx, {
      brandId: place.brand.id,
      actorId: place.person.id,
      network: request.network,
      // A day without a date is today where the brand is, not where the server is.
      date: request.date ?? today,
      values: request.values,
    });
    await turn.tell(recordedAnswer(snapshot, t, place.language));
  },
};
