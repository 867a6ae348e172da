import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTandem, type Tandem } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { buildSlashCommand, sendToApp, startFakeSlackApi, type FakeSlackApi } from '../fakes/slack.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createRecordingLog, textOf } from './harness.js';

/** Tandem as main.ts starts it: with Slack credentials, Bolt answers on Tandem's own port. */
describe('Slack wired into Tandem', () => {
  let slack: FakeSlackApi;
  let database: TestDatabase;
  let tandem: Tandem;
  let dataDir: string;
  const log = createRecordingLog();

  beforeAll(async () => {
    // The stand-in first: Bolt verifies the token with auth.test while starting.
    slack = await startFakeSlackApi({ acceptedTokens: ['xoxb-wired'] });
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'tandem-slack-wiring-'));
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: 'xoxb-wired',
      SLACK_SIGNING_SECRET: 'wired-secret',
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'silent',
    });
    tandem = await startTandem(config, log, { jobs: [] });
  });
  afterAll(async () => {
    await tandem.stop();
    await slack.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('verified the bot token with auth.test and reports Slack connected', () => {
    expect(slack.callsTo('auth.test').map((c) => c.token)).toContain('xoxb-wired');
    expect(tandem.adapters.find((a) => a.name === 'slack')?.status()).toBe('connected');
  });

  it('refuses to start with a bot token Slack does not accept, naming the setting', async () => {
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, DATABASE_URL: database.url, SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: slack.apiUrl, LOG_LEVEL: 'silent' });
    await expect(startTandem(config, createRecordingLog(), { jobs: [] })).rejects.toThrow('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
  });

  it('serves /healthz and POST /slack/events on the same port', async () => {
    const health = await fetch(`http://127.0.0.1:${tandem.http.port}/healthz`);
    expect(health.status).toBe(200);
    const since = slack.mark();
    const request = buildSlashCommand(slack, { command: '/tandem', text: 'help', user: { id: 'UWIRED01', name: 'wired' }, channelId: 'C0WIRED' });
    const answer = await sendToApp(`http://127.0.0.1:${tandem.http.port}/slack/events`, 'wired-secret', request);
    expect(answer.status).toBe(200);
    const reply = await slack.waitForResponse({ since });
    expect(textOf(reply.body)).toContain('Your role: *admin*');
  });
});
