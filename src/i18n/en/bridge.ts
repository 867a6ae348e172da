/** Discord news in Slack (moderation cases, reports, automod bursts) and linking a Discord server to a brand. */
export const bridge = {
  'bridge.caseMember': '🛡️ *Case #{number}* · {action} {target} · by {moderator}{reason}',
  'bridge.caseChannel': '🛡️ *Case #{number}* · {action} in a channel · by {moderator}{reason}',
  'bridge.automod': 'automod ({rule})',
  'bridge.aModerator': 'a moderator',
  'bridge.aMember': 'a member',
  'bridge.report': '🚩 *New report* on a message: “{content}” · <{link}|open in Discord>',
  'bridge.burst': '🚨 *Automod burst* · escalation #{number} raised: {summary}{where}',
  'bridge.burstAlert': ' The alert is in {channel}.',
  'bridge.batchTitle': '🛡️ Discord: {count} moderation events',
  'bridge.more': 'and {count} more',

  'discordLink.code': '🔗 Link code for *{brand}*: `{code}` (works once, until {until}).',
  'discordLink.how': 'In Discord, a server admin runs `/setup code:{code}` to link the server to this brand. Then /escalate there pages the strategists here, and moderation news comes to the community channel.',
  'discordLink.parse.what': '`/tandem discord` takes `link` (got “{got}”).',
} as const;
