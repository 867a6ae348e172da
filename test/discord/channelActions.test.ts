import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
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

const day = 86_400_000;
const at = (msAgo: number) => new Date(h.ctx.clock.now().getTime() - msAgo);
const seed = (authorId: string, content: string, msAgo = 60_000, channelId = h.c.channels.general) =>
  h.fake.postMessage({ channelId, authorId, content, at: at(msAgo), dispatch: false });

describe('purge', () => {
  test('bulk deletes the newest messages, with the audit-log reason, as a case', async () => {
    for (let i = 0; i < 5; i++) seed(h.c.users.member, `chatter ${i}`, 60_000 * (10 - i));
    const result = await h.run('moderator', 'purge', { count: 3 });
    expect(result.reply?.content).toBe(`Case #1: deleted 3 message(s) in <#${h.c.channels.general}>.`);
    const [bulk] = h.fake.callsTo('POST', `/channels/${h.c.channels.general}/messages/bulk-delete`);
    expect((bulk?.body as { messages: string[] }).messages).toHaveLength(3);
    expect(bulk?.auditLogReason).toBe('maria_mod: 3 message(s)');
    expect(h.fake.messagesIn(h.c.channels.general).map((m) => m.content)).toEqual(['chatter 0', 'chatter 1']);
    const kase = await h.database.db.moderationCase.findFirstOrThrow({ where: { guildId: h.c.guildId, number: 1 } });
    expect(kase).toMatchObject({ action: 'purge', targetId: h.c.channels.general, targetTag: '#general', reason: '3 message(s)' });
    expect(h.textOf(h.modLog().at(-1))).toContain(`Channel: <#${h.c.channels.general}>`);
  });

  test('with a user, only their messages go', async () => {
    seed(h.c.users.member2, 'mine 1', 30_000);
    seed(h.c.users.member, 'theirs', 20_000);
    seed(h.c.users.member2, 'mine 2', 10_000);
    const result = await h.run('moderator', 'purge', { count: 10, user: h.c.users.member2 });
    expect(result.reply?.content).toContain('deleted 2 message(s)');
    expect(h.fake.messagesIn(h.c.channels.general).map((m) => m.content)).toEqual(['chatter 0', 'chatter 1', 'theirs']);
    expect((await h.database.db.moderationCase.findFirstOrThrow({ where: { guildId: h.c.guildId, number: 2 } })).reason).toBe('2 message(s) from lea_member');
  });

  test('skips messages older than 14 days and says so (Discord refuses to bulk delete them)', async () => {
    seed(h.c.users.member, 'ancient', 20 * day);
    seed(h.c.users.member, 'old', 15 * day);
    seed(h.c.users.member, 'fresh 1', 2 * day);
    seed(h.c.users.member, 'fresh 2', 1 * day);
    const before = h.fake.callsTo('POST', /bulk-delete$/).length;
    const result = await h.run('moderator', 'purge', { count: 10, user: h.c.users.member });
    expect(result.reply?.content).toBe(`Case #3: deleted 5 message(s) in <#${h.c.channels.general}>.\nSkipped 2 older than 14 days: Discord cannot bulk delete those.`);
    const bulk = h.fake.callsTo('POST', /bulk-delete$/).slice(before);
    expect(bulk.map((call) => call.status)).toEqual([204]);
    expect(h.fake.messagesIn(h.c.channels.general).map((m) => m.content)).toEqual(['ancient', 'old']);
  });

  test('nothing recent to delete: no call, no case', async () => {
    const before = h.fake.calls.length;
    const result = await h.run('moderator', 'purge', { count: 5, user: h.c.users.member });
    expect(result.reply?.content).toBe('No messages to delete.\nSkipped 2 older than 14 days: Discord cannot bulk delete those.');
    expect(h.fake.calls.slice(before).filter((call) => call.method === 'POST' && call.path.endsWith('bulk-delete'))).toHaveLength(0);
    expect(await h.database.db.moderationCase.count({ where: { guildId: h.c.guildId } })).toBe(3);
  });

  test('one message uses the single delete (bulk delete needs 2 to 100)', async () => {
    seed(h.c.users.member2, 'just one', 5_000);
    const result = await h.run('moderator', 'purge', { count: 1, user: h.c.users.member2 });
    expect(result.reply?.content).toContain('deleted 1 message(s)');
    expect(h.fake.callsTo('DELETE', /^\/channels\/\d+\/messages\/\d+$/).at(-1)?.status).toBe(204);
  });

  test('members without Manage Messages are refused', async () => {
    expect((await h.run('member', 'purge', { count: 5 })).reply?.content).toBe('You need the Manage Messages permission for this.');
  });
});

