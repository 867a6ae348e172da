import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldIds } from '../../src/slack/ids.js';
import { buildViewSubmission } from '../fakes/slack.js';
import { actorOf, loggedErrors, startSlackHarness, textOf, type SlackHarness } from './harness.js';

/** When something breaks, the person still gets an answer, and the operator an id to look for. */
describe('Slack failures', () => {
  let h: SlackHarness;
  let day = 10;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const nextPlan = () => `instagram 2026-03-${++day} 10:00 Something to say`;

  it('a Web API server error: the person gets an apology with an id, and the same id is logged', async () => {
    h.slack.failNext('chat.postMessage', { status: 500 });
    const reply = await h.commandReply(h.team.cm, '/plan', nextPlan());
    const text = textOf(reply.body);
    const errorId = /error id ([0-9a-f]{8})/.exec(text)?.[1];
    expect(errorId).toBeDefined();
    const logged = loggedErrors(h).find((e) => e.fields.errorId === errorId);
    expect(logged?.message).toBe('slack handler failed');
    expect(logged?.fields.command).toBe('/plan');
    h.log.entries.length = 0;
  });

  it('rate limited (429 with Retry-After): no retry in tests, the person still gets an answer', async () => {
    h.slack.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const reply = await h.commandReply(h.team.cm, '/plan', nextPlan());
    expect(textOf(reply.body)).toMatch(/error id [0-9a-f]{8}/);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.status === 429)).toHaveLength(1);
    h.log.entries.length = 0;
  });

  it('a channel the bot is not in: the post is planned and the planner is told how to fix it', async () => {
    h.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const before = await h.database.db.post.count();
    const reply = await h.commandReply(h.team.cm, '/plan', nextPlan());
    expect(textOf(reply.body)).toContain('could not ask for approval in <#C0SOCIAL> (not_in_channel)');
    expect(textOf(reply.body)).toContain('/invite @Tandem');
    expect(await h.database.db.post.count()).toBe(before + 1);
    expect(loggedErrors(h)).toEqual([]);
  });

  it('a modal submission that cannot be read gets the apology in the modal, not silence', async () => {
    const since = h.slack.mark();
    await h.click(h.team.strategist, await planned(), 'post_reject');
    const view = await h.openedView(since);
    view.private_metadata = '{"brandId":"not a number"}';
    const answer = await h.send(buildViewSubmission(h.slack, { user: actorOf(h.team.strategist), view, values: { [fieldIds.decisionNote]: 'No' } }));
    expect(answer.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.decisionNote]: expect.stringMatching(/error id [0-9a-f]{8}/) } });
    expect(loggedErrors(h)).toHaveLength(1);
    h.log.entries.length = 0;
  });

  it('a modal whose trigger expired: the person is asked to run the command again', async () => {
    h.slack.failNext('views.open', { error: 'expired_trigger_id' });
    const reply = await h.commandReply(h.team.cm, '/plan', '');
    expect(textOf(reply.body)).toContain('Run the command again');
    expect(loggedErrors(h)).toEqual([]);
  });

  async function planned() {
    const since = h.slack.mark();
    await h.commandReply(h.team.cm, '/plan', nextPlan());
    return h.postedMessage(since);
  }
});
