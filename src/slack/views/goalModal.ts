import type { ModalView } from '@slack/types';
import { setGoal } from '../../core/goals.js';
import { goalMetricSchema } from '../../core/goalValues.js';
import { networkSchema } from '../../core/networkRules.js';
import { goalLine } from '../blocks/goalList.js';
import { datepicker, input, modal, section, staticSelect, textInput } from '../blocks/kit.js';
import { goalMetricOptions, networkOptions } from '../blocks/options.js';
import { callbackIds, fieldIds } from '../ids.js';
import { UsageError } from '../parse/usageError.js';
import { readNumberValue } from '../parse/vocabulary.js';
import type { SlackViewDefinition, Translate, ViewOutcome } from '../turns.js';
import { writeMetadata, type ModalMetadata } from './metadata.js';
import { readDatePicked, readSelected, readText } from './state.js';

export function buildGoalModal(t: Translate, metadata: ModalMetadata): ModalView {
  return modal({
    callbackId: callbackIds.goalModal,
    title: t('slack.goalModal.title'),
    submit: t('slack.modal.save'),
    close: t('slack.modal.cancel'),
    privateMetadata: writeMetadata(metadata),
    blocks: [
      input({ blockId: fieldIds.goalMetric, label: t('slack.goalModal.metric'), element: staticSelect({ actionId: fieldIds.goalMetric, placeholder: t('slack.goalModal.metricPlaceholder'), options: goalMetricOptions(t) }) }),
      input({ blockId: fieldIds.goalTarget, label: t('slack.goalModal.target'), hint: t('slack.goalModal.targetHint'), element: textInput({ actionId: fieldIds.goalTarget, placeholder: '10000' }) }),
      input({ blockId: fieldIds.goalNetwork, label: t('slack.goalModal.network'), optional: true, hint: t('slack.goalModal.networkHint'), element: staticSelect({ actionId: fieldIds.goalNetwork, placeholder: t('slack.modal.allNetworks'), options: networkOptions(t) }) }),
      input({ blockId: fieldIds.goalDeadline, label: t('slack.goalModal.deadline'), optional: true, element: datepicker({ actionId: fieldIds.goalDeadline }) }),
    ],
  });
}

export const goalModalView: SlackViewDefinition = {
  callbackId: callbackIds.goalModal,
  errorBlockId: fieldIds.goalTarget,
  fieldForError: {
    'goal.targetNotPositive': fieldIds.goalTarget,
    'goal.percentOver100': fieldIds.goalTarget,
    'goal.deadlineInPast': fieldIds.goalDeadline,
  },
  async submit({ deps, view, place, person, t }): Promise<ViewOutcome> {
    const metric = goalMetricSchema.safeParse(readSelected(view, fieldIds.goalMetric));
    if (!metric.success) return { kind: 'errors', errors: { [fieldIds.goalMetric]: t('slack.goalModal.metricRequired') } };
    let target: number;
    try {
      target = readNumberValue(readText(view, fieldIds.goalTarget), 'target');
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      return { kind: 'errors', errors: { [fieldIds.goalTarget]: t('slack.goalModal.targetInvalid', { got: readText(view, fieldIds.goalTarget) }) } };
    }
    const network = networkSchema.optional().parse(readSelected(view, fieldIds.goalNetwork) ?? undefined);
    const deadline = readDatePicked(view, fieldIds.goalDeadline) ?? undefined;
    const goal = await setGoal(deps.ctx, { brandId: place.brand.id, actorId: person.id, metric: metric.data, target, network, deadline });
    return {
      kind: 'close',
      after: (tell) => tell({ text: t('slack.goal.set', { id: goal.id }), blocks: [section(`${t('slack.goal.set', { id: goal.id })}\n${goalLine(goal, t, place.language)}`)] }),
    };
  },
};
