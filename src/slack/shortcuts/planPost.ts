import { openPlanModal } from '../commands/plan.js';
import { shortcutIds } from '../ids.js';
import type { SlackShortcutDefinition } from '../turns.js';

/** "Plan a post" from Slack's shortcut menu, anywhere: the plan modal for the workspace's brand. */
export const planPostShortcut: SlackShortcutDefinition = {
  callbackId: shortcutIds.planPost,
  type: 'shortcut',
  nameKey: 'slack.shortcut.planPost.name',
  descriptionKey: 'slack.shortcut.planPost.description',
  run: (turn) => openPlanModal(turn, null),
};
