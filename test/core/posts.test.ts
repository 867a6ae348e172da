import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { updateBrandSetting } from '../../src/core/brands.js';
import { decidePost } from '../../src/core/approvals.js';
import { UserError } from '../../src/core/errors.js';
import { forgetMessage, listMessages, rememberMessage } from '../../src/core/messageRefs.js';
import { checkPostCopy, copyLimits, findBannedWords, measureCopy, networks } from '../../src/core/networkRules.js';
import {
  editPost,
  expireOverduePosts,
  findPostsNeedingNudge,
  getPost,
  listPendingPosts,
  listWeek,
  markNudged,
  planPost,
  type planPostSchema,
} from '../../src/core/posts.js';
import { translate } from '../../src/i18n/catalog.js';
import { createTeam, type Team } from '../helpers/fixtures.js';
import { buildTestCtx, type TestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import type { z } from 'zod';

let database: TestDatabase;
let ctx: TestCtx;
beforeAll(async () => {
  database = await createTestDatabase();
  ctx = buildTestCtx(database.db);
});
afterAll(async () => {
  await database.close();
});

// The manual clock stays at Monday 2026-03-02 09:00 UTC throughout.
type PlanInput = z.input<typeof planPostSchema>;

function plan(team: Team, overrides: Partial<PlanInput> = {}, on: TestCtx = ctx) {
  return planPost(on, {
    brandId: team.brand.id,
    actorId: team.cm.id,
    network: 'instagram',
    date: '2026-03-05',
    time: '10:00',
    copy: 'Our spring menu is here 🌸',
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

async function countRows() {
  const db = database.db;
  return {
    posts: await db.post.count(),
    approvals: await db.postApproval.count(),
    audit: await db.auditEntry.count(),
    counters: await db.counter.findMany({ orderBy: [{ scope: 'asc' }, { name: 'asc' }] }),
  };
}

describe('network rules', () => {
  test('every network has a limit, and the limits are the networks’ own', () => {
    expect(networks).toHaveLength(9);
    for (const network of networks) expect(copyLimits[network]).toBeGreaterThan(0);
    expect(copyLimits).toMatchObject({ x: 280, threads: 500, instagram: 2200, tiktok: 2200, linkedin: 3000, facebook: 63206, youtube: 5000, discord: 2000, other: 63206 });
  });

  test('length is counted in characters people see, and says by how much it is over', () => {
    expect(checkPostCopy('x', 'a'.repeat(280), [])).toEqual([]);
    expect(checkPostCopy('x', 'a'.repeat(281), [])).toEqual([{ kind: 'tooLong', network: 'x', limit: 280, length: 281, over: 1 }]);
    expect(measureCopy('🌸')).toBe(1);
    expect(measureCopy('e\u0301')).toBe(1);
    expect(checkPostCopy('x', '🌸'.repeat(280), [])).toEqual([]);
    expect(checkPostCopy('threads', 'b'.repeat(501), [])[0]).toMatchObject({ over: 1, limit: 500 });
    expect(checkPostCopy('linkedin', 'c'.repeat(3000), [])).toEqual([]);
  });

  test('banned words match whole words and phrases, whatever the case and accents', () => {
    const banned = ['scam', 'free money', 'Crème', 'cafe'];
    expect(findBannedWords('This is NOT a Scam!', banned)).toEqual(['scam']);
    expect(findBannedWords('#scam alert', banned)).toEqual(['scam']);
    expect(findBannedWords('scammers everywhere', banned)).toEqual([]);
    expect(findBannedWords('Get FREE\n money now', banned)).toEqual(['free money']);
    expect(findBannedWords('free of money', banned)).toEqual([]);
    expect(findBannedWords('creme brulee at the CAFÉ', banned)).toEqual(['Crème', 'cafe']);
    expect(findBannedWords('cafeteria', banned)).toEqual([]);
    expect(checkPostCopy('x', 'free money! '.repeat(30), banned)).toEqual([
      { kind: 'tooLong', network: 'x', limit: 280, length: 360, over: 80 },
      { kind: 'bannedWords', words: ['free money'] },
    ]);
  });
});

describe('planning', () => {
  test('posts are numbered per brand and wait for the brand’s approval steps', async () => {
    const team = await createTeam(ctx, 'Numbered');
    const other = await createTeam(ctx, 'Other numbers');
    const first = await plan(team);
    const second = await plan(team, { network: 'x', copy: 'Short and sweet' });
    const elsewhere = await plan(other);
    expect([first.number, second.number, elsewhere.number]).toEqual([1, 2, 1]);
    expect(first).toMatchObject({
      status: 'pending_approval',
      approvalsNeeded: 1,
      approvalsGiven: 0,
      version: 1,
      network: 'instagram',
      localDate: '2026-03-05',
      localTime: '10:00',
      timezone: 'UTC',
      author: { id: team.cm.id, displayName: 'community-manager' },
      approvals: [],
    });
    expect(first.scheduledAt.toISOString()).toBe('2026-03-05T10:00:00.000Z');

    await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'approvals', value: '2' });
    expect((await plan(team)).approvalsNeeded).toBe(2);

    expect(ctx.events).toContainEqual({ type: 'post.planned', brandId: team.brand.id, postId: first.id });
    const audit = await database.db.auditEntry.findFirst({ where: { action: 'post.planned', subjectId: String(first.id) } });
    expect(audit).toMatchObject({ brandId: team.brand.id, actorId: team.cm.id, subjectType: 'post' });
  });

  test('copy over the network limit is refused with how many characters to cut', async () => {
    const team = await createTeam(ctx, 'Long copy');
    const error = await failure(plan(team, { network: 'x', copy: 'a'.repeat(300) }));
    expect(error).toMatchObject({ code: 'post.copyTooLong', params: { network: 'x', limit: 280, length: 300, over: 20 } });
    expect(translate('en', error.code, error.params)).toBe('The copy is 300 characters and x allows 280: cut 20 characters.');
    expect((await plan(team, { network: 'x', copy: 'a'.repeat(280) })).number).toBe(1);
  });

  test('banned words are named, together with a length problem when there is one', async () => {
    const team = await createTeam(ctx, 'Banned');
    await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'banned-words', value: 'scam, free money, garantía' });
    const banned = await failure(plan(team, { copy: 'FREE money, no SCAM, garantia total' }));
    expect(banned).toMatchObject({ code: 'post.bannedWords', params: { words: 'scam, free money, garantía' } });
    const both = await failure(plan(team, { network: 'x', copy: `scam ${'a'.repeat(300)}` }));
    expect(both).toMatchObject({ code: 'post.copyTooLongWithBannedWords', params: { over: 25, words: 'scam' } });
    expect((await plan(team, { copy: 'Scammers beware: we never ask for passwords' })).number).toBe(1);
  });

  test('a time that has passed is refused, saying what time it is at the brand', async () => {
    const team = await createTeam(ctx, 'Late');
    const error = await failure(plan(team, { date: '2026-03-02', time: '08:59' }));
    expect(error).toMatchObject({ code: 'post.timeInPast', params: { date: '2026-03-02', time: '08:59', timezone: 'UTC', nowDate: '2026-03-02', nowTime: '09:00' } });
    await expect(plan(team, { date: '2026-03-02', time: '09:00' })).rejects.toMatchObject({ code: 'post.timeInPast' });
    expect((await plan(team, { date: '2026-03-02', time: '9:01' })).localTime).toBe('09:01');
  });

  test('date and time are read in the brand’s timezone', async () => {
    const team = await createTeam(ctx, 'Sao Paulo');
    await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'timezone', value: 'America/Sao_Paulo' });
    // 06:00 in São Paulo now: 07:00 local is ahead (10:00 UTC), though 07:00 UTC has passed.
    const post = await plan(team, { date: '2026-03-02', time: '07:00' });
    expect(post.scheduledAt.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(post).toMatchObject({ localDate: '2026-03-02', localTime: '07:00', timezone: 'America/Sao_Paulo' });
    await expect(plan(team, { date: '2026-03-02', time: '05:59' })).rejects.toMatchObject({
      code: 'post.timeInPast',
      params: { nowDate: '2026-03-02', nowTime: '06:00', timezone: 'America/Sao_Paulo' },
    });
    // Sunday 22:30 in São Paulo is already Monday in UTC: it belongs to Sunday of this week.
    const sunday = await plan(team, { date: '2026-03-08', time: '22:30' });
    expect(sunday.scheduledAt.toISOString()).toBe('2026-03-09T01:30:00.000Z');
    const week = await listWeek(ctx, { brandId: team.brand.id, actorId: team.viewer.id });
    expect(week.weekStart).toBe('2026-03-02');
    expect(week.days[6]).toMatchObject({ date: '2026-03-08', posts: [{ number: sunday.number, localTime: '22:30' }] });
    expect(week.days[0]?.posts.map((p) => p.number)).toEqual([post.number]);
  });

  test('a campaign must belong to the brand', async () => {
    const team = await createTeam(ctx, 'Campaigner');
    const other = await createTeam(ctx, 'Not the campaigner');
    const mine = await database.db.campaign.create({ data: { brandId: team.brand.id, name: 'Spring', startsOn: new Date('2026-03-01'), endsOn: new Date('2026-03-31') } });
    const theirs = await database.db.campaign.create({ data: { brandId: other.brand.id, name: 'Spring', startsOn: new Date('2026-03-01'), endsOn: new Date('2026-03-31') } });
    expect((await plan(team, { campaignId: mine.id })).campaignId).toBe(mine.id);
    await expect(plan(team, { campaignId: theirs.id })).rejects.toMatchObject({ code: 'post.campaignNotFound', params: { campaign: theirs.id } });
    expect((await plan(team)).number).toBe(2);
  });

  test('viewers and outsiders cannot plan', async () => {
    const team = await createTeam(ctx, 'Planners only');
    await expect(plan(team, { actorId: team.viewer.id })).rejects.toMatchObject({ code: 'permission.denied', params: { required: 'community_manager', current: 'viewer' } });
    await expect(plan(team, { actorId: team.outsider.id })).rejects.toMatchObject({ code: 'permission.denied', params: { current: 'none' } });
    expect(await database.db.post.count({ where: { brandId: team.brand.id } })).toBe(0);
  });

  test('invalid input writes nothing, and numbering goes on without a gap', async () => {
    const team = await createTeam(ctx, 'Invalid');
    await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'banned-words', value: 'scam' });
    const other = await createTeam(ctx, 'Invalid other');
    const campaign = await database.db.campaign.create({ data: { brandId: other.brand.id, name: 'Theirs', startsOn: new Date('2026-03-01'), endsOn: new Date('2026-03-31') } });
    expect((await plan(team)).number).toBe(1);
    const before = await countRows();
    const attempts: [Partial<PlanInput>, string][] = [
      [{ network: 'myspace' as PlanInput['network'] }, 'error.invalidInput'],
      [{ date: '2026-02-30' }, 'error.invalidInput'],
      [{ date: '05/03/2026' }, 'error.invalidInput'],
      [{ time: '25:00' }, 'error.invalidInput'],
      [{ copy: '   ' }, 'error.invalidInput'],
      [{ network: 'x', copy: 'x'.repeat(281) }, 'post.copyTooLong'],
      [{ copy: 'not a scam' }, 'post.bannedWords'],
      [{ date: '2026-03-01' }, 'post.timeInPast'],
      [{ campaignId: campaign.id }, 'post.campaignNotFound'],
      [{ actorId: team.viewer.id }, 'permission.denied'],
    ];
    for (const [overrides, code] of attempts) {
      expect((await failure(plan(team, overrides))).code, JSON.stringify(overrides)).toBe(code);
    }
    expect(await countRows()).toEqual(before);
    expect(ctx.events.filter((e) => e.brandId === team.brand.id && e.type === 'post.planned')).toHaveLength(1);
    expect((await plan(team)).number).toBe(2);
  });

  test('20 posts planned at once over two connections are numbered 1..20', async () => {
    const team = await createTeam(ctx, 'Busy day');
    // Two clients of their own, each with its own pool: the planners really race.
    const [one, two] = [buildTestCtx(database.connect(), { clock: ctx.clock }), buildTestCtx(database.connect(), { clock: ctx.clock })];
    const posts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => plan(team, { copy: `Post ${i}`, time: `1${i % 10}:00` }, i % 2 === 0 ? one : two)),
    );
    expect(posts.map((p) => p.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const counter = await database.db.counter.findUnique({ where: { scope_name: { scope: `brand:${team.brand.id}`, name: 'post' } } });
    expect(counter?.value).toBe(20);
  });
});

