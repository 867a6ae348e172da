/** Goals and their progress. */
export const goals = {
  'goal.targetNotPositive': 'A goal’s target must be above zero (got {target}).',
  'goal.percentOver100': '{metric} is a percentage: the target must be 100 or less (got {target}).',
  'goal.deadlineInPast': 'The deadline {deadline} is already past (today is {today} in the brand’s time zone).',
  'goal.notFound': 'No goal #{goal} on this brand. `/goals` lists them.',
  'goal.alreadyArchived': 'Goal #{goal} is already archived.',
} as const;
