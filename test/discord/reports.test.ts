import { ButtonStyle, ComponentType, MessageFlags, type APIMessage } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { updateGuildChannels } from '../../src/core/guilds.js';
import { buttonsOf } from '../fakes/discord.js';
import { startDiscordHarness, type DiscordHarness, type UserKey } from './harness.js';

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

const say = (user: UserKey, content: string) => h.fake.postMessage({ channelId: h.c.channels.general, authorId: h.c.users[user], content, dispatch: false });
const report = (user: UserKey, message: APIMessage) => h.fake.runMessageCommand({ channelId: h.c.channels.general, userId: h.c.users[user], name: 'Report to moderators', messageId: message.id });
const reportsPosted = () => h.fake.messagesIn(h.c.channels.reports);
const click = (user: UserKey, message: APIMessage, customId: string) => h.fake.clickButton({ channelId: h.c.channels.reports, userId: h.c.users[user], messageId: message.id, customId });
const current = (message: APIMessage) => h.fake.messagesIn(h.c.channels.reports).find((m) => m.id === message.id) as APIMessage;

describe('Report to moderators', () => {
  let reported: APIMessage;
  let posted: APIMessage;

  test('any member reports a message: it lands in #reports with the message, its link and quick actions', async () => {
    reported = say('member2', 'you are all idiots, buy my course');
    const result = await report('member', reported);
    expect(result.reply?.content).toBe('Thanks: report #1 went to the moderators.');
    expect(result.reply?.flags).toBe(MessageFlags.Ephemeral);

    expect(reportsPosted()).toHaveLength(1);
    posted = reportsPosted()[0] as APIMessage;
    const embed = posted.embeds[0];
    expect(embed?.title).toBe('Report #1');
    expect(embed?.url).toBe(`https://discord.com/channels/${h.c.guildId}/${h.c.channels.general}/${reported.id}`);
    expect(embed?.description).toBe('> you are all idiots, buy my course');
    expect(embed?.fields).toEqual([
      { name: 'Author', value: `<@${h.c.users.member2}>`, inline: true },
      { name: 'Reported by', value: `<@${h.c.users.member}>`, inline: true },
      { name: 'Channel', value: `<#${h.c.channels.general}>`, inline: true },
    ]);
    expect(buttonsOf(posted)).toEqual([
      { customId: 'report:delete:1', label: 'Delete', disabled: false },
      { customId: 'report:warn:1', label: 'Warn', disabled: false },
      { customId: 'report:timeout:1', label: 'Timeout 1h', disabled: false },
      { customId: 'report:dismiss:1', label: 'Dismiss', disabled: false },
    ]);
    const row = posted.components?.[0];
    expect(row?.type === ComponentType.ActionRow && row.components[0]?.type === ComponentType.Button ? row.components[0].style : null).toBe(ButtonStyle.Danger);
    expect(await h.database.db.report.findFirstOrThrow({ where: { id: 1 } })).toMatchObject({ status: 'open', authorId: h.c.users.member2, reporterId: h.c.users.member, messageId: reported.id, brandId: h.team.brand.id });
    expect(h.ctx.events).toContainEqual({ type: 'moderation.report', brandId: h.team.brand.id, guildId: h.c.guildId, reportId: 1 });
  });

  test('a second report of the same message joins the first', async () => {
    const result = await report('vip', reported);
    expect(result.reply?.content).toBe('This message was already reported (report #1); the moderators have it.');
    expect(reportsPosted()).toHaveLength(1);
  });

  test('nobody can report their own message', async () => {
    expect((await report('member2', reported)).reply?.content).toBe('You can’t report your own message.');
  });

  test('quick actions are for moderators only', async () => {
    const result = await click('member', posted, 'report:warn:1');
    expect(result.reply?.content).toBe('You need the Moderate Members permission for this.');
    expect(result.reply?.flags).toBe(MessageFlags.Ephemeral);
    expect(await h.database.db.moderationCase.count()).toBe(0);
  });

  test('Warn: a case for the author, the report marked handled in place, buttons disabled', async () => {
    const result = await click('moderator', posted, 'report:warn:1');
    const kase = await h.database.db.moderationCase.findFirstOrThrow({ where: { guildId: h.c.guildId, number: 1 } });
    expect(kase).toMatchObject({ action: 'warn', targetId: h.c.users.member2, moderatorId: h.c.users.moderator, reason: 'Report #1', source: 'manual' });
    expect(await h.database.db.report.findFirstOrThrow({ where: { id: 1 } })).toMatchObject({ status: 'actioned', handledById: h.c.users.moderator, resolution: 'warned (case #1)' });
    expect(result.reply?.id).toBe(posted.id);
    expect(h.textOf(current(posted))).toContain(`Handled: Actioned — <@${h.c.users.moderator}>: warned (case #1)`);
    expect(buttonsOf(current(posted)).every((b) => b.disabled)).toBe(true);
    expect(h.textOf(h.modLog().at(-1))).toContain('Case #1 · Warn');
  });

  test('Delete removes the message, with the audit-log reason', async () => {
    const spam = say('member2', 'FREE NITRO here');
    await report('member', spam);
    const card = reportsPosted().at(-1) as APIMessage;
    await click('moderator', card, 'report:delete:2');
    expect(h.fake.messagesIn(h.c.channels.general).some((m) => m.id === spam.id)).toBe(false);
    expect(h.fake.callsTo('DELETE', `/channels/${h.c.channels.general}/messages/${spam.id}`)[0]?.auditLogReason).toBe('maria_mod: Report #2');
    expect(await h.database.db.report.findFirstOrThrow({ where: { id: 2 } })).toMatchObject({ status: 'actioned', resolution: 'message deleted' });
  });

  test('Timeout 1h times the author out as a case', async () => {
    const rant = say('member2', 'I will keep posting this');
    await report('member', rant);
    const card = reportsPosted().at(-1) as APIMessage;
    await click('moderator', card, 'report:timeout:3');
    expect((await h.database.db.moderationCase.findFirstOrThrow({ where: { guildId: h.c.guildId }, orderBy: { number: 'desc' } }))).toMatchObject({ action: 'timeout', durationSeconds: 3600, targetId: h.c.users.member2, reason: 'Report #3' });
    expect(await h.database.db.report.findFirstOrThrow({ where: { id: 3 } })).toMatchObject({ status: 'actioned', resolution: expect.stringMatching(/^timed out for 1h \(case #\d+\)$/) });
  });

  test('the role hierarchy holds for quick actions too: refused, the report stays open', async () => {
    const fromModerator = say('moderator2', 'calm down everyone');
    await report('member', fromModerator);
    const card = reportsPosted().at(-1) as APIMessage;
    const casesBefore = await h.database.db.moderationCase.count();
    const result = await click('moderator', card, 'report:warn:4');
    expect(result.followups.at(-1)?.content).toBe('marco_mod’s highest role (Moderator) is not below yours, so you can’t moderate them.');
    expect(result.followups.at(-1)?.flags).toBe(MessageFlags.Ephemeral);
    expect(await h.database.db.moderationCase.count()).toBe(casesBefore);
    expect((await h.database.db.report.findFirstOrThrow({ where: { id: 4 } })).status).toBe('open');
    expect(buttonsOf(current(card)).some((b) => b.disabled)).toBe(false);
  });

  test('two moderators dismissing at once: one decision, the other is told who was first', async () => {
    const card = reportsPosted().at(-1) as APIMessage;
    const [a, b] = await Promise.all([click('moderator', card, 'report:dismiss:4'), click('admin', card, 'report:dismiss:4')]);
    const stored = await h.database.db.report.findFirstOrThrow({ where: { id: 4 } });
    expect(stored.status).toBe('dismissed');
    const loser = stored.handledById === h.c.users.moderator ? b : a;
    expect(loser.followups.at(-1)?.content).toBe(`Report #4 was already handled by <@${stored.handledById}> (dismissed).`);
    expect(h.textOf(current(card))).toContain('Handled: Dismissed');
  });

  test('with no reports channel and no mod log, a report is refused before it exists', async () => {
    await updateGuildChannels(h.ctx, { guildId: h.c.guildId, actorRef: h.c.users.admin, modLogChannelId: null, reportsChannelId: null });
    try {
      const before = await h.database.db.report.count();
      const result = await report('member', say('member2', 'something'));
      expect(result.reply?.content).toBe('Reports have nowhere to go yet: a server admin can pick a channel with `/setup reports:#channel`.');
      expect(await h.database.db.report.count()).toBe(before);
    } finally {
      await updateGuildChannels(h.ctx, { guildId: h.c.guildId, actorRef: h.c.users.admin, modLogChannelId: h.c.channels.modLog, reportsChannelId: h.c.channels.reports });
    }
  });
});
