import { verifySlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSlashCommand, signSlackRequest } from '../fakes/slack.js';
import { actorOf, loggedErrors, signingSecret, startSlackHarness, type SlackHarness } from './harness.js';

// Slack's published example of a signed request (api.slack.com, "Verifying requests from Slack").
const example = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

describe('Slack request signatures', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('signs Slack’s published example exactly as Slack does', () => {
    expect(signSlackRequest(example.secret, example.timestamp, example.body)).toBe(example.signature);
    // And Bolt, which checks requests in production, agrees with the signer.
    expect(() =>
      verifySlackRequest({
        signingSecret: example.secret,
        body: example.body,
        headers: { 'x-slack-signature': example.signature, 'x-slack-request-timestamp': example.timestamp },
        nowMilliseconds: example.timestamp * 1000,
      }),
    ).not.toThrow();
  });

  it('accepts a correctly signed request', async () => {
    const answer = await h.command(h.team.admin, '/tandem', 'help');
    expect(answer.status).toBe(200);
  });

  it('refuses a body changed after signing with 401, and does nothing', async () => {
    const before = await h.database.db.brand.count();
    const since = h.slack.mark();
    const request = buildSlashCommand(h.slack, { command: '/tandem', text: 'brand create Intruder', user: actorOf(h.team.admin), channelId: 'C0OTHER' });
    const answer = await h.send(request, { tamper: (body) => body.replace('Intruder', 'Hijacked') });
    expect(answer.status).toBe(401);
    expect(await h.database.db.brand.count()).toBe(before);
    expect(h.slack.calls.filter((c) => c.seq > since && c.method !== 'auth.test')).toEqual([]);
  });

  it('refuses a request signed with another secret with 401', async () => {
    const request = buildSlashCommand(h.slack, { command: '/tandem', text: 'help', user: actorOf(h.team.admin), channelId: 'C0OTHER' });
    const forged = signSlackRequest('not-the-secret', Math.floor(Date.now() / 1000), request.body);
    expect((await h.send(request, { signature: forged })).status).toBe(401);
  });

  it('refuses a stale request (replayed more than five minutes later) with 401', async () => {
    const request = buildSlashCommand(h.slack, { command: '/tandem', text: 'help', user: actorOf(h.team.admin), channelId: 'C0OTHER' });
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await h.send(request, { timestamp: sixMinutesAgo })).status).toBe(401);
    expect(signingSecret).not.toBe(example.secret);
  });

  it('refuses a request without a signature with 401', async () => {
    const request = buildSlashCommand(h.slack, { command: '/tandem', text: 'help', user: actorOf(h.team.admin), channelId: 'C0OTHER' });
    const response = await fetch(h.endpoint, { method: 'POST', headers: { 'content-type': request.contentType }, body: request.body });
    expect(response.status).toBe(401);
    expect(loggedErrors(h)).toEqual([]);
  });
});
