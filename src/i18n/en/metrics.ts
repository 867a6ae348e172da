/** Daily metric snapshots and series. */
export const metrics = {
  'metrics.noValues': 'Give at least one number to record: {metrics}.',
  'metrics.negative': '{metric} cannot be negative (got {value}).',
  'metrics.futureDate': '{date} has not happened yet (today is {today} in the brand’s time zone).',
  'metrics.badRange': 'The range starts after it ends ({from} → {to}).',
} as const;
