import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { botScopes, buildSlackManifest } from '../../commands/slack/manifest.js';
import { commandNames, eventNames } from '../../src/slack/ids.js';
import { slackCommands, slackShortcuts } from '../../src/slack/registry.js';

const run = promisify(execFile);

describe('Slack app manifest', () => {
  const manifest = buildSlackManifest({ baseUrl: 'https://tandem.example.com/' });

  it('declares every command Tandem listens to, escaped, posting to /slack/events under the base URL', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(Object.values(commandNames).sort());
    expect(slackCommands()).toHaveLength(Object.keys(commandNames).length);
    for (const command of manifest.features.slash_commands) {
      expect(command).toMatchObject({ url: 'https://tandem.example.com/slack/events', should_escape: true });
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('declares every shortcut, interactivity and the App Home event on the same endpoint', () => {
    expect(manifest.features.shortcuts.map((s) => s.callback_id).sort()).toEqual(slackShortcuts.map((s) => s.callbackId).sort());
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://tandem.example.com/slack/events' });
    expect(manifest.settings.event_subscriptions).toEqual({ request_url: 'https://tandem.example.com/slack/events', bot_events: [eventNames.appHomeOpened] });
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('asks for the scopes of the Web API methods Tandem calls', () => {
    const needed = { 'chat.postMessage': 'chat:write', 'chat.update': 'chat:write', 'chat.postEphemeral': 'chat:write', 'users.info': 'users:read', 'conversations.info': 'channels:read' };
    for (const scope of Object.values(needed)) expect(botScopes).toContain(scope);
    expect(botScopes).toContain('commands');
  });

  it('in Socket Mode has no request URLs', () => {
    const socket = buildSlackManifest({ socketMode: true });
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain('request_url');
    expect(JSON.stringify(socket)).not.toContain('"url"');
  });

  it('prints with `npm run slack:manifest -- --url <base>`, and says how to use it without one', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'commands/slack/printManifest.ts', '--url', 'https://example.com']);
    expect(JSON.parse(stdout)).toEqual(buildSlackManifest({ baseUrl: 'https://example.com' }));
    await expect(run(process.execPath, ['--import', 'tsx', 'commands/slack/printManifest.ts'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--url') });
  });
});
