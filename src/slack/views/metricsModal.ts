import type { ModalView } from '@slack/types';
import { metricNames, recordMetrics, type MetricName } from '../../core/metrics.js';
import { networkSchema } from '../../core/networkRules.js';
import { datepicker, input, modal, staticSelect, textInput } from '../blocks/kit.js';
import { networkOptions } from '../blocks/options.js';
import { recordedAnswer } from '../commands/metricsAnswers.js';
import { callbackIds, fieldIds } from '../ids.js';
import { UsageError } from '../parse/usageError.js';
import { readNumberValue } from '../parse/vocabulary.js';
import type { SlackViewDefinition, Translate, ViewOutcome } from '../turns.js';
import { writeMetadata, type ModalMetadata } from './metadata.js';
import { readDatePicked, readSelected, readText } from './state.js';

/** One optional field per metric, each its own block: `metrics_value_followers` ... */
export function metricFieldId(name: MetricName): string {
  return `metrics_value_${name}`;
}

export function buildMetricsModal(t: Translate, metadata: ModalMetadata, today: string): ModalView {
  return modal({
    callbackId: callbackIds.metricsModal,
    title: t('slack.metricsModal.title'),
    submit: t('slack.modal.save'),
    close: t('slack.modal.cancel'),
    privateMetadata: writeMetadata(metadata),
    blocks: [
      input({ blockId: fieldIds.metricsNetwork, label: t('slack.metricsModal.network'), element: staticSelect({ actionId: fieldIds.metricsNetwork, placeholder: t('slack.logModal.networkPlaceholder'), options: networkOptions(t) }) }),
      input({ blockId: fieldIds.metricsDate, label: t('slack.metricsModal.date'), element: datepicker({ actionId: fieldIds.metricsDate, initial: today }) }),
      // Text, not number inputs: people paste "1,200" or "1.2k", and the same reader as /metrics takes them.
      ...metricNames.map((name) => input({ blockId: metricFieldId(name), label: t(`slack.metric.${name}`), optional: true, element: textInput({ actionId: metricFieldId(name) }) })),
    ],
  });
}

export const metricsModalView: SlackViewDefinition = {
  callbackId: callbackIds.metricsModal,
  errorBlockId: metricFieldId('followers'),
  fieldForError: { 'metrics.futureDate': fieldIds.metricsDate, 'metrics.noValues': metricFieldId('followers') },
  async submit({ deps, view, place, person, t }): Promise<ViewOutcome> {
    const errors: Record<string, string> = {};
    const network = networkSchema.safeParse(readSelected(view, fieldIds.metricsNetwork));
    if (!network.success) errors[fieldIds.metricsNetwork] = t('slack.logModal.networkRequired');
    const date = readDatePicked(view, fieldIds.metricsDate);
    if (!date) errors[fieldIds.metricsDate] = t('slack.planModal.dateRequired');
    const values: Partial<Record<MetricName, number>> = {};
    for (const name of metricNames) {
      const typed = readText(view, metricFieldId(name));
      if (!typed) continue;
      try {
        values[name] = readNumberValue(typed, name);
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        errors[metricFieldId(name)] = t('slack.metricsModal.notANumber', { got: typed });
      }
    }
    if (Object.keys(errors).length || !network.success || !date) return { kind: 'errors', errors };
    const snapshot = await recordMetrics(deps.ctx, { brandId: place.brand.id, actorId: person.id, network: network.data, date, values });
    return { kind: 'close', after: (tell) => tell(recordedAnswer(snapshot, t, place.language)) };
  },
};
