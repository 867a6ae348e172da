import { translate } from '../../src/i18n/catalog.js';
import { slackEventsPath } from '../../src/slack/app.js';
import { commandNames, eventNames } from '../../src/slack/ids.js';
import { slackCommands, slackShortcuts } from '../../src/slack/registry.js';

/**
 * Tandem's Slack app manifest, built from the same registry the app listens with, so a
 * command or shortcut cannot be wired without being declared (or declared without a
 * listener). Paste the output at api.slack.com/apps → Create New App → From a manifest.
 */

/** Bot scopes, each for what Tandem does with it. */
export const botScopes = [
  'commands', // the slash commands
  'chat:write', // approval requests, cards, ephemeral answers, updates in place
  'chat:write.public', // post approval requests in a public channel without being invited first
  'users:read', // names of people given a role by a bare mention
  'channels:read', // conversations.info on public channels
  'groups:read', // conversations.info on private channels Tandem was invited to
  'im:write', // answers in the app's direct message (App Home buttons, modals opened from Home)
  'files:write', // digest charts (files.getUploadURLExternal / completeUploadExternal)
  'channels:history', // a digest retry checks whether an earlier attempt posted it (conversations.history)
  'groups:history', // the same in a private digest channel
] as const;

export const botEvents = [eventNames.appHomeOpened] as const;

export type ManifestOptions = {
  /** Public base URL Slack posts to, e.g. https://tandem.example.com; ignored in Socket Mode. */
  baseUrl?: string;
  socketMode?: boolean;
  name?: string;
};

function en(key: Parameters<typeof translate>[1]): string {
  return translate('en', key);
}

export function buildSlackManifest(options: ManifestOptions = {}) {
  const socketMode = options.socketMode ?? false;
  if (!socketMode && !options.baseUrl) throw new Error('a base URL is needed (or Socket Mode)');
  const requestUrl = socketMode ? undefined : new URL(slackEventsPath, options.baseUrl).toString();
  const name = options.name ?? 'Tandem';
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: 'The shared desk of a brand’s social media team: plans, approvals, goals, interactions.',
      long_description:
        'Tandem runs the daily work of a brand’s social media team in Slack. Community managers plan posts with /plan and log comments, DMs, mentions and reviews with /log; strategists approve with one click, set goals with /goal and follow the numbers recorded with /metrics. App Home shows each person what their role has to act on.',
      background_color: '#1d3557',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: name, always_online: true },
      shortcuts: slackShortcuts.map((shortcut) => ({
        name: en(shortcut.nameKey),
        type: shortcut.type === 'shortcut' ? 'global' : 'message',
        callback_id: shortcut.callbackId,
        description: en(shortcut.descriptionKey),
      })),
      slash_commands: slackCommands().map((command) => ({
        command: commandNames[command.key],
        ...(requestUrl ? { url: requestUrl } : {}),
        description: en(command.descriptionKey),
        usage_hint: en(command.usageHintKey),
        // Mentions arrive as <@U123> and <#C123|name>: ids, which survive renames.
        should_escape: true,
      })),
    },
    oauth_config: { scopes: { bot: [...botScopes] } },
    settings: {
      event_subscriptions: { ...(requestUrl ? { request_url: requestUrl } : {}), bot_events: [...botEvents] },
      interactivity: { is_enabled: true, ...(requestUrl ? { request_url: requestUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: false,
    },
  };
}

export type SlackManifest = ReturnType<typeof buildSlackManifest>;
