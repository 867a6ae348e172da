import type { ModalView } from '@slack/types';
import { requirePermission } from '../../core/brands.js';
import { getEscalation, resolveEscalation, type EscalationView } from '../../core/escalations.js';
import { escapeText } from '../blocks/format.js';
import { input, modal, section, textInput } from '../blocks/kit.js';
import { severityTag } from '../crisis/labels.js';
import { callbackIds, fieldIds } from '../ids.js';
import type { SlackViewDefinition, Translate, ViewOutcome } from '../turns.js';
import { writeMetadata, type ModalMetadata } from './metadata.js';
import { readText } from './state.js';

export function buildResolveModal(t: Translate, escalation: EscalationView, metadata: ModalMetadata): ModalView {
  return modal({
    callbackId: callbackIds.resolveModal,
    title: t('crisis.modal.resolveTitle'),
    submit: t('crisis.button.resolve'),
    close: t('slack.modal.cancel'),
    privateMetadata: writeMetadata(metadata),
    blocks: [
      section(`${severityTag(escalation.severity)} *#${escalation.number}* ${escapeText(escalation.summary.slice(0, 500))}`),
      input({
        blockId: fieldIds.resolution,
        label: t('crisis.modal.resolution'),
        hint: t('crisis.modal.resolutionHint'),
        element: textInput({ actionId: fieldIds.resolution, multiline: true, maxLength: 3000 }),
      }),
    ],
  });
}

/**
 * Resolving posts the postmortem draft (with the assistant's summary) in the alert's
 * thread: that can take longer than the 3 s Slack waits, so it happens after the modal
 * closed. A refusal known now (already resolved, the role) stays in the modal.
 */
export const resolveModalView: SlackViewDefinition = {
  callbackId: callbackIds.resolveModal,
  errorBlockId: fieldIds.resolution,
  async submit({ deps, view, metadata, person, t }): Promise<ViewOutcome> {
    const escalationId = metadata.crisis?.escalationId;
    if (!escalationId) throw new Error('resolve modal without its escalation');
    const resolution = readText(view, fieldIds.resolution);
    if (!resolution) return { kind: 'errors', errors: { [fieldIds.resolution]: t('crisis.modal.resolutionRequired') } };
    await requirePermission(deps.ctx, metadata.brandId, person.id, 'escalation.resolve');
    const current = await getEscalation(deps.ctx, { escalationId, brandId: metadata.brandId });
    if (current.status === 'resolved') return { kind: 'errors', errors: { [fieldIds.resolution]: t('crisis.modal.alreadyResolved', { number: current.number }) } };
    return {
      kind: 'close',
      after: async (tell) => {
        const escalation: EscalationView = await resolveEscalation(deps.ctx, { brandId: metadata.brandId, actorId: person.id, escalationId, resolution });
        const text = t('crisis.resolved.done', { number: escalation.number });
        await tell({ text, blocks: [section(text)] });
      },
    };
  },
};
