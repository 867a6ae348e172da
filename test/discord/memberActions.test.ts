import { MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { recordCase } from '../../src/core/moderation.js';
import { startDiscordHarness, type DiscordHarness } from './harness.js';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(h.errors()).toEqual([]);
});

const memberActionCalls = () => h.fake.calls.filter((call) => /^\/guilds\/\d+\/(bans|members)\//.test(call.path) && call.method !== 'GET');
const casesOf = (targetId: string) => h.database.db.moderationCase.findMany({ where: { guildId: h.c.guildId, targetId }, orderBy: { number: 'asc' } });
const dmsTo = (userId: string) => {
  const channel = [...h.fake.world.channels.values()].find((ch) => ch.type === 1 && ch.recipients?.[0]?.id === userId);
  return channel ? h.fake.messagesIn(channel.id) : [];
};

describe('warn', () => {
  test('records case #1, tells the member by DM, posts to the mod log, publishes the event', async () => {
    const result = await h.run('moderator', 'warn', { user: h.c.users.member, reason: 'spam in #general' });
    expect(result.reply?.content).toBe(`Case #1: <@${h.c.users.member}> was warned.\nThey were told by DM.`);
    expect(result.reply?.flags ?? 0).toBe(MessageFlags.Ephemeral);

    const [kase] = await casesOf(h.c.users.member);
    expect(kase).toMatchObject({ number: 1, action: 'warn', source: 'manual', moderatorId: h.c.users.moderator, moderatorTag: 'maria_mod', targetTag: 'sam_member', reason: 'spam in #general', dmDelivered: true, brandId: h.team.brand.id });
    expect(kase?.modLogMessageId).toBeTruthy();

    const modLog = h.modLog();
    expect(modLog).toHaveLength(1);
    expect(modLog[0]?.id).toBe(kase?.modLogMessageId);
    expect(h.textOf(modLog[0])).toContain('Case #1 · Warn');
    expect(h.textOf(modLog[0])).toContain('Reason: spam in #general');
    expect(h.textOf(modLog[0])).toContain(`Moderator: <@${h.c.users.moderator}>`);

    expect(dmsTo(h.c.users.member).map((m) => m.content)).toEqual(['You received a warning in Acme Community: spam in #general']);
    expect(h.ctx.events).toContainEqual({ type: 'moderation.case', brandId: h.team.brand.id, guildId: h.c.guildId, caseId: kase?.id });
    expect(await h.database.db.auditEntry.count({ where: { action: 'moderation.warn', subjectId: String(kase?.id), actorRef: `discord:${h.c.users.moderator}` } })).toBe(1);
  });

  test('a member with closed DMs is warned anyway, and the case says the DM failed', async () => {
    h.fake.world.closedDms.add(h.c.users.member2);
    const result = await h.run('moderator', 'warn', { user: h.c.users.member2, reason: 'rude' });
    expect(result.reply?.content).toContain('Their DMs are closed, so they were not told.');
    const [kase] = await casesOf(h.c.users.member2);
    expect(kase?.dmDelivered).toBe(false);
    expect(h.textOf(h.modLog().at(-1))).toContain('DM: Not delivered (DMs closed)');
    h.fake.world.closedDms.delete(h.c.users.member2);
  });

  test('answers in the moderator’s language', async () => {
    const result = await h.run('moderator', 'warn', { user: h.c.users.member2, reason: 'otra vez' }, { locale: 'es-ES' });
    expect(result.reply?.content).toMatch(/^Caso #3: <@\d+> recibió una advertencia\.\nSe le avisó por MD\.$/);
  });
});

describe('timeout and untimeout', () => {
  test('/timeout sets a native timeout from Tandem’s clock, with the audit-log reason', async () => {
    const result = await h.run('moderator', 'timeout', { user: h.c.users.member, duration: '1h', reason: 'cool down' });
    expect(result.reply?.content).toContain('is timed out for 1h.');
    const [call] = h.fake.callsTo('PATCH', `/guilds/${h.c.guildId}/members/${h.c.users.member}`);
    expect(call?.body).toMatchObject({ communication_disabled_until: '2026-03-02T10:00:00.000Z' });
    expect(call?.auditLogReason).toBe('maria_mod: cool down');
    expect(h.fake.world.guilds.get(h.c.guildId)?.members.get(h.c.users.member)?.communication_disabled_until).toBe('2026-03-02T10:00:00.000Z');
    expect((await casesOf(h.c.users.member)).at(-1)).toMatchObject({ action: 'timeout', durationSeconds: 3600 });
    expect(dmsTo(h.c.users.member).at(-1)?.content).toBe('You were timed out in Acme Community for 1h: cool down');
  });

  test('a duration that is not one, or longer than 28 days, is refused before any call', async () => {
    const before = memberActionCalls().length;
    expect((await h.run('moderator', 'timeout', { user: h.c.users.member, duration: 'soon' })).reply?.content).toBe('"soon" is not a duration. Use for example 10m, 1h, 1d or 1h30m.');
    expect((await h.run('moderator', 'timeout', { user: h.c.users.member, duration: '29d' })).reply?.content).toBe('"29d" is too long: the most is 28d.');
    expect(memberActionCalls()).toHaveLength(before);
  });

  test('/untimeout lifts it; a member who is not timed out is refused without a call', async () => {
    const lifted = await h.run('moderator', 'untimeout', { user: h.c.users.member });
    expect(lifted.reply?.content).toContain('timeout was lifted');
    expect(h.fake.callsTo('PATCH', `/guilds/${h.c.guildId}/members/${h.c.users.member}`).at(-1)?.body).toMatchObject({ communication_disabled_until: null });
    const before = memberActionCalls().length;
    const again = await h.run('moderator', 'untimeout', { user: h.c.users.member });
    expect(again.reply?.content).toBe('sam_member is not timed out.');
    expect(memberActionCalls()).toHaveLength(before);
  });
});

describe('refusals', () => {
  test('role hierarchy: no action on higher or equal roles, the owner, the bot or oneself — and no API call', async () => {
    const before = memberActionCalls().length;
    const refusal = async (user: Parameters<DiscordHarness['run']>[0], name: string, target: string) =>
      (await h.run(user, name, { user: target, ...(name === 'timeout' ? { duration: '10m' } : {}), ...(name === 'warn' ? { reason: 'x' } : {}) })).reply?.content;
    expect(await refusal('moderator', 'ban', h.c.users.admin)).toBe('adam_admin’s highest role (Admin) is not below yours, so you can’t moderate them.');
    expect(await refusal('moderator', 'timeout', h.c.users.moderator2)).toBe('marco_mod’s highest role (Moderator) is not below yours, so you can’t moderate them.');
    expect(await refusal('moderator', 'kick', h.c.users.owner)).toBe('olivia_owner owns this server and can’t be moderated.');
    expect(await refusal('admin', 'ban', h.fake.applicationId)).toBe('I won’t act on myself.');
    expect(await refusal('moderator', 'warn', h.c.users.moderator)).toBe('You can’t use this on yourself.');
    // The owner outranks everyone, but the VIP's role sits above Tandem's: the bot refuses.
    expect(await refusal('owner', 'ban', h.c.users.vip)).toBe('victor_vip’s highest role (VIP) is not below mine, so I can’t act on them. A server admin can move my role higher.');
    expect(memberActionCalls()).toHaveLength(before);
  });

  test('permissions are checked at run time, for the member and for the bot', async () => {
    const before = memberActionCalls().length;
    // Server admins can show a command to anyone; the runtime check still holds.
    expect((await h.run('member', 'ban', { user: h.c.users.member2 })).reply?.content).toBe('You need the Ban Members permission for this.');
    expect((await h.run('member2', 'timeout', { user: h.c.users.member, duration: '1h' })).reply?.content).toBe('You need the Moderate Members permission for this.');
    const botRole = h.fake.world.guilds.get(h.c.guildId)?.roles.find((role) => role.id === h.c.roles.bot);
    if (!botRole) throw new Error('bot role missing');
    const saved = botRole.permissions;
    botRole.permissions = (BigInt(saved) & ~PermissionFlagsBits.BanMembers).toString();
    try {
      expect((await h.run('moderator', 'ban', { user: h.c.users.member2 })).reply?.content).toBe('I need the Ban Members permission for this. A server admin can give it to my role.');
    } finally {
      botRole.permissions = saved;
    }
    expect(memberActionCalls()).toHaveLength(before);
    expect(h.fake.callsTo('PATCH', /\/webhooks\//).length).toBeGreaterThan(0);
  });
});

describe('Discord refusals are answered, never thrown', () => {
  test('Missing Permissions (50013)', async () => {
    h.fake.failNext({ method: 'PATCH', path: /\/members\//, status: 403, code: 50013, message: 'Missing Permissions' });
    const result = await h.run('moderator', 'timeout', { user: h.c.users.member, duration: '10m' });
    expect(result.reply?.content).toBe('Discord refused: I am missing a permission for that here (check my role and this channel’s permissions).');
  });

  test('Unknown Member (10007)', async () => {
    h.fake.failNext({ method: 'PATCH', path: /\/members\//, status: 404, code: 10007, message: 'Unknown Member' });
    const result = await h.run('moderator', 'timeout', { user: h.c.users.member, duration: '10m' });
    expect(result.reply?.content).toBe('That member is no longer in the server.');
  });

  test('a long rate limit is answered with the wait; a short one is waited out', async () => {
    const casesBefore = (await casesOf(h.c.users.member)).length;
    h.fake.failNext({ method: 'PATCH', path: /\/members\//, status: 429, retryAfter: 60 });
    const limited = await h.run('moderator', 'timeout', { user: h.c.users.member, duration: '10m' });
    expect(limited.reply?.content).toBe('Discord is rate limiting me right now: nothing was done. Try again in 60 s.');
    expect(await casesOf(h.c.users.member)).toHaveLength(casesBefore);

    const patches = h.fake.callsTo('PATCH', /\/members\//).length;
    h.fake.failNext({ method: 'PATCH', path: /\/members\//, status: 429, retryAfter: 0.05 });
    const retried = await h.run('moderator', 'timeout', { user: h.c.users.member, duration: '10m' });
    expect(retried.reply?.content).toContain('is timed out for 10m.');
    expect(h.fake.callsTo('PATCH', /\/members\//).slice(patches).map((call) => call.status)).toEqual([429, 200]);
    expect(await casesOf(h.c.users.member)).toHaveLength(casesBefore + 1);
  });
});

describe('escalating punishment on manual warnings', () => {
  test('the third warning in 24 h times the member out for an hour, as its own case', async () => {
    const warnings = await h.database.db.moderationCase.count({ where: { targetId: h.c.users.member2, action: 'warn' } });
    expect(warnings).toBe(2);
    const result = await h.run('moderator2', 'warn', { user: h.c.users.member2, reason: 'third time' });
    expect(result.reply?.content).toMatch(/was warned\.\nThey were told by DM\.\nEscalating punishment: timeout \(case #\d+, 3 warnings in 24 h\)\.$/);
    const latest = (await casesOf(h.c.users.member2)).at(-1);
    expect(latest).toMatchObject({ action: 'timeout', source: 'automod', durationSeconds: 3600, moderatorId: h.fake.applicationId, reason: '3 warnings in 24 h' });
    expect(h.fake.callsTo('PATCH', `/guilds/${h.c.guildId}/members/${h.c.users.member2}`).at(-1)?.auditLogReason).toBe('Tandem: 3 warnings in 24 h');
  });
});

describe('kick, ban, unban', () => {
  test('/kick tells the member first (they share no server afterwards), then kicks', async () => {
    const result = await h.run('moderator', 'kick', { user: h.c.users.member2, reason: 'repeated abuse' });
    expect(result.reply?.content).toContain('was kicked.\nThey were told by DM.');
    const paths = h.fake.calls.map((call) => `${call.method} ${call.path}`);
    const dmIndex = paths.lastIndexOf('POST /users/@me/channels');
    const kickIndex = paths.lastIndexOf(`DELETE /guilds/${h.c.guildId}/members/${h.c.users.member2}`);
    expect(dmIndex).toBeGreaterThan(-1);
    expect(kickIndex).toBeGreaterThan(dmIndex);
    expect(h.fake.world.guilds.get(h.c.guildId)?.members.has(h.c.users.member2)).toBe(false);
  });

  test('/ban with delete_messages removes their recent messages', async () => {
    h.fake.postMessage({ channelId: h.c.channels.general, authorId: h.c.users.member, content: 'buy my stuff', dispatch: false });
    h.fake.postMessage({ channelId: h.c.channels.general, authorId: h.c.users.member, content: 'old news', at: new Date('2026-02-01T09:00:00Z'), dispatch: false });
    const result = await h.run('moderator', 'ban', { user: h.c.users.member, delete_messages: '1d', reason: 'scam' });
    expect(result.reply?.content).toContain('was banned.');
    const [call] = h.fake.callsTo('PUT', `/guilds/${h.c.guildId}/bans/${h.c.users.member}`);
    expect(call?.body).toEqual({ delete_message_seconds: 86_400 });
    expect(call?.auditLogReason).toBe('maria_mod: scam');
    expect(h.fake.messagesIn(h.c.channels.general).map((m) => m.content)).toEqual(['old news']);
    expect(dmsTo(h.c.users.member).at(-1)?.content).toBe('You were banned from Acme Community: scam');
  });

  test('/ban works on a user who is not in the server', async () => {
    const result = await h.run('moderator', 'ban', { user: h.c.users.stranger });
    expect(result.reply?.content).toMatch(/^Case #\d+: <@\d+> was banned\.$/);
    expect(h.fake.world.guilds.get(h.c.guildId)?.bans.has(h.c.users.stranger)).toBe(true);
  });

  test('/unban lifts a ban by id; a user who is not banned is answered; a bad id is refused', async () => {
    expect((await h.run('moderator', 'unban', { user_id: h.c.users.stranger, reason: 'appeal accepted' })).reply?.content).toMatch(/^Case #\d+: <@1200000000000000308> was unbanned\.$/);
    expect(h.fake.callsTo('DELETE', `/guilds/${h.c.guildId}/bans/${h.c.users.stranger}`)[0]?.auditLogReason).toBe('maria_mod: appeal accepted');
    expect((await casesOf(h.c.users.stranger)).at(-1)).toMatchObject({ action: 'unban', targetTag: 'sol_stranger' });
    expect(h.fake.world.guilds.get(h.c.guildId)?.bans.has(h.c.users.stranger)).toBe(false);
    expect((await h.run('moderator', 'unban', { user_id: h.c.users.stranger })).reply?.content).toBe('That user is not banned.');
    expect((await h.run('moderator', 'unban', { user_id: 'abcdef' })).reply?.content).toBe('must be a Discord id (digits only)');
  });
});

describe('case and modlog', () => {
  test('/case shows a case; an unknown number is refused', async () => {
    const result = await h.run('moderator', 'case', { number: 1 });
    expect(h.textOf(result.reply)).toContain('Case #1 · Warn');
    expect(h.textOf(result.reply)).toContain('Reason: spam in #general');
    expect((await h.run('moderator', 'case', { number: 999 })).reply?.content).toBe('There is no case #999 in this server.');
  });

  test('/modlog pages a member’s history, newest first', async () => {
    // A note recorded elsewhere (another tool, an import) belongs to the same history.
    await recordCase(h.ctx, { guildId: h.c.guildId, action: 'note', targetId: h.c.users.member, moderatorId: h.c.users.admin, reason: 'appealed by email' });
    const all = await casesOf(h.c.users.member);
    expect(all.length).toBeGreaterThan(5);
    const first = await h.run('moderator', 'modlog', { user: h.c.users.member });
    const text = h.textOf(first.reply);
    expect(text).toContain(`Cases for sam_member (${all.length})`);
    expect(text).toContain('Page 1 of 2');
    expect(text.indexOf(`**#${all.at(-1)?.number}**`)).toBeLessThan(text.indexOf(`**#${all.at(-2)?.number}**`));
    const second = await h.run('moderator', 'modlog', { user: h.c.users.member, page: 2 });
    expect(h.textOf(second.reply)).toContain('Page 2 of 2');
    expect(h.textOf(second.reply)).toContain('**#1** Warn');
    expect((await h.run('moderator', 'modlog', { user: h.c.users.admin })).reply?.content).toBe(`<@${h.c.users.admin}> has no cases.`);
  });

  test('case numbers have no gaps and no duplicates', async () => {
    const numbers = (await h.database.db.moderationCase.findMany({ where: { guildId: h.c.guildId }, orderBy: { number: 'asc' } })).map((c) => c.number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});