describe('reading the plan', () => {
  test('the week runs Monday to Sunday and shows each post with its status', async () => {
    const team = await createTeam(ctx, 'Weekly');
    const monday = await plan(team, { date: '2026-03-02', time: '12:00' });
    const thursday = await plan(team, { date: '2026-03-05', time: '08:00' });
    const thursdayLater = await plan(team, { date: '2026-03-05', time: '18:00', network: 'linkedin' });
    const sunday = await plan(team, { date: '2026-03-08', time: '23:59' });
    await plan(team, { date: '2026-03-09', time: '00:00' });
    await decidePost(ctx, { brandId: team.brand.id, actorId: team.strategist.id, postNumber: thursday.number, decision: 'approved' });

    const week = await listWeek(ctx, { brandId: team.brand.id, weekOf: '2026-03-07' });
    expect(week.weekStart).toBe('2026-03-02');
    expect(week.frozenAt).toBeNull();
    expect(week.days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    expect(week.days.map((d) => d.posts.map((p) => [p.number, p.status]))).toEqual([
      [[monday.number, 'pending_approval']],
      [],
      [],
      [
        [thursday.number, 'approved'],
        [thursdayLater.number, 'pending_approval'],
      ],
      [],
      [],
      [[sunday.number, 'pending_approval']],
    ]);
    expect(week.days[3]?.posts[0]?.approvals).toMatchObject([{ decider: { id: team.strategist.id }, decision: 'approved' }]);
    const thisWeek = await listWeek(ctx, { brandId: team.brand.id });
    expect(thisWeek.weekStart).toBe('2026-03-02');
    const nextWeek = await listWeek(ctx, { brandId: team.brand.id, weekOf: '2026-03-09' });
    expect(nextWeek.days[0]?.posts).toHaveLength(1);
    await expect(listWeek(ctx, { brandId: team.brand.id, actorId: team.outsider.id })).rejects.toMatchObject({ code: 'permission.denied' });
  });

  test('pending posts come soonest first, and a post is read by its number', async () => {
    const team = await createTeam(ctx, 'Pending');
    const later = await plan(team, { date: '2026-03-06' });
    const sooner = await plan(team, { date: '2026-03-04' });
    const approved = await plan(team, { date: '2026-03-03' });
    await decidePost(ctx, { brandId: team.brand.id, actorId: team.strategist.id, postNumber: approved.number, decision: 'approved' });
    expect((await listPendingPosts(ctx, { brandId: team.brand.id })).map((p) => p.number)).toEqual([sooner.number, later.number]);
    expect(await getPost(ctx, { brandId: team.brand.id, postNumber: sooner.number, actorId: team.viewer.id })).toMatchObject({ id: sooner.id, copy: sooner.copy });
    await expect(getPost(ctx, { brandId: team.brand.id, postNumber: 99 })).rejects.toMatchObject({ code: 'post.notFound', params: { number: 99 } });
  });
});

describe('editing', () => {
  test('an edit after approval sends the post back to pending as a new version', async () => {
    const team = await createTeam(ctx, 'Edited');
    const post = await plan(team);
    await decidePost(ctx, { brandId: team.brand.id, actorId: team.strategist.id, postNumber: post.number, decision: 'approved' });
    const edited = await editPost(ctx, { brandId: team.brand.id, actorId: team.cm.id, postNumber: post.number, copy: 'Our spring menu is finally here' });
    expect(edited).toMatchObject({ status: 'pending_approval', version: 2, approvalsGiven: 0, approvals: [], copy: 'Our spring menu is finally here', decidedAt: null });
    expect(await database.db.postApproval.count({ where: { postId: post.id, postVersion: 1 } })).toBe(1);
    expect(ctx.events).toContainEqual({ type: 'post.changed', brandId: team.brand.id, postId: post.id, change: 'edited' });
    const audit = await database.db.auditEntry.findFirst({ where: { action: 'post.edited', subjectId: String(post.id) } });
    expect(audit).toMatchObject({ before: { version: 1, status: 'approved' }, after: { version: 2, status: 'pending_approval' } });
  });

  test('changes requested, then edited: pending again and earlier approvals no longer count', async () => {
    const team = await createTeam(ctx, 'Two steps edited');
    await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'approvals', value: '2' });
    const post = await plan(team);
    await decidePost(ctx, { brandId: team.brand.id, actorId: team.strategist.id, postNumber: post.number, decision: 'approved' });
    await decidePost(ctx, { brandId: team.brand.id, actorId: team.strategist2.id, postNumber: post.number, decision: 'changes_requested', comment: 'Add the price' });
    expect((await getPost(ctx, { brandId: team.brand.id, postNumber: post.number })).status).toBe('changes_requested');
    const edited = await editPost(ctx, { brandId: team.brand.id, actorId: team.cm.id, postNumber: post.number, copy: 'Spring menu, from 12 €' });
    expect(edited).toMatchObject({ status: 'pending_approval', version: 2, approvalsGiven: 0 });
    const once = await decidePost(ctx, { brandId: team.brand.id, actorId: team.strategist.id, postNumber: post.number, decision: 'approved' });
    expect(once).toMatchObject({ final: false, post: { status: 'pending_approval', approvalsGiven: 1 } });
  });

  test('time, date and network can change; the part not given stays', async () => {
    const team = await createTeam(ctx, 'Rescheduled');
    await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'timezone', value: 'America/Sao_Paulo' });
    const post = await plan(team, { date: '2026-03-05', time: '10:00' });
    const moved = await editPost(ctx, { brandId: team.brand.id, actorId: team.cm.id, postNumber: post.number, time: '18:30' });
    expect(moved).toMatchObject({ localDate: '2026-03-05', localTime: '18:30', version: 2 });
    expect(moved.scheduledAt.toISOString()).toBe('2026-03-05T21:30:00.000Z');
    const redated = await editPost(ctx, { brandId: team.brand.id, actorId: team.strategist.id, postNumber: post.number, date: '2026-03-06', network: 'x' });
    expect(redated).toMatchObject({ localDate: '2026-03-06', localTime: '18:30', network: 'x', version: 3 });
    await expect(editPost(ctx, { brandId: team.brand.id, actorId: team.cm.id, postNumber: post.number, network: 'x' })).rejects.toMatchObject({ code: 'post.nothingToChange' });
    await expect(editPost(ctx, { brandId: team.brand.id, actorId: team.cm.id, postNumber: post.number, date: '2026-03-01' })).rejects.toMatchObject({ code: 'post.timeInPast' });
    await expect(editPost(ctx, { brandId: team.brand.id, actorId: team.cm.id, postNumber: post.number, copy: 'a'.repeat(281) })).rejects.toMatchObject({ code: 'post.copyTooLong', params: { network: 'x', over: 1 } });
    expect((await getPost(ctx, { brandId: team.brand.id, postNumber: post.number })).version).toBe(3);
  });

  test('only the author or a strategist edits, and only while the post is still open', async () => {
    const team = await createTeam(ctx, 'Edit rights');
    const post = await plan(team, { actorId: team.strategist.id });
    await expect(editPost(ctx, { brandId: team.brand.id, actorId: team.cm.id, postNumber: post.number, copy: 'Mine now' })).rejects.toMatchObject({ code: 'post.editNotAllowed' });
    await expect(editPost(ctx, { brandId: team.brand.id, actorId: team.viewer.id, postNumber: post.number, copy: 'Mine now' })).rejects.toMatchObject({ code: 'permission.denied' });
    expect((await editPost(ctx, { brandId: team.brand.id, actorId: team.strategist2.id, postNumber: post.number, copy: 'Edited by a strategist' })).version).toBe(2);
    await decidePost(ctx, { brandId: team.brand.id, actorId: team.strategist2.id, postNumber: post.number, decision: 'rejected', comment: 'Off brand' });
    const error = await failure(editPost(ctx, { brandId: team.brand.id, actorId: team.strategist.id, postNumber: post.number, copy: 'Try again' }));
    expect(error).toMatchObject({ code: 'post.notEditable', params: { status: 'rejected' } });
    await expect(editPost(ctx, { brandId: team.brand.id, actorId: team.strategist.id, postNumber: 404, copy: 'Nope' })).rejects.toMatchObject({ code: 'post.notFound' });
  });
});

