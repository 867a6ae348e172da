import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldIds } from '../../src/slack/ids.js';
import { metricFieldId } from '../../src/slack/views/metricsModal.js';
import { argsOf, loggedErrors, startSlackHarness, textOf, type SlackHarness } from './harness.js';

describe('/goal and /metrics', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('/metrics records a day’s numbers for a network (today in the brand’s time zone by default)', async () => {
    const reply = await h.commandReply(h.team.cm, '/metrics', 'instagram followers=12,450 reach=30.1k spend=19,99');
    expect(textOf(reply.body)).toContain('Recorded Instagram for 2026-03-02');
    const row = await h.database.db.metricSnapshot.findFirstOrThrow({ where: { brandId: h.team.brand.id, network: 'instagram' } });
    expect(row).toMatchObject({ followers: 12450, reach: 30100 });
    expect(row.spend?.toString()).toBe('19.99');
  });

  it('/metrics with a date merges into that day; a bad pair is explained with the usage', async () => {
    await h.commandReply(h.team.cm, '/metrics', 'instagram 2026-03-01 followers=12000');
    const reply = await h.commandReply(h.team.cm, '/metrics', 'instagram 2026-03-01 likes=40');
    expect(textOf(reply.body)).toContain('Updated Instagram for 2026-03-01');
    const row = await h.database.db.metricSnapshot.findFirstOrThrow({ where: { brandId: h.team.brand.id, network: 'instagram', date: new Date('2026-03-01T00:00:00Z') } });
    expect(row).toMatchObject({ followers: 12000, likes: 40 });
    const wrong = await h.commandReply(h.team.cm, '/metrics', 'instagram followers');
    expect(textOf(wrong.body)).toContain('“followers” should be written key=value');
    expect(textOf(wrong.body)).toContain('*Usage:*');
  });

  it('/goal set announces the goal in the channel; a community manager is refused', async () => {
    const reply = await h.commandReply(h.team.strategist, '/goal', 'set followers 20k on instagram by 2026-06-30');
    expect(reply.body.response_type).toBe('in_channel');
    expect(textOf(reply.body)).toContain('Followers on Instagram');
    const goal = await h.database.db.goal.findFirstOrThrow({ where: { brandId: h.team.brand.id } });
    expect(goal).toMatchObject({ metric: 'followers', network: 'instagram', target: 20000, baseline: 12450 });
    const refused = await h.commandReply(h.team.cm, '/goal', 'set reach 100000');
    expect(textOf(refused.body)).toContain('strategist role');
    expect(await h.database.db.goal.count()).toBe(1);
  });

  it('/goal list shows each goal with a progress bar and its status', async () => {
    const reply = await h.commandReply(h.team.viewer, '/goal', 'list');
    const text = textOf(reply.body);
    expect(text).toContain('Goals of Acme');
    expect(text).toContain('Followers on Instagram');
    expect(text).toMatch(/[▓░]{10}/);
    expect(text).toContain('on track');
  });

  it('an unknown metric is explained with the list of metrics', async () => {
    const reply = await h.commandReply(h.team.strategist, '/goal', 'set fans 100');
    expect(textOf(reply.body)).toContain('“fans” is not a goal metric');
    expect(textOf(reply.body)).toContain('engagement_rate');
  });

  it('the goal modal keeps invalid fields in the modal with what was wrong', async () => {
    const since = h.slack.mark();
    await h.command(h.team.strategist, '/goal', '');
    const view = await h.openedView(since);
    const notNumber = await h.submit(h.team.strategist, view, { [fieldIds.goalMetric]: 'reach', [fieldIds.goalTarget]: 'lots' });
    expect(notNumber.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.goalTarget]: '“lots” is not a number.' } });
    const over = await h.submit(h.team.strategist, view, { [fieldIds.goalMetric]: 'engagement_rate', [fieldIds.goalTarget]: '140' });
    expect(over.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.goalTarget]: expect.stringContaining('must be 100 or less') } });
    const past = await h.submit(h.team.strategist, view, { [fieldIds.goalTarget]: '4.5', [fieldIds.goalDeadline]: '2026-01-01' });
    expect(past.json).toMatchObject({ response_action: 'errors', errors: { [fieldIds.goalDeadline]: expect.stringContaining('already past') } });
    expect(await h.database.db.goal.count()).toBe(1);
    const before = h.slack.mark();
    await h.submit(h.team.strategist, view, { [fieldIds.goalDeadline]: null });
    const told = await h.slack.waitForCall('chat.postEphemeral', { since: before });
    expect(textOf(argsOf(told))).toContain('Engagement rate');
    expect(await h.database.db.goal.count()).toBe(2);
  });

  it('the metrics modal refuses a non-number in its field and records the rest', async () => {
    const since = h.slack.mark();
    await h.command(h.team.cm, '/metrics', '');
    const view = await h.openedView(since);
    const refused = await h.submit(h.team.cm, view, { [fieldIds.metricsNetwork]: 'tiktok', [metricFieldId('followers')]: 'many' });
    expect(refused.json).toMatchObject({ response_action: 'errors', errors: { [metricFieldId('followers')]: '“many” is not a number.' } });
    const done = await h.submit(h.team.cm, view, { [metricFieldId('followers')]: '900', [metricFieldId('likes')]: '1.2k' });
    expect(done.text).toBe('');
    const row = await h.database.db.metricSnapshot.findFirstOrThrow({ where: { brandId: h.team.brand.id, network: 'tiktok' } });
    expect(row).toMatchObject({ followers: 900, likes: 1200 });
    expect(loggedErrors(h)).toEqual([]);
  });
});
