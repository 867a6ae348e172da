import { afterAll, beforeAll, expect, test } from 'vitest';
import { createOfflineAssistant } from '../../src/ai/offline/offlineAssistant.js';
import { listGoals } from '../../src/core/goals.js';
import { listPendingPosts } from '../../src/core/posts.js';
import { brandName, slackChannels } from '../../src/playground/cast.js';
import { seedDemoBrand, type SeedProgress } from '../../src/playground/demoSeed.js';
import { ensurePlaygroundTeam, type PlaygroundTeam } from '../../src/playground/playgroundTeam.js';
import { buildTestCtx, type TestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let database: TestDatabase;
let ctx: TestCtx;
let team: PlaygroundTeam;

beforeAll(async () => {
  database = await createTestDatabase();
  // The app's own offline assistant reads the texts, as in the playground: languages, sentiment, leads.
  ctx = buildTestCtx(database.db, { ai: createOfflineAssistant({}) });
  team = await ensurePlaygroundTeam(ctx);
});
afterAll(async () => {
  await database.close();
});

test('the playground team is a real setup: roles, channels, the Discord community linked, and it is made once', async () => {
  expect(team.brand.name).toBe(brandName);
  expect(team.brand.settings).toMatchObject({ timezone: 'Europe/Rome', approvalsChannel: slackChannels.approvals.id, crisisChannel: slackChannels.crisis.id, digestChannel: slackChannels.digest.id });
  const roles = await database.db.membership.findMany({ where: { brandId: team.brand.id }, include: { person: true }, orderBy: { role: 'asc' } });
  expect(roles.map((m) => [m.person.externalId, m.role])).toEqual(
    expect.arrayContaining([
      [team.people.admin.externalId, 'admin'],
      [team.people.strategist.externalId, 'strategist'],
      [team.people.communityManager.externalId, 'community_manager'],
    ]),
  );
  const guild = await database.db.discordGuild.findFirstOrThrow();
  expect(guild).toMatchObject({ brandId: team.brand.id, modLogChannelId: expect.any(String), reportsChannelId: expect.any(String) });

  const again = await ensurePlaygroundTeam(ctx);
  expect(again.brand.id).toBe(team.brand.id);
  expect(await database.db.brand.count()).toBe(1);
});

test('the demo seed fills 90 days of metrics, interactions in three languages, goals, a campaign and pending posts', async () => {
  const progress: SeedProgress[] = [];
  const summary = await seedDemoBrand(ctx, team, (p) => progress.push(p));
  expect(summary).toMatchObject({ alreadySeeded: false, metricDays: 90, goals: 5, posts: 6, campaign: 'Spring Blend Launch' });
  expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)?.total });
  expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));

  const brandId = team.brand.id;
  expect(await database.db.metricSnapshot.count({ where: { brandId } })).toBe(90 * 4);
  const languages = await database.db.interaction.groupBy({ by: ['language'], where: { brandId }, _count: true });
  expect(languages.map((l) => l.language).sort()).toEqual(['en', 'es', 'it']);
  const sentiments = await database.db.interaction.groupBy({ by: ['sentiment'], where: { brandId }, _count: true });
  expect(sentiments.map((s) => s.sentiment).sort()).toEqual(['negative', 'neutral', 'positive']);
  expect(await database.db.interaction.count({ where: { brandId, leadStage: 'new' } })).toBeGreaterThan(5);
  expect(await database.db.interaction.count({ where: { brandId, respondedAt: null } })).toBeLessThan(summary.interactions / 4);

  const goals = await listGoals(ctx, { brandId, actorId: team.people.strategist.id });
  expect(goals).toHaveLength(5);
  // A believable quarter: most goals moving, not all of them on track.
  expect(goals.filter((g) => (g.progress.percent ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
  expect(new Set(goals.map((g) => g.progress.status)).size).toBeGreaterThan(1);

  const pending = await listPendingPosts(ctx, { brandId, actorId: team.people.strategist.id });
  expect(pending).toHaveLength(5);
  expect(await database.db.post.count({ where: { brandId, status: 'approved' } })).toBe(1);
  expect(await database.db.campaign.count({ where: { brandId } })).toBe(1);
});

test('seeding again changes nothing', async () => {
  const before = await database.db.interaction.count();
  const summary = await seedDemoBrand(ctx, team);
  expect(summary.alreadySeeded).toBe(true);
  expect(await database.db.interaction.count()).toBe(before);
  expect(await database.db.goal.count()).toBe(5);
});
