/** Interactions, replies and response times, leads. */
export const interactions = {
  'interaction.notFound': 'There is no interaction #{id} in this brand.',
  'interaction.inFuture': '{when} is in the future: check the date and time.',
  'interaction.respondedBeforeReceived': 'The reply cannot be earlier than the interaction itself (received {received}).',
  'interaction.alreadyResponded': 'Already answered by {who} at {when}.',
  'lead.illegalTransition': 'A lead cannot go from {from} to {to}. From {from} it can go to: {allowed}.',
} as const;
