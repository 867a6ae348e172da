import { recordAudit } from '../core/audit.js';
import { decidePost } from '../core/approvals.js';
import { getBrand, type BrandView } from '../core/brands.js';
import { createCampaign, recordCampaignSpend } from '../core/campaigns.js';
import type { Ctx } from '../core/context.js';
import { readGoalValue } from '../core/goalValues.js';
import { setGoal } from '../core/goals.js';
import { logInteractionsBatch } from '../core/interactionImport.js';
import { logInteraction, type InteractionFields } from '../core/interactions.js';
import type { NetworkName } from '../core/metrics.js';
import { planPost } from '../core/posts.js';
import { addDays, dateOnly, localDateOf, zonedToInstant } from '../core/time.js';
import type { Prisma } from '../generated/prisma/client.js';
import { demoAuthors, demoLines, demoPostCopy } from './demoContent.js';
import type { PlaygroundTeam } from './playgroundTeam.js';

export type SeedProgress = { step: string; done: number; total: number };
export type SeedSummary = { alreadySeeded: boolean; metricDays: number; interactions: number; goals: number; posts: number; campaign: string | null };

const seededAction = 'demo.seeded';
const days = 90;

/** Each network's audience on day 0 and how it grows; the rest follows from these. */
const networkProfiles: { network: NetworkName; followers: number; dailyGrowth: number; reachPerFollower: number; engagementRate: number; engagementTrend: number; paid: boolean }[] = [
  { network: 'instagram', followers: 48_200, dailyGrowth: 46, reachPerFollower: 0.42, engagementRate: 0.052, engagementTrend: 0.1, paid: true },
  { network: 'tiktok', followers: 21_500, dailyGrowth: 61, reachPerFollower: 0.9, engagementRate: 0.068, engagementTrend: 0.25, paid: true },
  { network: 'linkedin', followers: 8_150, dailyGrowth: 8, reachPerFollower: 0.25, engagementRate: 0.031, engagementTrend: 0, paid: false },
  { network: 'x', followers: 12_400, dailyGrowth: 3, reachPerFollower: 0.18, engagementRate: 0.014, engagementTrend: -0.1, paid: false },
];

