import { advanceLeadAction } from './actions/advanceLead.js';
import { approvePostAction } from './actions/approvePost.js';
import { draftReplyAction } from './actions/draftReply.js';
import { escalateInteractionAction } from './actions/escalateInteraction.js';
import { homeLogAction, homePlanAction, homeRefreshAction } from './actions/homeButtons.js';
import { markRespondedAction } from './actions/markResponded.js';
import { planNetworkChangedAction } from './actions/planNetworkChanged.js';
import { rejectPostAction } from './actions/rejectPost.js';
import { requestChangesAction } from './actions/requestChanges.js';
import { slackCommands } from './commands/registry.js';
import { logMessageShortcut } from './shortcuts/logMessage.js';
import { planPostShortcut } from './shortcuts/planPost.js';
import type { SlackActionDefinition, SlackShortcutDefinition, SlackViewDefinition } from './turns.js';
import { decisionNoteModalView } from './views/decisionNoteModal.js';
import { goalModalView } from './views/goalModal.js';
import { logModalView } from './views/logModal.js';
import { metricsModalView } from './views/metricsModal.js';
import { planModalView } from './views/planModal.js';

/**
 * Everything Tandem answers in Slack, listed by hand: what is not here is not wired, and
 * the manifest is generated from the same lists. Issue 5 swaps the Escalate handler here.
 */
export const slackActions: readonly SlackActionDefinition[] = [
  approvePostAction,
  requestChangesAction,
  rejectPostAction,
  escalateInteractionAction,
  markRespondedAction,
  draftReplyAction,
  advanceLeadAction,
  planNetworkChangedAction,
  homePlanAction,
  homeLogAction,
  homeRefreshAction,
];

export const slackViews: readonly SlackViewDefinition[] = [goalModalView, planModalView, logModalView, metricsModalView, decisionNoteModalView];

export const slackShortcuts: readonly SlackShortcutDefinition[] = [planPostShortcut, logMessageShortcut];

export { slackCommands };
