import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTandem, type Tandem } from '../../src/app.js';
import { ConfigError, isPlaygroundOn, loadConfig } from '../../src/config.js';
import { slackChannels, slackPeople } from '../../src/playground/cast.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../src/playground/slack/fakeSlackApi.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import { createRecordingLog } from './recordingLog.js';

test('the playground is on for a newcomer with no tokens, off once a platform is set up, and PLAYGROUND decides', () => {
  expect(isPlaygroundOn(loadConfig({}))).toBe(true);
  expect(isPlaygroundOn(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBe(false);
  expect(isPlaygroundOn(loadConfig({ DISCORD_TOKEN: 'd' }))).toBe(false);
  expect(isPlaygroundOn(loadConfig({ DISCORD_TOKEN: 'd', PLAYGROUND: '1' }))).toBe(true);
  expect(isPlaygroundOn(loadConfig({ PLAYGROUND: '0' }))).toBe(false);
  expect(isPlaygroundOn(loadConfig({ PLAYGROUND: '' }))).toBe(true);
  expect(() => loadConfig({ PLAYGROUND: 'yes' })).toThrow(ConfigError);
});

/** Reads one Server-Sent Events stream until an event of `type` arrives. */
async function nextEvent(url: string, type: string, trigger: () => Promise<unknown>): Promise<string> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no stream');
  await trigger();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before a ${type} event: ${text}`);
      text += decoder.decode(value, { stream: true });
      const frame = text.split('\n\n').find((f) => f.startsWith(`event: ${type}`));
      if (frame) return frame;
    }
  } finally {
    controller.abort();
  }
}

describe('the playground server', () => {
  let database: TestDatabase;
  let tandem: Tandem;
  const log = createRecordingLog();
  const url = (path: string) => `http://127.0.0.1:${tandem.http.port}${path}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    tandem = await startTandem(loadConfig({ DATABASE_URL: database.url, PORT: '0' }), log, { jobs: [] });
  });
  afterAll(async () => {
    await tandem.stop();
    await database.close();
  });

  test('serves the page and its files at /, and nothing outside them', async () => {
    const page = await fetch(url('/'));
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Tandem Playground');
    const script = await fetch(url('/playground/web/app.js'));
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(url('/playground/web/../../../package.json'))).status).toBe(404);
    expect((await fetch(url('/playground/web/%2e%2e/%2e%2e/config.ts'))).status).toBe(404);
    expect(log.lines.some((line) => line.msg.startsWith(`Playground: http://localhost:${tandem.http.port}/`))).toBe(true);
  });

  test('says which platforms it plays', async () => {
    expect(await (await fetch(url('/playground/api/status'))).json()).toEqual({ slack: 'played', discord: 'played', brand: 'Acme Coffee' });
  });

  test('a message posted in the Slack pane reaches every open tab as a live "slack" event', async () => {
    const frame = await nextEvent(url('/playground/api/events'), 'slack', () =>
      fetch(url('/playground/api/slack/send'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: slackPeople.admin.id, channelId: slackChannels.social.id, text: 'Morning all!' }) }),
    );
    expect(frame).toContain('"type":"slack"');
    const snapshot = (await (await fetch(url(`/playground/api/slack?user=${slackPeople.strategist.id}`))).json()) as { channels: { name: string; messages: { text: string; author: { name: string } }[] }[] };
    const social = snapshot.channels.find((c) => c.name === 'social');
    expect(social?.messages.map((m) => [m.author.name, m.text])).toContainEqual([slackPeople.admin.realName, 'Morning all!']);
  });

  test('an unknown slash command gets Slack\'s own answer, only for the person who typed it', async () => {
    await fetch(url('/playground/api/slack/send'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: slackPeople.admin.id, channelId: slackChannels.crisis.id, text: '/nope now' }) });
    const read = async (user: string) => ((await (await fetch(url(`/playground/api/slack?user=${user}`))).json()) as { channels: { name: string; messages: { text: string; ephemeral: boolean }[] }[] }).channels.find((c) => c.name === 'crisis')?.messages ?? [];
    expect(await read(slackPeople.admin.id)).toEqual([expect.objectContaining({ text: expect.stringContaining('/nope is not a valid command'), ephemeral: true })]);
    expect(await read(slackPeople.strategist.id)).toEqual([]);
  });

  test('refuses a person it does not know and a malformed body with a 400', async () => {
    const post = (body: unknown) => fetch(url('/playground/api/slack/send'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ userId: 'UNOBODY', channelId: slackChannels.social.id, text: 'hi' })).status).toBe(400);
    expect((await fetch(url('/playground/api/slack/send'), { method: 'POST', body: '{not json' })).status).toBe(400);
  });

  test('stopping Tandem with a browser tab still listening does not hang', async () => {
    const listening = await fetch(url('/playground/api/events'));
    expect(listening.status).toBe(200);
    const other = await startTandem(loadConfig({ DATABASE_URL: database.url, PORT: '0' }), createRecordingLog(), { jobs: [] });
    const stream = await fetch(`http://127.0.0.1:${other.http.port}/playground/api/events`);
    const started = Date.now();
    await other.stop();
    expect(Date.now() - started).toBeLessThan(4_000);
    await stream.body?.cancel().catch(() => {});
    await listening.body?.cancel();
  });

  test('no errors were logged', () => {
    expect(log.errors()).toEqual([]);
  });
});

describe('with Slack connected for real', () => {
  let database: TestDatabase;
  let slack: FakeSlackApi;
  let tandem: Tandem;

  beforeAll(async () => {
    slack = await startFakeSlackApi({ acceptedTokens: ['xoxb-real'] });
    database = await createTestDatabase();
    const config = loadConfig({ DATABASE_URL: database.url, PORT: '0', PLAYGROUND: '1', SLACK_BOT_TOKEN: 'xoxb-real', SLACK_SIGNING_SECRET: 'real-secret', SLACK_API_URL: slack.apiUrl });
    tandem = await startTandem(config, createRecordingLog(), { jobs: [] });
  });
  afterAll(async () => {
    await tandem.stop();
    await slack.close();
    await database.close();
  });

  test('the playground leaves Slack alone and still plays Discord', async () => {
    expect(await (await fetch(`http://127.0.0.1:${tandem.http.port}/playground/api/status`)).json()).toMatchObject({ slack: 'real', discord: 'played' });
    expect((await fetch(`http://127.0.0.1:${tandem.http.port}/playground/api/slack`)).status).toBe(404);
    expect(tandem.adapters.map((a) => a.name)).toEqual(['slack']);
  });
});
