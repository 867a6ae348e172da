import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldIds } from '../../src/slack/ids.js';
import { argsOf, loggedErrors, startSlackHarness, textOf, type SlackHarness } from './harness.js';

// Slack waits 3 s for the answer to a modal's submission. Here every submission takes
// longer than Tandem lets it (viewAnswerWithinMs: 0), as under a flood of requests on a
// busy database: Slack is answered at once with "still saving", and the outcome follows.

describe('a modal submission slower than Slack waits', () => {
  let h: SlackHarness;
  let day = 10;

  beforeAll(async () => {
    h = await startSlackHarness({ viewAnswerWithinMs: 0 });
  });
  afterAll(async () => {
    await h.close();
  });

  async function openPlanForm() {
    const since = h.slack.mark();
    await h.command(h.team.cm, '/plan', '');
    return h.openedView(since);
  }

  it('is answered at once with "still saving"; then the modal says it is saved and the planner hears where the request went', async () => {
    const form = await openPlanForm();
    day += 1;
    const since = h.slack.mark();
    const answer = await h.submit(h.team.cm, form, { [fieldIds.planNetwork]: 'instagram', [fieldIds.planDate]: `2026-05-${day}`, [fieldIds.planTime]: '10:00', [fieldIds.planCopy]: 'Saved a little late' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(answer.json)).toContain('Still saving');
    const done = await h.slack.waitForCall('views.update', { since, where: (c) => (c.args as { view_id?: string }).view_id === form.id });
    expect(JSON.stringify(done.args)).toContain('Saved. You can close this form.');
    const post = await h.database.db.post.findFirstOrThrow({ where: { brandId: h.team.brand.id, copy: 'Saved a little late' } });
    expect(post.status).toBe('pending_approval');
    const told = await h.slack.waitForCall('chat.postEphemeral', { since, where: (c) => argsOf(c).user === h.team.cm.externalId });
    expect(textOf(argsOf(told))).toContain(`Post #${post.number} is planned`);
    expect(loggedErrors(h)).toEqual([]);
  });

  it('a refusal found late is shown in the modal and told in a message, saying what to fix, and nothing is saved', async () => {
    const form = await openPlanForm();
    const before = await h.database.db.post.count();
    const since = h.slack.mark();
    const answer = await h.submit(h.team.cm, form, { [fieldIds.planNetwork]: 'x', [fieldIds.planDate]: '2026-01-02', [fieldIds.planTime]: '10:00', [fieldIds.planCopy]: 'Too late for this' });
    expect(JSON.stringify(answer.json)).toContain('Still saving');
    const shown = await h.slack.waitForCall('views.update', { since, where: (c) => (c.args as { view_id?: string }).view_id === form.id });
    expect(JSON.stringify(shown.args)).toContain('Nothing was saved');
    expect(JSON.stringify(shown.args)).toContain('has already passed');
    const told = await h.slack.waitForCall('chat.postEphemeral', { since, where: (c) => argsOf(c).user === h.team.cm.externalId });
    expect(textOf(argsOf(told))).toContain('Nothing was saved');
    expect(textOf(argsOf(told))).toContain('Open the form again');
    expect(await h.database.db.post.count()).toBe(before);
  });

  it('empty fields found late are listed the same way', async () => {
    const form = await openPlanForm();
    const since = h.slack.mark();
    await h.submit(h.team.cm, form, { [fieldIds.planCopy]: '' });
    const told = await h.slack.waitForCall('chat.postEphemeral', { since, where: (c) => argsOf(c).user === h.team.cm.externalId });
    expect(textOf(argsOf(told))).toContain('Pick a network.');
    expect(textOf(argsOf(told))).toContain('Write the copy.');
  });
});
