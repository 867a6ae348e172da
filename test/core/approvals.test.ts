import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decidePost, type decidePostSchema } from '../../src/core/approvals.js';
import { updateBrandSetting } from '../../src/core/brands.js';
import { UserError } from '../../src/core/errors.js';
import { editPost, expireOverduePosts, getPost, planPost } from '../../src/core/posts.js';
import { translate } from '../../src/i18n/catalog.js';
import { createTeam, type Team } from '../helpers/fixtures.js';
import { buildTestCtx, type TestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';
import type { z } from 'zod';

let database: TestDatabase;
let ctx: TestCtx;
/** A second client on its own pool: decisions through it really race those through `ctx`. */
let ctx2: TestCtx;
beforeAll(async () => {
  database = await createTestDatabase();
  ctx = buildTestCtx(database.db);
  ctx2 = buildTestCtx(database.connect(), { clock: ctx.clock });
});
afterAll(async () => {
  await database.close();
});

type DecideInput = z.input<typeof decidePostSchema>;

async function teamWithSteps(name: string, steps = 1): Promise<Team> {
  const team = await createTeam(ctx, name);
  if (steps > 1) await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'approvals', value: String(steps) });
  return team;
}

async function planFor(team: Team, authorId = team.cm.id) {
  return planPost(ctx, { brandId: team.brand.id, actorId: authorId, network: 'instagram', date: '2026-03-05', time: '10:00', copy: 'Spring menu 🌸' });
}