describe('nudges and expiry', () => {
  test('pending posts within the brand’s nudge window are nudged once', async () => {
    const team = await createTeam(ctx, 'Nudged');
    const soon = await plan(team, { date: '2026-03-02', time: '10:30' });
    await plan(team, { date: '2026-03-02', time: '11:30' });
    const approved = await plan(team, { date: '2026-03-02', time: '10:00' });
    await decidePost(ctx, { brandId: team.brand.id, actorId: team.strategist.id, postNumber: approved.number, decision: 'approved' });
    const mine = async (now: Date) => (await findPostsNeedingNudge(ctx, { now })).filter((p) => p.brandId === team.brand.id).map((p) => p.number);

    const now = ctx.clock.now();
    expect(await mine(now)).toEqual([soon.number]);
    expect(await markNudged(ctx, { brandId: team.brand.id, postId: soon.id })).toBe(true);
    expect(await markNudged(ctx, { brandId: team.brand.id, postId: soon.id })).toBe(false);
    expect(ctx.events.filter((e) => e.type === 'post.changed' && e.postId === soon.id && e.change === 'nudged')).toHaveLength(1);
    expect(await mine(now)).toEqual([]);

    // A brand with a longer window sees the later post; a frozen brand is not nudged at all.
    await database.db.brand.update({ where: { id: team.brand.id }, data: { settings: { nudgeHoursBefore: 3 } } });
    expect(await mine(now)).toEqual([2]);
    await database.db.brand.update({ where: { id: team.brand.id }, data: { frozenAt: now } });
    expect(await mine(now)).toEqual([]);
  });

  test('posts past their time without approval expire, once', async () => {
    const team = await createTeam(ctx, 'Expired');
    const pending = await plan(team, { date: '2026-03-02', time: '09:30' });
    const changes = await plan(team, { date: '2026-03-02', time: '09:40' });
    const approved = await plan(team, { date: '2026-03-02', time: '09:45' });
    const future = await plan(team, { date: '2026-03-02', time: '12:00' });
    await decidePost(ctx, { brandId: team.brand.id, actorId: team.strategist.id, postNumber: changes.number, decision: 'changes_requested', comment: 'Needs a photo' });
    await decidePost(ctx, { brandId: team.brand.id, actorId: team.strategist.id, postNumber: approved.number, decision: 'approved' });

    const now = new Date('2026-03-02T10:00:00Z');
    const expired = (await expireOverduePosts(ctx, { now })).filter((p) => p.brandId === team.brand.id);
    expect(expired.map((p) => [p.number, p.status])).toEqual([
      [pending.number, 'expired'],
      [changes.number, 'expired'],
    ]);
    expect((await expireOverduePosts(ctx, { now })).filter((p) => p.brandId === team.brand.id)).toEqual([]);
    expect((await getPost(ctx, { brandId: team.brand.id, postNumber: approved.number })).status).toBe('approved');
    expect((await getPost(ctx, { brandId: team.brand.id, postNumber: future.number })).status).toBe('pending_approval');
    expect(await database.db.auditEntry.count({ where: { brandId: team.brand.id, action: 'post.expired' } })).toBe(2);
    expect(ctx.events.filter((e) => e.type === 'post.changed' && e.brandId === team.brand.id && e.change === 'expired')).toHaveLength(2);
  });
});

describe('message references', () => {
  test('every message about a post is remembered once and can be forgotten', async () => {
    const team = await createTeam(ctx, 'Messages');
    const post = await plan(team);
    const ref = { platform: 'slack', subjectType: 'post', subjectId: post.id, channelId: 'C-APPROVALS', messageId: '1712345678.000100' } as const;
    await rememberMessage(ctx, ref);
    await rememberMessage(ctx, ref);
    await rememberMessage(ctx, { ...ref, channelId: 'D-AUTHOR', messageId: '1712345679.000200' });
    expect(await listMessages(ctx, 'post', post.id)).toEqual([ref, { ...ref, channelId: 'D-AUTHOR', messageId: '1712345679.000200' }]);
    await forgetMessage(ctx, { platform: 'slack', channelId: 'D-AUTHOR', messageId: '1712345679.000200' });
    expect(await listMessages(ctx, 'post', post.id)).toEqual([ref]);
    expect(await listMessages(ctx, 'escalation', post.id)).toEqual([]);
  });
});
