/** Campaigns, budgets and spend. */
export const campaigns = {
  'campaign.negativeBudget': 'A budget cannot be negative (got {budget}).',
  'campaign.endsBeforeStart': 'The campaign ends ({endsOn}) before it starts ({startsOn}).',
  'campaign.nameTaken': 'This brand already has a campaign called "{name}". Pick another name.',
  'campaign.spendNotPositive': 'Spend to add must be above zero (got {amount}).',
  'campaign.notFound': 'No campaign #{campaign} on this brand.',
} as const;
