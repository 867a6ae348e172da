import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseEscalation } from '../../src/core/escalations.js';
import { logInteraction } from '../../src/core/interactions.js';
import { planPost } from '../../src/core/posts.js';
import { actionIds } from '../../src/slack/ids.js';
import { buildAppHomeOpened, type SlackView } from '../fakes/slack.js';
import { actionIdsIn, actorOf, loggedErrors, startSlackHarness, textOf, type SlackHarness } from './harness.js';

describe('App Home', () => {
  let h: SlackHarness;
  let postNumber = 0;
  beforeAll(async () => {
    h = await startSlackHarness();
    const post = await planPost(h.ctx, { brandId: h.team.brand.id, actorId: h.team.cm.id, network: 'instagram', date: '2026-03-05', time: '12:00', copy: 'Home sweet home' });
    postNumber = post.number;
    h.ctx.clock.advance(-90 * 60_000);
    await logInteraction(h.ctx, { brandId: h.team.brand.id, actorId: h.team.cm.id, network: 'facebook', kind: 'comment', author: '@old', text: 'Still no answer?' });
    h.ctx.clock.advance(90 * 60_000);
    await raiseEscalation(h.ctx, { brandId: h.team.brand.id, actorId: h.team.cm.id, severity: 'sev2', summary: 'Angry thread on Facebook', raisedVia: 'slack_command' });
  });
  afterAll(async () => {
    await h.close();
  });

  async function home(person = h.team.strategist): Promise<SlackView> {
    const since = h.slack.mark();
    expect((await h.openHome(person)).status).toBe(200);
    const call = await h.slack.waitForCall('views.publish', { since });
    expect(call.args.user_id).toBe(person.externalId);
    const view = h.slack.workspace.homes.get(person.externalId);
    if (!view) throw new Error('no home published');
    return view;
  }

  it('shows a strategist their brand, role, goals, posts waiting for approval with buttons, and open escalations', async () => {
    const view = await home();
    const text = textOf({ blocks: view.blocks });
    expect(text).toContain('Acme');
    expect(text).toContain('Your role: *strategist*');
    expect(text).toContain('Waiting for approval (1)');
    expect(text).toContain('Home sweet home');
    expect(text).toContain('Open escalations (1)');
    expect(text).toContain('Angry thread on Facebook');
    expect(actionIdsIn(view.blocks)).toEqual(expect.arrayContaining([actionIds.approvePost, actionIds.homePlan, actionIds.homeRefresh]));
  });

  it('shows a community manager the unanswered interactions by age, and no approval queue', async () => {
    const text = textOf({ blocks: (await home(h.team.cm)).blocks });
    expect(text).toContain('Unanswered, oldest first (1)');
    expect(text).toContain('`1 h 30 min` Facebook · @old: Still no answer?');
    expect(text).not.toContain('Waiting for approval');
  });

  it('tells someone on no brand how to start', async () => {
    h.slack.workspace.addUser({ id: 'ULONER01', name: 'loner' });
    const since = h.slack.mark();
    await h.send(buildAppHomeOpened(h.slack, { user: { id: 'ULONER01', name: 'loner' } }));
    await h.slack.waitForCall('views.publish', { since });
    expect(textOf({ blocks: h.slack.workspace.homes.get('ULONER01')?.blocks })).toContain('You are not on any brand yet');
  });

  it('approving from Home decides the post and redraws Home', async () => {
    const view = await home();
    const since = h.slack.mark();
    await h.actInView(h.team.strategist, view, actionIds.approvePost, { blockId: `post_actions_${postNumber}` });
    await h.slack.waitForCall('views.publish', { since });
    const post = await h.database.db.post.findUniqueOrThrow({ where: { brandId_number: { brandId: h.team.brand.id, number: postNumber } } });
    expect(post.status).toBe('approved');
    expect(textOf({ blocks: h.slack.workspace.homes.get(h.team.strategist.externalId)?.blocks })).toContain('Waiting for approval (0)');
  });

  it('Plan a post on Home opens the plan modal for that brand', async () => {
    const view = await home(h.team.cm);
    const since = h.slack.mark();
    await h.actInView(h.team.cm, view, actionIds.homePlan);
    const modal = await h.openedView(since);
    expect(modal.callback_id).toBe('plan_modal');
    expect(JSON.parse(modal.private_metadata)).toMatchObject({ brandId: h.team.brand.id, channelId: null });
  });

  it('Log an interaction on Home opens the log modal; Refresh republishes', async () => {
    const view = await home(h.team.cm);
    const since = h.slack.mark();
    await h.actInView(h.team.cm, view, actionIds.homeLog);
    expect((await h.openedView(since)).callback_id).toBe('log_modal');
    const before = h.slack.mark();
    await h.actInView(h.team.cm, view, actionIds.homeRefresh);
    const published = await h.slack.waitForCall('views.publish', { since: before });
    expect(published.args.user_id).toBe(actorOf(h.team.cm).id);
    expect(loggedErrors(h)).toEqual([]);
  });
});
