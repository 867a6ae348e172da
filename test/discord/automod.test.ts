import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { updateBrandSetting } from '../../src/core/brands.js';
import { startDiscordHarness, type DiscordHarness, type UserKey } from './harness.js';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness();
  // The brand's banned words (set in Slack) are automod's banned words on Discord.
  await updateBrandSetting(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id, key: 'banned-words', value: 'crapola, mala palabra' });
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(h.errors()).toEqual([]);
});

/**
 * Posts as a member and waits until automod has judged the message; returns its verdict.
 * Messages are 2 s apart unless told (people type; five in 5 s is a flood).
 */
async function post(user: UserKey, content: string, gapMs = 2000): Promise<{ id: string; verdict: string }> {
  h.ctx.clock.advance(gapMs);
  const message = h.fake.postMessage({ channelId: h.c.channels.general, authorId: h.c.users[user], content });
  const line = await h.fake.waitFor(() => h.log.lines.find((l) => l.msg === 'automod' && (l.data as { message?: string }).message === message.id), 5000, `automod on "${content}"`);
  return { id: message.id, verdict: String((line.data as { verdict: string }).verdict) };
}
const stillThere = (id: string) => h.fake.messagesIn(h.c.channels.general).some((m) => m.id === id);
const latestCase = () => h.database.db.moderationCase.findFirstOrThrow({ where: { guildId: h.c.guildId }, orderBy: { number: 'desc' } });

describe('each rule deletes the message and warns its author (a case with source automod)', () => {
  test('invite links', async () => {
    const { id, verdict } = await post('member', 'join my server discord.gg/freestuff');
    expect(verdict).toBe('invites');
    expect(stillThere(id)).toBe(false);
    const deletion = h.fake.callsTo('DELETE', `/channels/${h.c.channels.general}/messages/${id}`)[0];
    expect(deletion?.auditLogReason).toBe('Tandem: Automod: Invite links (discord.gg/freestuff)');
    expect(await latestCase()).toMatchObject({ action: 'warn', source: 'automod', ruleKind: 'invites', targetId: h.c.users.member, moderatorId: h.fake.applicationId, reason: 'Automod: Invite links (discord.gg/freestuff)', dmDelivered: true });
    const log = h.textOf(h.modLog().at(-1));
    expect(log).toContain('Moderator: Tandem automod');
    expect(log).toContain('Rule: Invite links');
  });

  test('mass mentions (5 or more people or roles)', async () => {
    const mentions = [h.c.users.admin, h.c.users.moderator, h.c.users.moderator2, h.c.users.member2].map((id) => `<@${id}>`).join(' ');
    expect((await post('member', `hey ${mentions}`)).verdict).toBe('ok');
    const { id, verdict } = await post('member', `hey ${mentions} <@&${h.c.roles.member}>`);
    expect(verdict).toBe('mass_mentions');
    expect(stillThere(id)).toBe(false);
  });

  test('the brand’s banned words, whole words only, whatever the case or accents — the third warning times the member out', async () => {
    expect((await post('member', 'crapolas is not a word we ban')).verdict).toBe('ok');
    const { id, verdict } = await post('member', 'that was CRÁPOLA honestly');
    expect(verdict).toBe('banned_words');
    expect(stillThere(id)).toBe(false);
    // invites, mass mentions, banned words: three warnings in 24 h → the default punishment.
    await h.fake.waitFor(() => h.fake.callsTo('PATCH', `/guilds/${h.c.guildId}/members/${h.c.users.member}`).length > 0, 5000, 'the timeout');
    const punishment = await latestCase();
    expect(punishment).toMatchObject({ action: 'timeout', source: 'automod', durationSeconds: 3600, targetId: h.c.users.member, reason: '3 warnings in 24 h' });
    const until = h.fake.world.guilds.get(h.c.guildId)?.members.get(h.c.users.member)?.communication_disabled_until;
    expect(new Date(until ?? 0).getTime() - h.ctx.clock.now().getTime()).toBe(3_600_000);
    expect(h.textOf(h.modLog().at(-1))).toContain('Timeout');
  });

  test('excessive caps', async () => {
    expect((await post('member2', 'OK')).verdict).toBe('ok');
    const { id, verdict } = await post('member2', 'THIS IS ABSOLUTELY OUTRAGEOUS SERVICE');
    expect(verdict).toBe('caps');
    expect(stillThere(id)).toBe(false);
  });

  test('flood: the fifth message within 5 s', async () => {
    h.ctx.clock.advance(60_000);
    const verdicts: string[] = [];
    for (let i = 0; i < 5; i++) verdicts.push((await post('member2', `msg ${i}`, 500)).verdict);
    expect(verdicts).toEqual(['ok', 'ok', 'ok', 'ok', 'flood']);
    expect((await latestCase()).ruleKind).toBe('flood');
    // Slower than that is conversation, not a flood.
    h.ctx.clock.advance(60_000);
    const slow: string[] = [];
    for (let i = 0; i < 6; i++) slow.push((await post('member2', `slow ${i}`, 1_500)).verdict);
    expect(slow.every((v) => v === 'ok')).toBe(true);
  });

  test('links outside the allow-list (subdomains of allowed domains pass)', async () => {
    expect((await post('vip', 'launch video https://www.youtube.com/watch?v=abc')).verdict).toBe('ok');
    const { id, verdict } = await post('vip', 'cheap followers at https://spam.example.net/offer');
    expect(verdict).toBe('links');
    expect(stillThere(id)).toBe(false);
    expect((await latestCase()).reason).toBe('Automod: Links outside the allow-list (spam.example.net)');
  });
});

