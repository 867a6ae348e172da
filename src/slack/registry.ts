import { acknowledgeEscalationAction } from './actions/acknowledgeEscalation.js';
import { addEscalationNoteAction } from './actions/addEscalationNote.js';
import { advanceLeadAction } from './actions/advanceLead.js';
import { approvePostAction } from './actions/approvePost.js';
import { draftReplyAction } from './actions/draftReply.js';
import { escalateInteractionAction } from './actions/escalateInteraction.js';
import { homeLogAction, homePlanAction, homeRefreshAction } from './actions/homeButtons.js';
import { liftFreezeAction } from './actions/liftFreeze.js';
import { markRespondedAction } from './actions/markResponded.js';
import { planNetworkChangedAction } from './actions/planNetworkChanged.js';
import { rejectPostAction } from './actions/rejectPost.js';
import { requestChangesAction } from './actions/requestChanges.js';
import { revisePostAction } from './actions/revisePost.js';
import { resolveEscalationAction } from './actions/resolveEscalation.js';
import { showTimelineAction } from './actions/showTimeline.js';
import { slackCommands } from './commands/registry.js';
import { escalateMessageShortcut } from './shortcuts/escalateMessage.js';
import { logMessageShortcut } from './shortcuts/logMessage.js';
import { planPostShortcut } from './shortcuts/planPost.js';
import type { SlackActionDefinition, SlackShortcutDefinition, SlackViewDefinition } from './turns.js';
import { decisionNoteModalView } from './views/decisionNoteModal.js';
import { draftReplyModalView } from './views/draftReplyModal.js';
import { editPostModalView } from './views/editPostModal.js';
import { escalateModalView } from './views/escalateModal.js';
import { escalationNoteModalView } from './views/escalationNoteModal.js';
import { goalModalView } from './views/goalModal.js';
import { logModalView } from './views/logModal.js';
import { metricsModalView } from './views/metricsModal.js';
import { planModalView } from './views/planModal.js';
import { resolveModalView } from './views/resolveModal.js';

/**
 * Everything Tandem answers in Slack, listed by hand: what is not here is not wired, and
 * the manifest is generated from the same lists.
 */
export const slackActions: readonly SlackActionDefinition[] = [
  approvePostAction,
  requestChangesAction,
  rejectPostAction,
  revisePostAction,
  escalateInteractionAction,
  acknowledgeEscalationAction,
  addEscalationNoteAction,
  resolveEscalationAction,
  showTimelineAction,
  liftFreezeAction,
  markRespondedAction,
  draftReplyAction,
  advanceLeadAction,
  planNetworkChangedAction,
  homePlanAction,
  homeLogAction,
  homeRefreshAction,
];

export const slackViews: readonly SlackViewDefinition[] = [goalModalView, planModalView, editPostModalView, logModalView, metricsModalView, decisionNoteModalView, draftReplyModalView, escalateModalView, escalationNoteModalView, resolveModalView];

export const slackShortcuts: readonly SlackShortcutDefinition[] = [planPostShortcut, logMessageShortcut, escalateMessageShortcut];

export { slackCommands };
