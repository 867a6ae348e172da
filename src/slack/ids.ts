/**
 * Every id Slack sends back to Tandem: slash command names, action_ids, callback_ids and
 * block_ids. Listeners, block builders, the manifest and the tests all read them from here,
 * so renaming one cannot leave a button that nobody listens to.
 */

export const commandNames = {
  tandem: '/tandem',
  goal: '/goal',
  plan: '/plan',
  approve: '/approve',
  log: '/log',
  metrics: '/metrics',
  escalate: '/escalate',
  digest: '/digest',
} as const;
export type CommandKey = keyof typeof commandNames;

export const actionIds = {
  approvePost: 'post_approve',
  requestChanges: 'post_request_changes',
  rejectPost: 'post_reject',
  /** On the author's notice of a decision: opens the post's edit form. */
  revisePost: 'post_revise',
  escalateInteraction: 'interaction_escalate',
  /** The buttons on a crisis alert (and the digest's shortcuts to them); value: escalationButtonValue. */
  acknowledgeEscalation: 'escalation_acknowledge',
  addEscalationNote: 'escalation_note',
  resolveEscalation: 'escalation_resolve',
  showEscalationTimeline: 'escalation_timeline',
  liftFreeze: 'escalation_lift_freeze',
  markResponded: 'interaction_responded',
  draftReply: 'interaction_draft_reply',
  advanceLead: 'interaction_lead',
  /** The network select of the plan modal: changing it updates the copy's length limit. */
  planNetwork: 'plan_network',
  /** Buttons on App Home that open a modal. */
  homePlan: 'home_plan',
  homeLog: 'home_log',
  homeRefresh: 'home_refresh',
} as const;

export const callbackIds = {
  goalModal: 'goal_modal',
  planModal: 'plan_modal',
  editPostModal: 'post_edit_modal',
  logModal: 'log_modal',
  metricsModal: 'metrics_modal',
  decisionNoteModal: 'post_decision_note_modal',
  draftReplyModal: 'interaction_draft_reply_modal',
  escalateModal: 'escalate_modal',
  escalationNoteModal: 'escalation_note_modal',
  resolveModal: 'escalation_resolve_modal',
} as const;

export const shortcutIds = {
  planPost: 'plan_post_shortcut',
  logMessage: 'log_message_shortcut',
  escalateMessage: 'escalate_message_shortcut',
} as const;

/** Block and element ids inside the modals: the keys of `view.state.values`. */
export const fieldIds = {
  goalMetric: 'goal_metric',
  goalTarget: 'goal_target',
  goalNetwork: 'goal_network',
  goalDeadline: 'goal_deadline',
  planNetwork: 'plan_network',
  planDate: 'plan_date',
  planTime: 'plan_time',
  planCopy: 'plan_copy',
  planCampaign: 'plan_campaign',
  logNetwork: 'log_network',
  logKind: 'log_kind',
  logAuthor: 'log_author',
  logText: 'log_text',
  logLead: 'log_lead',
  metricsNetwork: 'metrics_network',
  metricsDate: 'metrics_date',
  decisionNote: 'decision_note',
  draftReplyText: 'draft_reply_text',
  escalateSeverity: 'escalate_severity',
  escalateSummary: 'escalate_summary',
  /** Optional in the escalate modal: add the interaction to an open escalation instead of raising one. */
  escalateInto: 'escalate_into',
  escalationNote: 'escalation_note',
  resolution: 'escalation_resolution',
} as const;

/** Block ids of messages, so an update can find (and tests can click) their parts. */
export const blockIds = {
  postActions: 'post_actions',
  interactionActions: 'interaction_actions',
  homeActions: 'home_actions',
  /** The digest's shortcut buttons, one block per escalation, interaction or post (suffixed with its id). */
  digestEscalation: 'digest_escalation',
  digestInteraction: 'digest_interaction',
  digestPending: 'digest_pending',
  escalationActions: 'escalation_actions',
} as const;

export const eventNames = {
  appHomeOpened: 'app_home_opened',
} as const;
