import type { ModalView } from '@slack/types';
import { requirePermission } from '../../core/brands.js';
import { addEscalationNote, type EscalationView } from '../../core/escalations.js';
import { escapeText } from '../blocks/format.js';
import { input, modal, section, textInput } from '../blocks/kit.js';
import { severityTag } from '../crisis/labels.js';
import { callbackIds, fieldIds } from '../ids.js';
import type { SlackViewDefinition, Translate, ViewOutcome } from '../turns.js';
import { writeMetadata, type ModalMetadata } from './metadata.js';
import { readText } from './state.js';

export function buildEscalationNoteModal(t: Translate, escalation: EscalationView, metadata: ModalMetadata): ModalView {
  return modal({
    callbackId: callbackIds.escalationNoteModal,
    title: t('crisis.modal.noteTitle'),
    submit: t('slack.modal.save'),
    close: t('slack.modal.cancel'),
    privateMetadata: writeMetadata(metadata),
    blocks: [
      section(`${severityTag(escalation.severity)} *#${escalation.number}* ${escapeText(escalation.summary.slice(0, 500))}`),
      input({
        blockId: fieldIds.escalationNote,
        label: t('crisis.modal.note'),
        hint: t('crisis.modal.noteHint'),
        element: textInput({ actionId: fieldIds.escalationNote, multiline: true, maxLength: 2000 }),
      }),
    ],
  });
}

export const escalationNoteModalView: SlackViewDefinition = {
  callbackId: callbackIds.escalationNoteModal,
  errorBlockId: fieldIds.escalationNote,
  async submit({ deps, view, metadata, person, t }): Promise<ViewOutcome> {
    const escalationId = metadata.crisis?.escalationId;
    if (!escalationId) throw new Error('note modal without its escalation');
    const note = readText(view, fieldIds.escalationNote);
    if (!note) return { kind: 'errors', errors: { [fieldIds.escalationNote]: t('crisis.modal.noteRequired') } };
    await requirePermission(deps.ctx, metadata.brandId, person.id, 'escalation.note');
    // The note goes in the alert's thread: Slack calls, so after the modal has closed.
    return { kind: 'close', after: async () => void (await addEscalationNote(deps.ctx, { brandId: metadata.brandId, actorId: person.id, escalationId, note })) };
  },
};
