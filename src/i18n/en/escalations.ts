/** Escalations (crises) and the publishing freeze. */
export const escalations = {
  'escalation.notFound': 'There is no escalation {id} in this brand.',
  'escalation.alreadyAcknowledged': 'Escalation #{number} was already acknowledged by {who} at {when}.',
  'escalation.alreadyResolved': 'Escalation #{number} was already resolved by {who} at {when}.',
  'publishing.notFrozen': 'Publishing for {brand} is not frozen: there is nothing to lift.',
} as const;
