import { requirePermission } from '../../core/brands.js';
import { mentionChannel, quote } from '../blocks/format.js';
import { shortcutIds } from '../ids.js';
import { unescapeMentions } from '../parse/mentions.js';
import type { SlackShortcutDefinition } from '../turns.js';
import { buildEscalateModal } from '../views/escalateModal.js';

/** How much of the message the summary starts with; the alert links to the whole message. */
const summaryChars = 1500;

/**
 * "Escalate to strategist" on any message (a pasted complaint, a screenshot thread): the
 * escalate form with the message as its summary, and the alert links back to the message.
 * No severity is guessed here: reading the text would outlast the 3 s a form has to open.
 */
export const escalateMessageShortcut: SlackShortcutDefinition = {
  callbackId: shortcutIds.escalateMessage,
  type: 'message_action',
  nameKey: 'crisis.shortcut.name',
  descriptionKey: 'crisis.shortcut.description',
  async run(turn) {
    const { deps, place, message } = turn;
    await requirePermission(deps.ctx, place.brand.id, place.person.id, 'escalation.raise');
    const text = message ? unescapeMentions(message.text).trim() : '';
    const summary = [...text].length > summaryChars ? `${[...text].slice(0, summaryChars - 1).join('')}…` : text;
    const about = message ? [turn.t('crisis.modal.fromMessage', { channel: mentionChannel(message.channelId) }), summary ? quote(summary.slice(0, 500)) : ''].filter(Boolean).join('\n') : undefined;
    await turn.openModal(
      buildEscalateModal(
        turn.t,
        {
          brandId: place.brand.id,
          channelId: message?.channelId ?? null,
          crisis: { raisedVia: 'slack_shortcut', ...(message ? { message: { channelId: message.channelId, ts: message.ts, userId: message.user } } : {}) },
        },
        { severity: 'sev2', ...(summary ? { summary } : {}), ...(about ? { about } : {}) },
      ),
    );
  },
};
