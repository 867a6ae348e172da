import { requirePermission } from '../../core/brands.js';
import { shortcutIds } from '../ids.js';
import { unescapeMentions } from '../parse/mentions.js';
import type { SlackShortcutDefinition } from '../turns.js';
import { buildLogModal } from '../views/logModal.js';

/** "Log as interaction" on a message (a pasted comment, a forwarded DM): the log modal, prefilled. */
export const logMessageShortcut: SlackShortcutDefinition = {
  callbackId: shortcutIds.logMessage,
  type: 'message_action',
  nameKey: 'slack.shortcut.logMessage.name',
  descriptionKey: 'slack.shortcut.logMessage.description',
  async run(turn) {
    const { deps, place } = turn;
    await requirePermission(deps.ctx, place.brand.id, place.person.id, 'interaction.log');
    const text = turn.message ? unescapeMentions(turn.message.text).slice(0, 3000) : undefined;
    await turn.openModal(buildLogModal(turn.t, { brandId: place.brand.id, channelId: turn.message?.channelId ?? null }, { text }));
  },
};