function decide(team: Team, postNumber: number, overrides: Partial<DecideInput> = {}, on: TestCtx = ctx) {
  return decidePost(on, { brandId: team.brand.id, actorId: team.strategist.id, postNumber, decision: 'approved', ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

function approvalsOf(postId: number) {
  return database.db.postApproval.findMany({ where: { postId }, orderBy: { id: 'asc' } });
}

describe('deciding', () => {
  test('one strategist approves a one-step post: final, recorded, audited, announced', async () => {
    const team = await teamWithSteps('One step');
    const post = await planFor(team);
    ctx.clock.advance(60_000);
    const result = await decide(team, post.number, { comment: 'Lovely' });
    expect(result).toMatchObject({
      decision: 'approved',
      final: true,
      post: {
        status: 'approved',
        approvalsGiven: 1,
        approvalsNeeded: 1,
        approvals: [{ decider: { id: team.strategist.id, displayName: 'strategist' }, decision: 'approved', comment: 'Lovely', version: 1 }],
      },
    });
    expect(result.post.decidedAt?.toISOString()).toBe(ctx.clock.now().toISOString());
    expect(ctx.events).toContainEqual({ type: 'post.decided', brandId: team.brand.id, postId: post.id, decision: 'approved', final: true });
    const audit = await database.db.auditEntry.findFirst({ where: { action: 'post.approved', subjectId: String(post.id) } });
    expect(audit).toMatchObject({ actorId: team.strategist.id, before: { status: 'pending_approval' }, after: { status: 'approved', approvalsGiven: 1 } });
  });

  test('community managers, viewers and outsiders cannot decide', async () => {
    const team = await teamWithSteps('Not yours to decide');
    const post = await planFor(team, team.strategist.id);
    for (const person of [team.cm, team.viewer, team.outsider]) {
      const error = await failure(decide(team, post.number, { actorId: person.id }));
      expect(error).toMatchObject({ code: 'permission.denied', params: { required: 'strategist' } });
    }
    expect(await approvalsOf(post.id)).toEqual([]);
  });

  test('the author never decides on their own post, even as a strategist or admin', async () => {
    const team = await teamWithSteps('Own post');
    const byStrategist = await planFor(team, team.strategist.id);
    await expect(decide(team, byStrategist.number)).rejects.toMatchObject({ code: 'post.ownPost', params: { number: byStrategist.number } });
    await expect(decide(team, byStrategist.number, { decision: 'rejected', comment: 'meh' })).rejects.toMatchObject({ code: 'post.ownPost' });
    const byAdmin = await planFor(team, team.admin.id);
    await expect(decide(team, byAdmin.number, { actorId: team.admin.id })).rejects.toMatchObject({ code: 'post.ownPost' });
    expect((await decide(team, byAdmin.number)).post.status).toBe('approved');
    expect((await decide(team, byStrategist.number, { actorId: team.admin.id })).post.status).toBe('approved');
  });

  test('rejecting and requesting changes need a reason, and close the post for decisions', async () => {
    const team = await teamWithSteps('Reasons');
    const post = await planFor(team);
    await expect(decide(team, post.number, { decision: 'rejected' })).rejects.toMatchObject({ code: 'post.rejectReasonRequired' });
    await expect(decide(team, post.number, { decision: 'rejected', comment: '   ' })).rejects.toMatchObject({ code: 'post.rejectReasonRequired' });
    await expect(decide(team, post.number, { decision: 'changes_requested' })).rejects.toMatchObject({ code: 'post.changesNoteRequired' });
    const rejected = await decide(team, post.number, { decision: 'rejected', comment: 'Off-brand tone' });
    expect(rejected).toMatchObject({ final: true, post: { status: 'rejected', approvals: [{ decision: 'rejected', comment: 'Off-brand tone' }] } });
    const late = await failure(decide(team, post.number, { actorId: team.strategist2.id }));
    expect(late).toMatchObject({ code: 'post.alreadyDecided', params: { number: post.number, by: 'strategist', outcome: 'rejected', decision: 'rejected' } });
    expect(translate('en', late.code, late.params)).toBe(`Post #${post.number} was already decided by strategist: rejected.`);

    const changes = await planFor(team);
    const requested = await decide(team, changes.number, { decision: 'changes_requested', comment: 'Add the price' });
    expect(requested).toMatchObject({ final: true, post: { status: 'changes_requested' } });
    await expect(decide(team, changes.number, { actorId: team.strategist2.id })).rejects.toMatchObject({
      code: 'post.alreadyDecided',
      params: { outcome: 'changes requested' },
    });
  });

  test('with two steps a post needs two distinct strategists', async () => {
    const team = await teamWithSteps('Two steps', 2);
    const post = await planFor(team);
    const first = await decide(team, post.number);
    expect(first).toMatchObject({ final: false, post: { status: 'pending_approval', approvalsGiven: 1, approvalsNeeded: 2 } });
    expect(ctx.events).toContainEqual({ type: 'post.decided', brandId: team.brand.id, postId: post.id, decision: 'approved', final: false });
    const again = await failure(decide(team, post.number));
    expect(again).toMatchObject({ code: 'post.alreadyApproved', params: { number: post.number, given: 1, needed: 2 } });
    const second = await decide(team, post.number, { actorId: team.strategist2.id });
    expect(second).toMatchObject({ final: true, post: { status: 'approved', approvalsGiven: 2 } });
    expect(second.post.approvals.map((a) => a.decider.id)).toEqual([team.strategist.id, team.strategist2.id]);
    expect(await approvalsOf(post.id)).toHaveLength(2);
  });

  test('an edit between two approvals resets the count, and a stale button cannot approve new words', async () => {
    const team = await teamWithSteps('Moving target', 2);
    const post = await planFor(team);
    await decide(team, post.number);
    await editPost(ctx, { brandId: team.brand.id, actorId: team.cm.id, postNumber: post.number, copy: 'Spring menu, now with prices' });
    const stale = await failure(decide(team, post.number, { actorId: team.strategist2.id, expectedVersion: 1 }));
    expect(stale).toMatchObject({ code: 'post.versionChanged', params: { number: post.number, version: 2 } });
    const afterEdit = await decide(team, post.number, { actorId: team.strategist2.id, expectedVersion: 2 });
    expect(afterEdit).toMatchObject({ final: false, post: { status: 'pending_approval', version: 2, approvalsGiven: 1 } });
    // The first strategist approved version 1 only: approving version 2 is a new decision.
    expect((await decide(team, post.number)).post.status).toBe('approved');
  });

  test('expired posts and unknown numbers cannot be decided', async () => {
    const team = await teamWithSteps('Too late');
    const post = await planPost(ctx, { brandId: team.brand.id, actorId: team.cm.id, network: 'x', date: '2026-03-02', time: '09:30', copy: 'Flash sale' });
    await expireOverduePosts(ctx, { now: new Date('2026-03-02T09:31:00Z') });
    const error = await failure(decide(team, post.number));
    expect(error).toMatchObject({ code: 'post.notPending', params: { number: post.number, status: 'expired' } });
    await expect(decide(team, 999)).rejects.toMatchObject({ code: 'post.notFound', params: { number: 999 } });
  });

  test('the refusal speaks the brand’s language', async () => {
    const team = await teamWithSteps('Hablamos');
    await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'language', value: 'es' });
    const post = await planFor(team);
    await decide(team, post.number);
    const error = await failure(decide(team, post.number, { actorId: team.strategist2.id }));
    expect(translate('es', error.code, error.params)).toBe(`strategist ya decidió sobre la publicación #${post.number}: aprobada.`);
  });

  test('invalid decisions write nothing', async () => {
    const team = await teamWithSteps('Nothing written');
    const post = await planFor(team, team.strategist.id);
    const count = async () => ({
      approvals: await database.db.postApproval.count(),
      audit: await database.db.auditEntry.count(),
      post: await database.db.post.findUniqueOrThrow({ where: { id: post.id } }),
    });
    const before = await count();
    const attempts: [Partial<DecideInput>, string][] = [
      [{ decision: 'maybe' as DecideInput['decision'] }, 'error.invalidInput'],
      [{ postNumber: 0 }, 'error.invalidInput'],
      [{ comment: 'x'.repeat(2001) }, 'error.invalidInput'],
      [{ decision: 'rejected' }, 'post.rejectReasonRequired'],
      [{ actorId: team.cm.id }, 'permission.denied'],
      [{}, 'post.ownPost'],
      [{ postNumber: 404 }, 'post.notFound'],
    ];
    for (const [overrides, code] of attempts) {
      expect((await failure(decide(team, post.number, overrides))).code, JSON.stringify(overrides)).toBe(code);
    }
    expect(await count()).toEqual(before);
  });
});

describe('crisis freeze', () => {
  test('a frozen brand refuses approvals but still takes rejections and change requests', async () => {
    const team = await teamWithSteps('Frozen');
    const toApprove = await planFor(team);
    const toReject = await planFor(team);
    const toChange = await planFor(team);
    await database.db.brand.update({ where: { id: team.brand.id }, data: { frozenAt: new Date('2026-03-02T08:15:00Z') } });

    const error = await failure(decide(team, toApprove.number));
    expect(error).toMatchObject({ code: 'publishing.frozen', params: { brand: 'Frozen', since: '2026-03-02 08:15 UTC' } });
    expect(await approvalsOf(toApprove.id)).toEqual([]);
    expect((await decide(team, toReject.number, { decision: 'rejected', comment: 'Not during a crisis' })).post.status).toBe('rejected');
    expect((await decide(team, toChange.number, { decision: 'changes_requested', comment: 'Soften the tone' })).post.status).toBe('changes_requested');

    await database.db.brand.update({ where: { id: team.brand.id }, data: { frozenAt: null } });
    expect((await decide(team, toApprove.number)).post.status).toBe('approved');
  });
});

describe('races', () => {
  test('two strategists approving a one-step post at once: one decision, the other told who', async () => {
    const team = await teamWithSteps('Race');
    for (let round = 0; round < 5; round++) {
      const post = await planFor(team);
      const results = await Promise.allSettled([
        decide(team, post.number, { actorId: team.strategist.id }, ctx),
        decide(team, post.number, { actorId: team.strategist2.id }, ctx2),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const rows = await approvalsOf(post.id);
      expect(rows).toHaveLength(1);
      const winner = rows[0]?.deciderId === team.strategist.id ? 'strategist' : 'strategist-two';
      expect(lost[0]).toBeInstanceOf(UserError);
      expect(lost[0]).toMatchObject({ code: 'post.alreadyDecided', params: { by: winner, outcome: 'approved' } });
      expect((await getPost(ctx, { brandId: team.brand.id, postNumber: post.number })).status).toBe('approved');
    }
  });

  test('an approval and a rejection at once: exactly one of them lands', async () => {
    const team = await teamWithSteps('Split decision');
    const post = await planFor(team);
    const results = await Promise.allSettled([
      decide(team, post.number, { actorId: team.strategist.id }, ctx),
      decide(team, post.number, { actorId: team.strategist2.id, decision: 'rejected', comment: 'No' }, ctx2),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rows = await approvalsOf(post.id);
    expect(rows).toHaveLength(1);
    expect((await getPost(ctx, { brandId: team.brand.id, postNumber: post.number })).status).toBe(rows[0]?.decision);
  });

  test('a double click counts once', async () => {
    const team = await teamWithSteps('Double click');
    const post = await planFor(team);
    const results = await Promise.allSettled([decide(team, post.number, {}, ctx), decide(team, post.number, {}, ctx2)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'post.alreadyDecided', params: { by: 'strategist' } } });
    expect(await approvalsOf(post.id)).toHaveLength(1);

    const twoSteps = await teamWithSteps('Double click, two steps', 2);
    const pending = await planFor(twoSteps);
    const clicks = await Promise.allSettled([decide(twoSteps, pending.number, {}, ctx), decide(twoSteps, pending.number, {}, ctx2)]);
    expect(clicks.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'post.alreadyApproved', params: { given: 1, needed: 2 } } });
    expect(await approvalsOf(pending.id)).toHaveLength(1);
    expect((await getPost(ctx, { brandId: twoSteps.brand.id, postNumber: pending.number })).status).toBe('pending_approval');
  });

  test('two strategists approving a two-step post at once: both count and it is approved', async () => {
    const team = await teamWithSteps('Together', 2);
    const post = await planFor(team);
    const results = await Promise.all([
      decide(team, post.number, { actorId: team.strategist.id }, ctx),
      decide(team, post.number, { actorId: team.strategist2.id }, ctx2),
    ]);
    expect(results.map((r) => r.final).sort()).toEqual([false, true]);
    expect(await approvalsOf(post.id)).toHaveLength(2);
    expect((await getPost(ctx, { brandId: team.brand.id, postNumber: post.number })).status).toBe('approved');
  });
});