describe('slowmode, lock, unlock', () => {
  test('/slowmode sets and clears the rate limit of a channel', async () => {
    const on = await h.run('moderator', 'slowmode', { seconds: 30, channel: h.c.channels.announcements });
    expect(on.reply?.content).toMatch(/^Case #\d+: slowmode in <#\d+> set to 30s\.$/);
    const channel = h.fake.world.channels.get(h.c.channels.announcements);
    expect(channel && 'rate_limit_per_user' in channel ? channel.rate_limit_per_user : null).toBe(30);
    expect(h.fake.callsTo('PATCH', `/channels/${h.c.channels.announcements}`).at(-1)?.auditLogReason).toBe('maria_mod: slowmode 30s');
    const off = await h.run('moderator', 'slowmode', { seconds: 0, channel: h.c.channels.announcements });
    expect(off.reply?.content).toMatch(/slowmode in <#\d+> is off\.$/);
    expect(channel && 'rate_limit_per_user' in channel ? channel.rate_limit_per_user : null).toBe(0);
  });

  test('/lock denies Send Messages to @everyone; /unlock removes only that deny', async () => {
    const locked = await h.run('moderator', 'lock', { reason: 'raid' });
    expect(locked.reply?.content).toMatch(/^Case #\d+: <#\d+> is locked\.$/);
    const put = h.fake.callsTo('PUT', `/channels/${h.c.channels.general}/permissions/${h.c.guildId}`).at(-1);
    expect(put?.body).toMatchObject({ type: OverwriteType.Role, deny: PermissionFlagsBits.SendMessages.toString() });
    expect(put?.auditLogReason).toBe('maria_mod: raid');
    const general = h.fake.world.channels.get(h.c.channels.general);
    const everyone = () => (general && 'permission_overwrites' in general ? general.permission_overwrites?.find((o) => o.id === h.c.guildId) : undefined);
    expect(BigInt(everyone()?.deny ?? 0) & PermissionFlagsBits.SendMessages).toBe(PermissionFlagsBits.SendMessages);

    const unlocked = await h.run('moderator', 'unlock', {});
    expect(unlocked.reply?.content).toMatch(/is unlocked\.$/);
    expect(BigInt(everyone()?.deny ?? 0) & PermissionFlagsBits.SendMessages).toBe(0n);
    const cases = await h.database.db.moderationCase.findMany({ where: { guildId: h.c.guildId, action: { in: ['lock', 'unlock'] } }, orderBy: { number: 'asc' } });
    expect(cases.map((c) => [c.action, c.targetId])).toEqual([
      ['lock', h.c.channels.general],
      ['unlock', h.c.channels.general],
    ]);
  });

  test('/lock needs the bot to manage roles there', async () => {
    const saved = h.fake.world.guilds.get(h.c.guildId)?.roles.find((role) => role.id === h.c.roles.bot)?.permissions ?? '0';
    const withoutManageRoles = (BigInt(saved) & ~PermissionFlagsBits.ManageRoles).toString();
    h.fake.updateRole(h.c.roles.bot, { permissions: withoutManageRoles });
    try {
      const before = h.fake.callsTo('PUT', /\/permissions\//).length;
      // In this channel (Discord's own computation) and in another one (the cached roles, kept current by GUILD_ROLE_UPDATE).
      expect((await h.run('moderator', 'lock', {})).reply?.content).toBe('I need the Manage Roles permission for this. A server admin can give it to my role.');
      await h.fake.waitFor(() => h.bot.client.guilds.cache.get(h.c.guildId)?.roles.cache.get(h.c.roles.bot)?.permissions.bitfield.toString() === withoutManageRoles, 5000, 'the role update');
      expect((await h.run('moderator', 'lock', { channel: h.c.channels.announcements })).reply?.content).toBe('I need the Manage Roles permission for this. A server admin can give it to my role.');
      expect(h.fake.callsTo('PUT', /\/permissions\//)).toHaveLength(before);
    } finally {
      h.fake.updateRole(h.c.roles.bot, { permissions: saved });
    }
  });
});

describe('concurrent moderators', () => {
  test('ten warnings at once get ten distinct, consecutive case numbers', async () => {
    const start = await h.database.db.moderationCase.count({ where: { guildId: h.c.guildId } });
    const records = Array.from({ length: 10 }, (_, i) =>
      h.fake.startCommand({ channelId: h.c.channels.general, userId: i % 2 ? h.c.users.moderator : h.c.users.moderator2, name: 'warn', options: { user: h.c.users.member, reason: `burst ${i}` } }),
    );
    const results = await Promise.all(records.map((record) => h.fake.waitForAnswer(record)));
    const numbers = results.map((r) => Number(/Case #(\d+)/.exec(r.reply?.content ?? '')?.[1])).filter((n) => n <= start + 10);
    expect(new Set(numbers).size).toBe(numbers.length);
    const all = (await h.database.db.moderationCase.findMany({ where: { guildId: h.c.guildId }, orderBy: { number: 'asc' } })).map((c) => c.number);
    expect(all).toEqual(all.map((_, i) => i + 1));
  });
});
