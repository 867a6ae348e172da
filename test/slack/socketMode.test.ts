import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifier } from '../../src/core/notifier.js';
import { buildSlackApp, type SlackApp } from '../../src/slack/app.js';
import { buildAppHomeOpened, buildSlashCommand, startFakeSlackApi, type FakeSlackApi } from '../fakes/slack.js';
import { buildTestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createRecordingLog, textOf } from './harness.js';

/** With an app-level token Tandem connects out over a socket: no public URL needed. */
describe('Slack Socket Mode', () => {
  let slack: FakeSlackApi;
  let database: TestDatabase;
  let app: SlackApp;
  const log = createRecordingLog();

  beforeAll(async () => {
    slack = await startFakeSlackApi({ acceptedTokens: ['xoxb-socket'] });
    database = await createTestDatabase();
    const notifier = createNotifier((error) => log.error({ err: error }, 'listener failed'));
    const ctx = { ...buildTestCtx(database.db), notify: notifier, log };
    app = await buildSlackApp({ ctx, subscribe: notifier.subscribe, log, botToken: 'xoxb-socket', signingSecret: 'unused-in-socket-mode', appToken: 'xapp-1-A0TANDEM-socket', apiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await app.stop();
    await slack.close();
    await database.close();
  });

  it('opens the socket with the app-level token and has no HTTP route', async () => {
    await slack.socket.waitForConnection();
    expect(app.mode).toBe('socket');
    expect(app.route).toBeNull();
    expect(app.isConnected()).toBe(true);
    expect(slack.callsTo('apps.connections.open').map((c) => c.token)).toEqual(['xapp-1-A0TANDEM-socket']);
  });

  it('answers a slash command delivered over the socket: acknowledged, then replied on the response_url', async () => {
    const since = slack.mark();
    const { payload } = buildSlashCommand(slack, { command: '/tandem', text: 'help', user: { id: 'USOCKET1', name: 'sock' }, channelId: 'C0SOCK' });
    const ack = await slack.socket.deliver('slash_commands', payload);
    expect(ack).toEqual({});
    const reply = await slack.waitForResponse({ since });
    expect(textOf(reply.body)).toContain('Your role: *admin*');
  });

  it('publishes App Home for an event delivered over the socket', async () => {
    const since = slack.mark();
    await slack.socket.deliver('events_api', buildAppHomeOpened(slack, { user: { id: 'USOCKET1', name: 'sock' } }).payload);
    const published = await slack.waitForCall('views.publish', { since });
    expect(published.args.user_id).toBe('USOCKET1');
    expect(log.entries.filter((e) => e.level === 'error')).toEqual([]);
  });
});
