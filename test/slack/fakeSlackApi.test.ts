import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/slack.js';

/** The stand-in answers Slack's real client the way Slack does. */
describe('Slack Web API stand-in', () => {
  let slack: FakeSlackApi;
  let client: webApi.WebClient;
  beforeAll(async () => {
    slack = await startFakeSlackApi({ acceptedTokens: ['xoxb-good'], channels: [{ id: 'C0GENERAL', name: 'general' }] });
    client = new webApi.WebClient('xoxb-good', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await slack.close();
  });

  it('answers auth.test for the bot, and refuses another token as Slack does', async () => {
    expect(await client.auth.test()).toMatchObject({ ok: true, team_id: 'T0TANDEM', user_id: 'U0TANDEMBOT', bot_id: 'B0TANDEM' });
    const stranger = new webApi.WebClient('xoxb-revoked', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    await expect(stranger.auth.test()).rejects.toMatchObject({ data: { ok: false, error: 'invalid_auth' } });
  });

  it('posts, updates, links and records messages with their blocks', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'hi', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }] });
    expect(posted).toMatchObject({ ok: true, channel: 'C0GENERAL', message: { text: 'hi', bot_id: 'B0TANDEM' } });
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    const call = slack.callsTo('chat.postMessage').at(-1);
    expect(call?.args.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }]);
    await client.chat.update({ channel: 'C0GENERAL', ts: posted.ts ?? '', text: 'hello' });
    expect(slack.workspace.findMessage('C0GENERAL', posted.ts ?? '')?.text).toBe('hello');
    const link = await client.chat.getPermalink({ channel: 'C0GENERAL', message_ts: posted.ts ?? '' });
    expect(link.permalink).toBe(`https://tandem-test.slack.com/archives/C0GENERAL/p${(posted.ts ?? '').replace('.', '')}`);
    await expect(client.chat.update({ channel: 'C0GENERAL', ts: '1.000001', text: 'x' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
  });

  it('opens a modal once per trigger, and refuses a trigger used twice', async () => {
    const trigger = slack.workspace.issueTriggerId('U1');
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'T' }, blocks: [] };
    const opened = await client.views.open({ trigger_id: trigger, view });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), hash: expect.any(String), state: { values: {} } });
    await expect(client.views.open({ trigger_id: trigger, view })).rejects.toMatchObject({ data: { error: 'exchanged_trigger_id' } });
    await expect(client.views.update({ view_id: opened.view?.id ?? '', hash: 'stale', view })).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
  });

  it('knows people and channels', async () => {
    slack.workspace.addUser({ id: 'U0ANA', name: 'ana', realName: 'Ana Ruiz' });
    expect((await client.users.info({ user: 'U0ANA' })).user).toMatchObject({ id: 'U0ANA', real_name: 'Ana Ruiz', profile: { display_name: 'ana' } });
    expect((await client.conversations.info({ channel: 'C0GENERAL' })).channel).toMatchObject({ id: 'C0GENERAL', name: 'general', is_channel: true });
  });

  it('takes a file upload in Slack’s two steps', async () => {
    const upload = await client.files.getUploadURLExternal({ filename: 'digest.png', length: 4 });
    const put = await fetch(upload.upload_url ?? '', { method: 'POST', body: Buffer.from('png!') });
    expect(put.status).toBe(200);
    const done = await client.files.completeUploadExternal({ files: [{ id: upload.file_id ?? '', title: 'Digest' }], channel_id: 'C0GENERAL' });
    expect(done.files?.[0]).toMatchObject({ id: upload.file_id, title: 'Digest' });
    expect(slack.workspace.uploads.get(upload.file_id ?? '')?.bytes?.toString()).toBe('png!');
  });

  it('fails on demand: 500, then answers normally again', async () => {
    slack.failNext('chat.postMessage', { status: 500 });
    await expect(client.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).rejects.toMatchObject({ code: 'slack_webapi_http_error' });
    expect((await client.chat.postMessage({ channel: 'C0GENERAL', text: 'y' })).ok).toBe(true);
  });

  it('serves response_urls five times, replacing the message an action came from', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0GENERAL', text: 'original' });
    const url = slack.createResponseUrl({ kind: 'actions', channel: 'C0GENERAL', user: 'U1', messageTs: posted.ts });
    const post = (body: object) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ replace_original: true, text: 'replaced' })).status).toBe(200);
    expect(slack.workspace.findMessage('C0GENERAL', posted.ts ?? '')?.text).toBe('replaced');
    for (let i = 0; i < 4; i++) await post({ text: `note ${i}` });
    expect((await post({ text: 'one too many' })).status).toBe(404);
    expect(slack.responses.at(-1)?.status).toBe(404);
    expect(slack.workspace.channelHistory('C0GENERAL', 'U1').filter((m) => m.ephemeralFor === 'U1')).toHaveLength(4);
  });
});
