/** Moderation cases, automod rules, reports, guild links (the core's messages). */
export const moderation = {
  'moderation.badDuration': '"{text}" is not a duration. Use for example 10m, 1h, 1d or 1h30m.',
  'moderation.durationTooLong': '"{text}" is too long: the most is {max}.',
  'moderation.caseNotFound': 'There is no case #{number} in this server.',
  'automod.badSetting': '"{text}" is not a valid setting for the {rule} rule. Example: {example}.',
  'automod.tooManyPunishments': 'At most {max} punishment steps: remove one first (action: off).',
  'report.notFound': 'Report #{id} does not exist here.',
  'report.alreadyHandled': 'Report #{id} was already handled by <@{handledBy}> ({status}).',
  'guild.linkCodeUnknown': 'That link code does not exist. In Slack, a brand admin runs `/tandem discord link` to get one.',
  'guild.linkCodeUsed': 'That link code was already used. Ask for a new one with `/tandem discord link` in Slack.',
  'guild.linkCodeExpired': 'That link code has expired (they last 30 minutes). Ask for a new one with `/tandem discord link` in Slack.',
  'guild.setupNeeded': 'This server is not linked to a brand yet. A server admin can run `/setup code:…` with a code from `/tandem discord link` in Slack.',
} as const;
