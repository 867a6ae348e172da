import type { ModalView } from '@slack/types';
import { requirePermission } from '../../core/brands.js';
import type { OpenEscalation } from '../../core/escalations.js';
import { severitySchema, type SeverityName } from '../../core/escalationViews.js';
import { input, modal, option, section, staticSelect, textInput } from '../blocks/kit.js';
import { severities, severityEmoji } from '../crisis/labels.js';
import { addToEscalation, raiseFromSlack } from '../crisis/raiseFromSlack.js';
import { callbackIds, fieldIds } from '../ids.js';
import type { SlackViewDefinition, Translate, ViewOutcome } from '../turns.js';
import { writeMetadata, type ModalMetadata } from './metadata.js';
import { readSelected, readText } from './state.js';

export type EscalatePrefill = {
  severity: SeverityName;
  summary?: string;
  /** What is being escalated (an interaction, a message), shown above the fields. */
  about?: string;
  /** Open escalations an interaction can join instead: one crisis gathers many comments. */
  open?: readonly Pick<OpenEscalation, 'id' | 'number' | 'severity' | 'summary'>[];
};

/** The summary a strategist reads first; the core takes up to 2000 characters. */
const summaryMax = 2000;

export function buildEscalateModal(t: Translate, metadata: ModalMetadata, prefill: EscalatePrefill): ModalView {
  const options = severities.map((severity) => option(`${severityEmoji[severity]} ${t(`crisis.severity.${severity}`)}`, severity));
  const open = prefill.open ?? [];
  return modal({
    callbackId: callbackIds.escalateModal,
    title: t('crisis.modal.escalateTitle'),
    submit: t('crisis.modal.escalateSubmit'),
    close: t('slack.modal.cancel'),
    privateMetadata: writeMetadata(metadata),
    blocks: [
      ...(prefill.about ? [section(prefill.about)] : []),
      ...(open.length
        ? [
            input({
              blockId: fieldIds.escalateInto,
              label: t('crisis.modal.addTo'),
              hint: t('crisis.modal.addToHint'),
              optional: true,
              element: staticSelect({
                actionId: fieldIds.escalateInto,
                placeholder: t('crisis.modal.addToPlaceholder'),
                options: open.map((e) => option(`${severityEmoji[e.severity]} #${e.number} ${e.summary}`, String(e.id))),
              }),
            }),
          ]
        : []),
      input({
        blockId: fieldIds.escalateSeverity,
        label: t('crisis.modal.severity'),
        hint: t('crisis.modal.severityHint'),
        element: staticSelect({ actionId: fieldIds.escalateSeverity, placeholder: t('crisis.modal.severity'), options, initial: prefill.severity }),
      }),
      input({
        blockId: fieldIds.escalateSummary,
        label: t('crisis.modal.summary'),
        hint: t('crisis.modal.summaryHint'),
        element: textInput({ actionId: fieldIds.escalateSummary, multiline: true, maxLength: summaryMax, ...(prefill.summary ? { initial: prefill.summary.slice(0, summaryMax) } : {}) }),
      }),
    ],
  });
}

/**
 * Submitting raises the escalation (or adds the interaction to the open one picked) after
 * the modal closed: posting the alert and paging takes Slack calls, and Slack waits 3 s
 * for the modal's answer. What can be refused at once (a missing summary, the role) is
 * refused in the modal.
 */
export const escalateModalView: SlackViewDefinition = {
  callbackId: callbackIds.escalateModal,
  errorBlockId: fieldIds.escalateSummary,
  async submit({ deps, view, metadata, place, person, t }): Promise<ViewOutcome> {
    const crisis = metadata.crisis ?? {};
    const into = Number(readSelected(view, fieldIds.escalateInto)) || null;
    if (into && crisis.interactionId) {
      await requirePermission(deps.ctx, place.brand.id, person.id, 'escalation.note');
      const interactionId = crisis.interactionId;
      return { kind: 'close', after: async (tell) => tell(await addToEscalation(deps, place, { escalationId: into, interactionId })) };
    }
    const severity = severitySchema.safeParse(readSelected(view, fieldIds.escalateSeverity));
    const summary = readText(view, fieldIds.escalateSummary);
    const errors: Record<string, string> = {};
    if (!severity.success) errors[fieldIds.escalateSeverity] = t('crisis.modal.severityRequired');
    if (!summary) errors[fieldIds.escalateSummary] = t('crisis.modal.summaryRequired');
    if (!severity.success || !summary) return { kind: 'errors', errors };
    await requirePermission(deps.ctx, place.brand.id, person.id, 'escalation.raise');
    return {
      kind: 'close',
      after: async (tell) => {
        const answer = await raiseFromSlack(deps, place, {
          severity: severity.data,
          summary,
          raisedVia: crisis.raisedVia ?? 'slack_button',
          ...(crisis.interactionId ? { interactionId: crisis.interactionId } : {}),
          ...(crisis.message ? { message: crisis.message } : {}),
        });
        await tell(answer);
      },
    };
  },
};