/** A small deterministic generator: the same demo on every machine, and in tests. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function metricRows(brandId: number, today: string, actorId: number): Prisma.MetricSnapshotCreateManyInput[] {
  const random = createRandom(90);
  const rows: Prisma.MetricSnapshotCreateManyInput[] = [];
  for (const profile of networkProfiles) {
    let followers = profile.followers;
    for (let day = days; day >= 1; day--) {
      const date = addDays(today, -day);
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      // Weekends are quieter, and the campaign's last three weeks lift everything a little.
      const rhythm = (weekday === 0 || weekday === 6 ? 0.75 : 1.05) * (day <= 20 ? 1.2 : 1) * (0.85 + random() * 0.3);
      followers += Math.round(profile.dailyGrowth * rhythm + (random() - 0.45) * profile.dailyGrowth);
      const reach = Math.round(followers * profile.reachPerFollower * rhythm);
      const impressions = Math.round(reach * (1.6 + random() * 0.5));
      // engagementTrend: how much better (or worse) engagement is at the end than at the start.
      const trend = 1 + profile.engagementTrend * ((days - day) / days - 0.5);
      const engagements = Math.round(impressions * profile.engagementRate * trend * (0.8 + random() * 0.4));
      rows.push({
        brandId,
        network: profile.network,
        date: dateOnly(date),
        followers,
        reach,
        impressions,
        engagements,
        clicks: Math.round(engagements * (0.12 + random() * 0.08)),
        shares: Math.round(engagements * (0.04 + random() * 0.03)),
        comments: Math.round(engagements * (0.06 + random() * 0.04)),
        likes: Math.round(engagements * (0.7 + random() * 0.1)),
        spend: profile.paid && day <= 20 ? (80 + random() * 120).toFixed(2) : null,
        updatedById: actorId,
      });
    }
  }
  return rows;
}

/** Interactions spread over the 90 days, busier lately, in business hours of the brand's zone. */
function interactionRows(today: string, timezone: string, now: Date): InteractionFields[] {
  const random = createRandom(7);
  const networks: NetworkName[] = ['instagram', 'instagram', 'tiktok', 'facebook', 'x', 'linkedin'];
  const kinds = ['comment', 'comment', 'dm', 'mention', 'review'] as const;
  const rows: InteractionFields[] = [];
  const languages = ['en', 'es', 'it'] as const;
  let index = 0;
  for (let day = days; day >= 0; day--) {
    const perDay = day <= 14 ? 4 : 2 + Math.round(random());
    for (let n = 0; n < perDay; n++) {
      const language = languages[index % 3] ?? 'en';
      // The team's work shows: praise grows from about a third of what people write to two thirds.
      const praise = random() < 0.35 + (0.3 * (days - day)) / days;
      const lines = demoLines[language].filter((l) => (l.tone === 'positive') === praise);
      const line = lines[Math.floor(random() * lines.length)] ?? lines[0];
      const hour = 8 + Math.floor(random() * 11);
      const minute = Math.floor(random() * 60);
      const receivedAt = zonedToInstant(addDays(today, -day), `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, timezone);
      if (!line || !receivedAt || receivedAt > now) continue;
      rows.push({
        network: networks[Math.floor(random() * networks.length)] ?? 'instagram',
        kind: kinds[Math.floor(random() * kinds.length)] ?? 'comment',
        author: demoAuthors[Math.floor(random() * demoAuthors.length)] ?? '@someone',
        text: line.text,
        receivedAt,
        ...(line.lead ? { lead: true } : {}),
        sourceRef: `demo:${index}`,
      });
      index += 1;
    }
  }
  return rows;
}

/**
 * Fills the playground's brand with a believable quarter: 90 days of metrics on four
 * networks, a few hundred interactions in English, Spanish and Italian (read by the
 * assistant like any other), goals started six weeks ago, a running campaign and posts
 * waiting for approval. Volume goes in bulk; the rest through the core, audited as usual.
 * Runs once per brand: a second run finds its audit entry and stops.
 */
export async function seedDemoBrand(ctx: Ctx, team: PlaygroundTeam, onProgress: (progress: SeedProgress) => void = () => {}): Promise<SeedSummary> {
  const brandId = team.brand.id;
  const { strategist, communityManager: cm } = team.people;
  const already = await ctx.db.auditEntry.findFirst({ where: { brandId, action: seededAction } });
  if (already) return { alreadySeeded: true, metricDays: 0, interactions: 0, goals: 0, posts: 0, campaign: null };

  const brand: BrandView = await getBrand(ctx, brandId);
  const timezone = brand.settings.timezone;
  const now = ctx.clock.now();
  const today = localDateOf(now, timezone);
  const steps = ['metrics', 'interactions', 'responses', 'goals', 'campaign', 'posts'];
  let done = 0;
  const advance = (step: string) => onProgress({ step, done: ++done, total: steps.length });
  onProgress({ step: 'starting', done: 0, total: steps.length });

  const metrics = metricRows(brandId, today, cm.id);
  await ctx.db.$transaction(async (tx) => {
    await tx.metricSnapshot.createMany({ data: metrics, skipDuplicates: true });
    await recordAudit(tx, { brandId, actorId: cm.id, action: 'metrics.imported', subjectType: 'brand', subjectId: brandId, after: { rows: metrics.length, from: addDays(today, -days), to: addDays(today, -1), source: 'demo seed' } });
  });
  advance('metrics');

  const rows = interactionRows(today, timezone, now);
  const imported = await logInteractionsBatch(ctx, { brandId, actorId: cm.id, rows });
  // Two fresh ones through the single path, so they reach the channels like a real /log.
  await logInteraction(ctx, { brandId, actorId: cm.id, network: 'instagram', kind: 'comment', author: '@maya.brews', text: 'Where can I buy the Spring Blend in Berlin? I want to order 10 bags for our office.' });
  await logInteraction(ctx, { brandId, actorId: cm.id, network: 'x', kind: 'mention', author: '@tom_hughes', text: 'Third time my subscription box arrives crushed. @AcmeCoffee this is unacceptable.' });
  advance('interactions');

  // The team answered almost everything older than a day, within hours at first and within
  // the hour lately; the last day's queue is left for the community manager to work through.
  const answeredBefore = new Date(now.getTime() - 24 * 3_600_000);
  const fasterSince = new Date(now.getTime() - 21 * 24 * 3_600_000);
  await ctx.db.$transaction(async (tx) => {
    const answered = await tx.$executeRaw`
      UPDATE interactions
         SET responded_at = received_at + make_interval(mins => 4 + (id * 37) % (CASE WHEN received_at > ${fasterSince} THEN 60 ELSE 220 END)),
             responded_by_id = ${cm.id}
       WHERE brand_id = ${brandId} AND responded_at IS NULL AND received_at < ${answeredBefore} AND id % 23 <> 0`;
    await recordAudit(tx, { brandId, actorId: cm.id, action: 'interaction.responded.bulk', subjectType: 'brand', subjectId: brandId, after: { count: answered, source: 'demo seed' } });
  });
  advance('responses');

  const goalStart = addDays(today, -42);
  const goals = [
    { metric: 'followers', network: 'instagram', target: 55_000, deadline: addDays(today, 48) },
    { metric: 'engagement_rate', network: 'tiktok', target: 8, deadline: addDays(today, 30) },
    { metric: 'response_time', target: 45, deadline: addDays(today, 20) },
    { metric: 'positive_sentiment', target: 80, deadline: addDays(today, 60) },
    { metric: 'leads', target: 40, deadline: addDays(today, 18) },
  ] as const;
  for (const goal of goals) {
    const created = await setGoal(ctx, { brandId, actorId: strategist.id, ...goal });
    // Backdated six weeks, so progress and pace have a history to show; the baseline is the
    // week before that start, not one noisy day.
    const baseline = await readGoalValue(ctx, { brandId, network: created.network, metric: goal.metric, startsOn: addDays(goalStart, -6), asOf: goalStart, timezone, now });
    await ctx.db.$transaction(async (tx) => {
      await tx.goal.update({ where: { id: created.id }, data: { startsOn: dateOnly(goalStart), ...(baseline === null || created.baseline === 0 ? {} : { baseline }) } });
      await recordAudit(tx, { brandId, actorId: strategist.id, action: 'goal.backdated', subjectType: 'goal', subjectId: created.id, after: { startsOn: goalStart, baseline, source: 'demo seed' } });
    });
  }
  advance('goals');

  const campaign = await createCampaign(ctx, {
    brandId,
    actorId: strategist.id,
    name: 'Spring Blend Launch',
    objective: 'Launch the Spring Blend: 5,000 new followers and 300 wholesale leads',
    startsOn: addDays(today, -20),
    endsOn: addDays(today, 25),
    budget: 12_000,
  });
  await recordCampaignSpend(ctx, { brandId, actorId: strategist.id, campaignId: campaign.id, amount: 4_870, note: 'Paid social, first three weeks' });
  advance('campaign');

  let posts = 0;
  for (const [index, post] of demoPostCopy.entries()) {
    const planned = await planPost(ctx, { brandId, actorId: cm.id, network: post.network, date: addDays(today, post.daysAhead), time: post.time, copy: post.copy, campaignId: index < 3 ? campaign.id : null });
    posts += 1;
    // A mix on the calendar: the first one is already approved, the rest wait.
    if (index === 0) await decidePost(ctx, { brandId, actorId: strategist.id, postNumber: planned.number, decision: 'approved', comment: 'Lovely, go.' });
  }
  advance('posts');

  await ctx.db.$transaction(async (tx) => {
    await recordAudit(tx, { brandId, actorId: team.people.admin.id, action: seededAction, subjectType: 'brand', subjectId: brandId, after: { metrics: metrics.length, interactions: imported.inserted + 2, goals: goals.length, posts } });
  });
  return { alreadySeeded: false, metricDays: days, interactions: imported.inserted + 2, goals: goals.length, posts, campaign: campaign.name };
}
