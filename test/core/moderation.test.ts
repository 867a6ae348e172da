import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listAutomodRules, loadAutomodRuleSet, parseRuleSetting, setAutomodRule, setPunishment } from '../../src/core/automodRules.js';
import { createBrand, updateBrandSetting } from '../../src/core/brands.js';
import { claimCommandSync, releaseCommandSync } from '../../src/core/commandSync.js';
import { formatDuration, maxTimeoutSeconds, parseDuration } from '../../src/core/duration.js';
import { UserError } from '../../src/core/errors.js';
import {
  admitGuildModerator,
  createDiscordLinkCode,
  findGuildBrandId,
  getGuild,
  redeemDiscordLinkCode,
  resolveGuildBrand,
  updateGuildChannels,
} from '../../src/core/guilds.js';
import { pickPunishment, readGuildSettings, type PunishmentStep } from '../../src/core/guildSettings.js';
import { countRecentWarnings, getCase, listCasesForUser, noteCaseDelivery, recordCase } from '../../src/core/moderation.js';
import { createReport, resolveReport } from '../../src/core/reports.js';
import { createPerson, createTeam, type Team } from '../helpers/fixtures.js';
import { buildTestCtx, type TestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

let database: TestDatabase;
let ctx: TestCtx;
let team: Team;
beforeAll(async () => {
  database = await createTestDatabase();
  ctx = buildTestCtx(database.db);
  team = await createTeam(ctx);
});
afterAll(async () => {
  await database.close();
});

let nextGuild = 900_000_000_000_000_000n;
const newGuild = () => (nextGuild++).toString();
const moderator = '300000000000000001';
const member = '300000000000000002';

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('moderation cases', () => {
  test('numbered per guild, audited, published, timed by the clock', async () => {
    const a = newGuild();
    const b = newGuild();
    const first = await recordCase(ctx, { guildId: a, action: 'warn', targetId: member, moderatorId: moderator, reason: 'spam' });
    const second = await recordCase(ctx, { guildId: a, action: 'timeout', targetId: member, moderatorId: moderator, durationSeconds: 600 });
    const other = await recordCase(ctx, { guildId: b, action: 'ban', targetId: member, moderatorId: moderator });
    expect([first.number, second.number, other.number]).toEqual([1, 2, 1]);
    expect(first).toMatchObject({ source: 'manual', brandId: null, reason: 'spam', createdAt: ctx.clock.now() });
    expect(ctx.events).toContainEqual({ type: 'moderation.case', brandId: null, guildId: a, caseId: first.id });
    const audit = await database.db.auditEntry.findFirstOrThrow({ where: { subjectType: 'moderation_case', subjectId: String(second.id) } });
    expect(audit).toMatchObject({ action: 'moderation.timeout', actorRef: `discord:${moderator}` });
    expect(audit.after).toMatchObject({ guildId: a, number: 2, durationSeconds: 600 });
  });

  test('concurrent cases over two connections: no gaps, no duplicates', async () => {
    const guildId = newGuild();
    const other = buildTestCtx(database.connect(4));
    const record = (c: TestCtx, i: number) => recordCase(c, { guildId, action: 'warn', targetId: member, moderatorId: moderator, reason: `burst ${i}` });
    const cases = await Promise.all(Array.from({ length: 24 }, (_, i) => record(i % 2 ? ctx : other, i)));
    expect(cases.map((c) => c.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  test('invalid input is refused before anything is written', async () => {
    const before = await database.db.moderationCase.count();
    const error = await rejection(recordCase(ctx, { guildId: 'not-a-guild', action: 'warn', targetId: member, moderatorId: moderator }));
    expect(error.code).toBe('error.invalidInput');
    expect(String(error.params.problems)).toContain('guildId: must be a Discord id');
    expect((await rejection(recordCase(ctx, { guildId: newGuild(), action: 'warn', targetId: member, moderatorId: moderator, reason: 'x'.repeat(600) }))).code).toBe('error.invalidInput');
    expect(await database.db.moderationCase.count()).toBe(before);
  });

  test('getCase finds by number within the guild only', async () => {
    const guildId = newGuild();
    const kase = await recordCase(ctx, { guildId, action: 'note', targetId: member, moderatorId: moderator, reason: 'watch' });
    expect((await getCase(ctx, { guildId, number: 1 })).id).toBe(kase.id);
    expect((await rejection(getCase(ctx, { guildId: newGuild(), number: 1 }))).code).toBe('moderation.caseNotFound');
  });

  test('a member’s history comes newest first, a page at a time', async () => {
    const guildId = newGuild();
    for (let i = 0; i < 7; i++) await recordCase(ctx, { guildId, action: 'warn', targetId: member, moderatorId: moderator, reason: `w${i}` });
    await recordCase(ctx, { guildId, action: 'warn', targetId: moderator, moderatorId: member });
    const page1 = await listCasesForUser(ctx, { guildId, targetId: member });
    expect(page1).toMatchObject({ total: 7, page: 1, pageCount: 2 });
    expect(page1.cases.map((c) => c.number)).toEqual([7, 6, 5, 4, 3]);
    const page2 = await listCasesForUser(ctx, { guildId, targetId: member, page: 2 });
    expect(page2.cases.map((c) => c.number)).toEqual([2, 1]);
    expect((await listCasesForUser(ctx, { guildId, targetId: member, page: 9 })).page).toBe(2);
    expect(await listCasesForUser(ctx, { guildId, targetId: '300000000000000009' })).toMatchObject({ total: 0, page: 1, pageCount: 1, cases: [] });
  });

  test('warnings in a window count only warnings, only since then', async () => {
    const guildId = newGuild();
    const start = ctx.clock.now();
    await recordCase(ctx, { guildId, action: 'warn', targetId: member, moderatorId: moderator });
    ctx.clock.advance(3_600_000);
    await recordCase(ctx, { guildId, action: 'warn', targetId: member, moderatorId: moderator, source: 'automod', ruleKind: 'caps' });
    await recordCase(ctx, { guildId, action: 'timeout', targetId: member, moderatorId: moderator, durationSeconds: 60 });
    await recordCase(ctx, { guildId, action: 'warn', targetId: moderator, moderatorId: member });
    expect(await countRecentWarnings(ctx, { guildId, targetId: member, since: start })).toBe(2);
    expect(await countRecentWarnings(ctx, { guildId, targetId: member, since: new Date(start.getTime() + 1) })).toBe(1);
  });

  test('delivery notes: DM and mod-log message', async () => {
    const kase = await recordCase(ctx, { guildId: newGuild(), action: 'warn', targetId: member, moderatorId: moderator });
    await noteCaseDelivery(ctx, { caseId: kase.id, dmDelivered: false, modLogMessageId: '400000000000000001' });
    expect(await database.db.moderationCase.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({ dmDelivered: false, modLogMessageId: '400000000000000001' });
  });
});

describe('durations', () => {
  test('parse what people type, refuse the rest', () => {
    expect(parseDuration('10m', maxTimeoutSeconds)).toBe(600);
    expect(parseDuration(' 1h30m ', maxTimeoutSeconds)).toBe(5400);
    expect(parseDuration('28d', maxTimeoutSeconds)).toBe(28 * 86_400);
    expect(() => parseDuration('29d', maxTimeoutSeconds)).toThrow(UserError);
    expect(() => parseDuration('soon', maxTimeoutSeconds)).toThrow(UserError);
    expect(() => parseDuration('0m', maxTimeoutSeconds)).toThrow(UserError);
    expect(formatDuration(93_784)).toBe('1d 2h 3m 4s');
    expect(formatDuration(0)).toBe('0s');
  });
});

describe('automod rules', () => {
  test('every rule is on with defaults until a guild changes it', async () => {
    const rules = await listAutomodRules(ctx, newGuild());
    expect(rules.map((r) => [r.kind, r.enabled, r.customized])).toEqual([
      ['invites', true, false],
      ['mass_mentions', true, false],
      ['banned_words', true, false],
      ['caps', true, false],
      ['flood', true, false],
      ['links', true, false],
    ]);
    expect(rules.find((r) => r.kind === 'mass_mentions')?.config).toEqual({ threshold: 5 });
    expect(rules.find((r) => r.kind === 'flood')?.config).toEqual({ messages: 5, seconds: 5 });
  });

  test('turning rules off and on, with settings; audited', async () => {
    const guildId = newGuild();
    const off = await setAutomodRule(ctx, { guildId, kind: 'caps', enabled: false, actorRef: moderator });
    expect(off).toMatchObject({ kind: 'caps', enabled: false, customized: true });
    const on = await setAutomodRule(ctx, { guildId, kind: 'mass_mentions', enabled: true, setting: '3', actorRef: moderator });
    expect(on.config).toEqual({ threshold: 3 });
    const flood = await setAutomodRule(ctx, { guildId, kind: 'flood', enabled: true, setting: '8 in 10s', actorRef: moderator });
    expect(flood.config).toEqual({ messages: 8, seconds: 10 });
    const caps = await setAutomodRule(ctx, { guildId, kind: 'caps', enabled: true, setting: '80%', actorRef: moderator });
    expect(caps.config).toMatchObject({ ratio: 0.8 });
    expect(await database.db.auditEntry.count({ where: { action: 'automod.rule.set', actorRef: `discord:${moderator}` } })).toBeGreaterThanOrEqual(4);
  });

  test('a bad setting is refused with an example, and nothing changes', async () => {
    const guildId = newGuild();
    const error = await rejection(setAutomodRule(ctx, { guildId, kind: 'mass_mentions', enabled: true, setting: '1', actorRef: moderator }));
    expect(error).toMatchObject({ code: 'automod.badSetting', params: { rule: 'mass_mentions', text: '1', example: '5' } });
    expect((await rejection(setAutomodRule(ctx, { guildId, kind: 'links', enabled: true, setting: 'not a domain!', actorRef: moderator }))).code).toBe('automod.badSetting');
    expect(await database.db.automodRule.count({ where: { guildId } })).toBe(0);
  });

  test('list settings add to what is there', () => {
    expect(parseRuleSetting('links', 'a.com, b.org', { allowedDomains: ['a.com'] })).toEqual({ allowedDomains: ['a.com', 'b.org'] });
    expect(parseRuleSetting('banned_words', 'uno, dos tres', { extraWords: ['uno'] })).toEqual({ extraWords: ['uno', 'dos tres'] });
  });

  test('a stored config that no longer fits falls back to the defaults', async () => {
    const guildId = newGuild();
    await database.db.automodRule.create({ data: { guildId, kind: 'flood', config: { messages: 9999 } } });
    expect((await listAutomodRules(ctx, guildId)).find((r) => r.kind === 'flood')?.config).toEqual({ messages: 5, seconds: 5 });
  });

  test('the rule set for the evaluator: enabled rules, banned words = the brand’s plus the guild’s', async () => {
    const guildId = newGuild();
    await updateBrandSetting(ctx, { brandId: team.brand.id, actorId: team.admin.id, key: 'banned-words', value: 'alpha, beta' });
    await setAutomodRule(ctx, { guildId, kind: 'banned_words', enabled: true, setting: 'gamma', actorRef: moderator });
    await setAutomodRule(ctx, { guildId, kind: 'caps', enabled: false, actorRef: moderator });
    const specs = await loadAutomodRuleSet(ctx, guildId);
    expect(specs.map((s) => s.kind)).toEqual(['invites', 'mass_mentions', 'banned_words', 'flood', 'links']);
    expect(specs.find((s) => s.kind === 'banned_words')).toEqual({ kind: 'banned_words', words: ['alpha', 'beta', 'gamma'] });
  });
});

describe('escalating punishments', () => {
  const steps: PunishmentStep[] = [
    { warnings: 3, windowHours: 24, action: 'timeout', durationSeconds: 3600 },
    { warnings: 5, windowHours: 72, action: 'kick' },
  ];

  test('the step for exactly that many warnings; past the last, the last again', () => {
    const counts = (day: number, threeDays: number) => (step: PunishmentStep) => (step.windowHours === 24 ? day : threeDays);
    expect(pickPunishment(steps, counts(2, 2))).toBeNull();
    expect(pickPunishment(steps, counts(3, 3))?.action).toBe('timeout');
    expect(pickPunishment(steps, counts(4, 4))).toBeNull();
    expect(pickPunishment(steps, counts(1, 5))?.action).toBe('kick');
    expect(pickPunishment(steps, counts(1, 6))?.action).toBe('kick');
    expect(pickPunishment([], counts(9, 9))).toBeNull();
  });

  test('default: 3 warnings in 24 h → timeout 1 h; stored junk falls back to it', () => {
    expect(readGuildSettings({}).punishments).toEqual([{ warnings: 3, windowHours: 24, action: 'timeout', durationSeconds: 3600 }]);
    expect(readGuildSettings({ punishments: [{ warnings: 'x' }] }).punishments).toHaveLength(1);
  });

  test('set, replace and remove steps', async () => {
    const guildId = newGuild();
    expect(await setPunishment(ctx, { guildId, actorRef: moderator, warnings: 5, action: 'ban' })).toEqual([steps[0], { warnings: 5, windowHours: 24, action: 'ban' }]);
    expect(await setPunishment(ctx, { guildId, actorRef: moderator, warnings: 3, action: 'timeout', duration: '2h', windowHours: 12 })).toEqual([
      { warnings: 3, windowHours: 12, action: 'timeout', durationSeconds: 7200 },
      { warnings: 5, windowHours: 24, action: 'ban' },
    ]);
    expect(await setPunishment(ctx, { guildId, actorRef: moderator, warnings: 3, action: 'off' })).toEqual([{ warnings: 5, windowHours: 24, action: 'ban' }]);
    expect((await getGuild(ctx, guildId)).settings.punishments).toEqual([{ warnings: 5, windowHours: 24, action: 'ban' }]);
    expect((await rejection(setPunishment(ctx, { guildId, actorRef: moderator, warnings: 4, action: 'timeout', duration: '40d' }))).code).toBe('moderation.durationTooLong');
  });
});

describe('reports', () => {
  const report = (guildId: string, messageId: string) =>
    createReport(ctx, { guildId, channelId: '500000000000000001', messageId, authorId: member, reporterId: moderator, content: 'rude words' });

  test('one open report per message; published; resolved once', async () => {
    const guildId = newGuild();
    const first = await report(guildId, '600000000000000001');
    expect(first.created).toBe(true);
    expect(ctx.events).toContainEqual({ type: 'moderation.report', brandId: team.brand.id, guildId, reportId: first.report.id });
    const again = await report(guildId, '600000000000000001');
    expect(again).toMatchObject({ created: false, report: { id: first.report.id } });
    const resolved = await resolveReport(ctx, { guildId, reportId: first.report.id, handledById: moderator, status: 'dismissed', resolution: 'fine' });
    expect(resolved).toMatchObject({ status: 'dismissed', handledById: moderator, resolution: 'fine', handledAt: ctx.clock.now() });
    // Once handled, the same message can be reported again.
    expect((await report(guildId, '600000000000000001')).created).toBe(true);
  });

  test('two moderators at once over two connections: exactly one decision', async () => {
    const guildId = newGuild();
    const { report: open } = await report(guildId, '600000000000000002');
    const other = buildTestCtx(database.connect(2));
    const outcomes = await Promise.allSettled([
      resolveReport(ctx, { guildId, reportId: open.id, handledById: moderator, status: 'actioned', resolution: 'warned' }),
      resolveReport(other, { guildId, reportId: open.id, handledById: member, status: 'dismissed' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const loser = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(UserError);
    expect((loser.reason as UserError).code).toBe('report.alreadyHandled');
    expect(await database.db.auditEntry.count({ where: { subjectType: 'report', subjectId: String(open.id), action: { in: ['report.actioned', 'report.dismissed'] } } })).toBe(1);
  });

  test('a report of another guild is not found', async () => {
    const { report: open } = await report(newGuild(), '600000000000000003');
    expect((await rejection(resolveReport(ctx, { guildId: newGuild(), reportId: open.id, handledById: moderator, status: 'dismissed' }))).code).toBe('report.notFound');
  });
});

describe('command sync claims', () => {
  test('once per command set; a new set forgets the old, so rolling back registers again', async () => {
    const a = { applicationId: '1100000000000000009', hash: 'a'.repeat(32) };
    const b = { ...a, hash: 'b'.repeat(32) };
    expect(await claimCommandSync(ctx, a)).toBe(true);
    expect(await claimCommandSync(ctx, a)).toBe(false);
    expect(await claimCommandSync(ctx, b)).toBe(true);
    expect(await claimCommandSync(ctx, a)).toBe(true);
    await releaseCommandSync(ctx, a);
    expect(await claimCommandSync(ctx, a)).toBe(true);
  });
});

describe('guilds, link codes and the guild’s brand', () => {
  test('an unknown guild reads as defaults; channels update field by field', async () => {
    const guildId = newGuild();
    expect(await getGuild(ctx, guildId)).toMatchObject({ brandId: null, modLogChannelId: null, reportsChannelId: null, digestChannelId: null });
    await updateGuildChannels(ctx, { guildId, actorRef: moderator, modLogChannelId: '700000000000000001' });
    const after = await updateGuildChannels(ctx, { guildId, actorRef: moderator, reportsChannelId: '700000000000000002' });
    expect(after).toMatchObject({ modLogChannelId: '700000000000000001', reportsChannelId: '700000000000000002' });
    expect(await database.db.auditEntry.count({ where: { action: 'guild.channels', subjectId: guildId } })).toBe(2);
  });

  test('with exactly one brand, every guild is that brand’s', async () => {
    expect((await resolveGuildBrand(ctx, newGuild())).id).toBe(team.brand.id);
  });

  test('link codes: admins only; one use; 30 minutes', async () => {
    expect((await rejection(createDiscordLinkCode(ctx, { brandId: team.brand.id, actorId: team.strategist.id }))).code).toBe('permission.denied');
    const { code, expiresAt } = await createDiscordLinkCode(ctx, { brandId: team.brand.id, actorId: team.admin.id });
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(expiresAt.getTime() - ctx.clock.now().getTime()).toBe(30 * 60_000);
    const guildId = newGuild();
    expect((await redeemDiscordLinkCode(ctx, { guildId, code: code.toLowerCase() })).id).toBe(team.brand.id);
    expect((await getGuild(ctx, guildId)).brandId).toBe(team.brand.id);
    expect(await database.db.binding.count({ where: { platform: 'discord', scope: 'guild', externalId: guildId } })).toBe(1);
    expect((await rejection(redeemDiscordLinkCode(ctx, { guildId: newGuild(), code }))).code).toBe('guild.linkCodeUsed');
    expect((await rejection(redeemDiscordLinkCode(ctx, { guildId: newGuild(), code: 'ABCD-EFGH' }))).code).toBe('guild.linkCodeUnknown');
    const late = await createDiscordLinkCode(ctx, { brandId: team.brand.id, actorId: team.admin.id });
    ctx.clock.advance(31 * 60_000);
    expect((await rejection(redeemDiscordLinkCode(ctx, { guildId: newGuild(), code: late.code }))).code).toBe('guild.linkCodeExpired');
  });

  test('two guilds redeeming one code at once: exactly one gets it', async () => {
    const { code } = await createDiscordLinkCode(ctx, { brandId: team.brand.id, actorId: team.admin.id });
    const other = buildTestCtx(database.connect(2), { clock: ctx.clock });
    const outcomes = await Promise.allSettled([redeemDiscordLinkCode(ctx, { guildId: newGuild(), code }), redeemDiscordLinkCode(other, { guildId: newGuild(), code })]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  test('a guild moderator becomes a community manager of the brand, never less than they were', async () => {
    const guildId = newGuild();
    const person = await admitGuildModerator(ctx, { brandId: team.brand.id, guildId, userId: '800000000000000001', displayName: 'mod' });
    expect(await database.db.membership.findUniqueOrThrow({ where: { brandId_personId: { brandId: team.brand.id, personId: person.id } } })).toMatchObject({ role: 'community_manager' });
    await database.db.membership.update({ where: { brandId_personId: { brandId: team.brand.id, personId: person.id } }, data: { role: 'strategist' } });
    await admitGuildModerator(ctx, { brandId: team.brand.id, guildId, userId: '800000000000000001' });
    expect((await database.db.membership.findUniqueOrThrow({ where: { brandId_personId: { brandId: team.brand.id, personId: person.id } } })).role).toBe('strategist');
  });

  test('with several brands, an unlinked guild has none and must run /setup; a linked one keeps its brand', async () => {
    const boss = await createPerson(ctx, 'globex-admin');
    const globex = await createBrand(ctx, { name: 'Globex', actorId: boss.id });
    const unlinked = newGuild();
    expect(await findGuildBrandId(ctx, unlinked)).toBeNull();
    expect((await rejection(resolveGuildBrand(ctx, unlinked))).code).toBe('guild.setupNeeded');
    const { code } = await createDiscordLinkCode(ctx, { brandId: globex.id, actorId: boss.id });
    const linked = newGuild();
    await redeemDiscordLinkCode(ctx, { guildId: linked, code });
    expect((await resolveGuildBrand(ctx, linked)).name).toBe('Globex');
  });
});