describe('who automod leaves alone', () => {
  test('moderators, admins and the owner are exempt; clean messages stay; nothing is recorded', async () => {
    const before = await h.database.db.moderationCase.count();
    for (const user of ['moderator', 'admin', 'owner'] as const) {
      const { id, verdict } = await post(user, 'official invite: discord.gg/partner CRAPOLA');
      expect(verdict).toBe('exempt');
      expect(stillThere(id)).toBe(true);
    }
    const clean = await post('member2', 'Love the new seasonal blend!');
    expect(clean.verdict).toBe('ok');
    expect(stillThere(clean.id)).toBe(true);
    expect(await h.database.db.moderationCase.count()).toBe(before);
  });
});

describe('/automod', () => {
  test('list shows every rule (on by default) and the escalating punishment', async () => {
    const result = await h.run('admin', 'automod', {}, { subcommand: 'list' });
    const text = h.textOf(result.reply);
    for (const rule of ['Invite links', 'Mass mentions', 'Banned words', 'Excessive caps', 'Flood', 'Links outside the allow-list']) expect(text).toContain(`✅ ${rule}`);
    expect(text).toContain('3 warnings in 24 h → timeout (1h)');
  });

  test('remove turns a rule off at once; add turns it back on, with a setting', async () => {
    expect((await h.run('admin', 'automod', { rule: 'invites' }, { subcommand: 'remove' })).reply?.content).toContain('Invite links: off.');
    expect((await post('member2', 'discord.gg/allowednow')).verdict).toBe('ok');
    const added = await h.run('admin', 'automod', { rule: 'invites', setting: 'partner' }, { subcommand: 'add' });
    expect(added.reply?.content).toBe('Invite links: on.\nDeletes invites to other servers. Allowed invites: partner');
    expect((await post('member2', 'our partners: discord.gg/partner')).verdict).toBe('ok');
    expect((await post('member2', 'discord.gg/another')).verdict).toBe('invites');
  });

  test('settings change thresholds and lists; a bad setting is refused with an example', async () => {
    expect((await h.run('admin', 'automod', { rule: 'links', setting: 'acme.shop' }, { subcommand: 'add' })).reply?.content).toContain('acme.shop');
    expect((await post('member2', 'order at https://eu.acme.shop/cart')).verdict).toBe('ok');
    expect((await h.run('admin', 'automod', { rule: 'flood', setting: 'lots' }, { subcommand: 'add' })).reply?.content).toBe('"lots" is not a valid setting for the flood rule. Example: 5/5.');
    expect((await h.run('admin', 'automod', { rule: 'banned_words', setting: 'forbidden thing' }, { subcommand: 'add' })).reply?.content).toContain('plus 1 of this server’s');
    expect((await post('member2', 'this is a Forbidden Thing indeed')).verdict).toBe('banned_words');
  });

  test('punishment steps can be changed and removed', async () => {
    const set = await h.run('admin', 'automod', { warnings: 5, action: 'kick', hours: 48 }, { subcommand: 'punishment' });
    expect(set.reply?.content).toBe('Escalating punishments\n3 warnings in 24 h → timeout (1h)\n5 warnings in 48 h → kick');
    const removed = await h.run('admin', 'automod', { warnings: 3, action: 'off' }, { subcommand: 'punishment' });
    expect(removed.reply?.content).toBe('Escalating punishments\n5 warnings in 48 h → kick');
  });

  test('needs Manage Server', async () => {
    expect((await h.run('moderator', 'automod', {}, { subcommand: 'list' })).reply?.content).toBe('You need the Manage Guild permission for this.');
  });
});
