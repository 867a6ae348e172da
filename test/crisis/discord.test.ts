// First: discord.js must load before vega-lite (the digest's charts), which patches Set.prototype.toJSON and breaks discord.js's start-up.
import { blocksText, communityChannel, crisisChannel, startCrisisHarness, type CrisisHarness } from './harness.js';
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { updateGuildChannels } from '../../src/core/guilds.js';
import { actionIds, fieldIds } from '../../src/slack/ids.js';
import type { Community, FakeDiscord, InteractionResult } from '../fakes/discord.js';
import type { SlackMessage } from '../fakes/slack.js';

type UserKey = keyof Community['users'];

/** Polls until `check` holds (the bridge and the Discord notices run after the triggering call returns). */
async function eventually<T>(check: () => T | Promise<T>, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('Discord and Slack, one crisis desk', () => {
  let h: CrisisHarness;
  let fake: FakeDiscord;
  let c: Community;
  beforeAll(async () => {
    h = await startCrisisHarness({ discord: true });
    if (!h.discord) throw new Error('no Discord stand-in');
    ({ fake, c } = h.discord);
    await updateGuildChannels(h.ctx(), { guildId: c.guildId, actorRef: c.users.admin, modLogChannelId: c.channels.modLog, reportsChannelId: c.channels.reports });
  });
  afterAll(async () => {
    await h.close();
  });
  afterEach(() => {
    expect(h.errors()).toEqual([]);
  });

  const run = (user: UserKey, name: string, options?: Record<string, string | number | boolean>): Promise<InteractionResult> =>
    fake.runCommand({ channelId: c.channels.general, userId: c.users[user], name, ...(options ? { options } : {}) });
  const dmsTo = (userId: string): APIMessage[] => {
    const channel = [...fake.world.channels.values()].find((ch) => ch.type === 1 && ch.recipients?.[0]?.id === userId);
    return channel ? fake.messagesIn(channel.id) : [];
  };
  const community = () => h.slack.workspace.channelHistory(communityChannel);

  async function resolveInSlack(escalationId: number, resolution: string): Promise<void> {
    const since = h.slack.mark();
    await h.click(h.team.strategist, await h.alertOf(escalationId), actionIds.resolveEscalation);
    const view = await h.openedView(since);
    await h.submit(h.team.strategist, view, { [fieldIds.resolution]: resolution });
  }

  it('a moderator’s /escalate lands in the Slack crisis channel; they are told in Discord when it is acknowledged and resolved', async () => {
    const result = await run('moderator', 'escalate', { severity: 'sev2', summary: 'Fake giveaway links flooding #general' });
    expect(result.reply?.content).toBe('Escalation #1 (sev2) raised for Acme: the strategists are being paged in Slack.');
    const escalation = await h.database.db.escalation.findFirstOrThrow({ where: { raisedVia: 'discord' } });
    const alert = await h.alertOf(escalation.id);
    expect(alert.channel).toBe(crisisChannel);
    const shown = blocksText(alert);
    expect(shown).toContain('Fake giveaway links flooding #general');
    expect(shown).toContain('María (Discord) via Discord');
    expect(shown).toContain('Raised from Discord by a moderator.');
    expect(alert.text).toContain(`<@${h.team.strategist.externalId}>`);

    h.clock.advance(4 * 60_000);
    await h.click(h.team.strategist, alert, actionIds.acknowledgeEscalation);
    const acknowledged = await eventually(() => dmsTo(c.users.moderator).find((m) => m.content.includes('acknowledged')), 'the acknowledgement DM');
    expect(acknowledged.content).toMatch(/^👀 Your escalation #1 \(sev2\) “Fake giveaway links flooding #general” was acknowledged by strategist in Slack, <t:\d+:f>\.$/);

    await resolveInSlack(escalation.id, 'Links removed, raiders banned');
    const resolved = await eventually(() => dmsTo(c.users.moderator).find((m) => m.content.includes('resolved')), 'the resolution DM');
    expect(resolved.content).toContain('was resolved by strategist');
    expect(resolved.content).toContain(': Links removed, raiders banned');
  });

  it('a moderator with closed DMs is told in the channel they raised it from', async () => {
    fake.world.closedDms.add(c.users.moderator2);
    try {
      await run('moderator2', 'escalate', { severity: 'sev3', summary: 'Journalist asking questions in #general' });
      const escalation = await h.database.db.escalation.findFirstOrThrow({ where: { summary: 'Journalist asking questions in #general' } });
      await h.click(h.team.strategist2, await h.alertOf(escalation.id), actionIds.acknowledgeEscalation);
      const told = await eventually(() => fake.messagesIn(c.channels.general).find((m) => m.content.startsWith(`<@${c.users.moderator2}> 👀 Your escalation #2`)), 'the message in #general');
      expect(told.content).toContain('was acknowledged by strategist-two');
    } finally {
      fake.world.closedDms.delete(c.users.moderator2);
    }
  });

  it('a moderation case appears as one line in the Slack community channel', async () => {
    const before = community().length;
    await run('moderator', 'warn', { user: c.users.member, reason: 'spam links' });
    const kase = await h.database.db.moderationCase.findFirstOrThrow({ where: { guildId: c.guildId }, orderBy: { number: 'desc' } });
    const line = await eventually(() => community().slice(before).find((m) => m.text.includes(`Case #${kase.number}`)), 'the case line');
    expect(line.text).toBe(`🛡️ *Case #${kase.number}* · Warn sam_member · by maria_mod — “spam links”`);
    expect(community().slice(before)).toHaveLength(1);
    expect((await h.database.db.moderationCase.findUniqueOrThrow({ where: { id: kase.id } })).bridgedAt).not.toBeNull();
  });

  it('many cases at once are batched into few messages, every case told once', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const before = community().length;
    const last = await h.database.db.moderationCase.count({ where: { guildId: c.guildId } });
    await Promise.all(['one', 'two', 'three', 'four', 'five', 'six'].map((reason) => run('moderator', 'warn', { user: c.users.member2, reason: `offtopic ${reason}` })));
    const cases = await h.database.db.moderationCase.findMany({ where: { guildId: c.guildId, number: { gt: last } }, orderBy: { number: 'asc' } });
    expect(cases.length).toBeGreaterThanOrEqual(6);
    const told = (n: number) => community().slice(before).filter((m) => m.text.includes(`*Case #${n}*`)).length;
    await eventually(() => cases.every((kase) => told(kase.number) === 1), 'every case in Slack', 8000);
    const messages: SlackMessage[] = community().slice(before);
    expect(messages.length).toBeLessThan(cases.length);
    expect(messages.some((m) => m.text.startsWith(`🛡️ Discord: `) && m.text.includes('moderation events'))).toBe(true);
  });

  it('a new report appears as a line with a link to the message', async () => {
    const before = community().length;
    const message = fake.postMessage({ channelId: c.channels.general, authorId: c.users.member2, content: 'this brand scams people, avoid', dispatch: false });
    await fake.runMessageCommand({ channelId: c.channels.general, userId: c.users.member, name: 'Report to moderators', messageId: message.id });
    const line = await eventually(() => community().slice(before).find((m) => m.text.includes('New report')), 'the report line');
    expect(line.text).toBe(`🚩 *New report* on a message: “this brand scams people, avoid” · <https://discord.com/channels/${c.guildId}/${c.channels.general}/${message.id}|open in Discord>`);
  });

  it('a burst of automod violations and reports raises an escalation by automod; the mod log hears when it is acknowledged', async () => {
    // One report already; four invite links from two members reach the default threshold of 5 in 10 minutes.
    for (const [index, author] of (['member', 'member2', 'member', 'member2'] as const).entries()) {
      h.clock.advance(2000);
      fake.postMessage({ channelId: c.channels.general, authorId: c.users[author], content: `free nitro at discord.gg/scam${index}` });
      await eventually(() => h.database.db.moderationCase.count({ where: { guildId: c.guildId, source: 'automod', action: 'warn' } }).then((n) => n === index + 1), `automod warning ${index + 1}`);
    }
    const escalation = await eventually(() => h.database.db.escalation.findFirst({ where: { raisedVia: 'automod', alertMessageId: { not: null } } }), 'the automod escalation');
    expect(escalation).toMatchObject({ severity: 'sev2', raisedById: null });
    expect(escalation.summary).toBe('Automod: 5 violations and reports in the Discord community within 10 minutes (4 automod warnings, 1 reports).');
    const alert = await h.alertOf(escalation.id);
    expect(blocksText(alert)).toContain('Raised by automod');
    const burst = await eventually(() => community().find((m) => m.text.includes('Automod burst')), 'the burst line');
    expect(burst.text).toContain(`escalation #${escalation.number} raised`);
    expect(burst.text).toContain(`<#${crisisChannel}>`);

    // A fifth violation in the same burst raises nothing more.
    h.clock.advance(2000);
    fake.postMessage({ channelId: c.channels.general, authorId: c.users.member2, content: 'more at discord.gg/scam9' });
    await eventually(() => h.database.db.moderationCase.count({ where: { guildId: c.guildId, source: 'automod', action: 'warn' } }).then((n) => n === 5), 'automod warning 5');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await h.database.db.escalation.count({ where: { raisedVia: 'automod' } })).toBe(1);

    await h.click(h.team.strategist, alert, actionIds.acknowledgeEscalation);
    const modLog = await eventually(() => fake.messagesIn(c.channels.modLog).find((m) => m.content.includes(`escalation #${escalation.number}`)), 'the mod-log notice');
    expect(modLog.content).toContain('was acknowledged by strategist in Slack');
  });

  it('`/tandem discord link` in Slack gives a one-time code that `/setup` redeems in Discord', async () => {
    const refused = await h.commandReply(h.team.cm, '/tandem', 'discord link');
    expect(blocksText(refused.body)).toContain('admin');
    const reply = await h.commandReply(h.team.admin, '/tandem', 'discord link');
    expect(reply.body.response_type).toBe('ephemeral');
    const code = /`([A-Z0-9]{4}-[A-Z0-9]{4})`/.exec(blocksText(reply.body))?.[1];
    if (!code) throw new Error(`no code in ${blocksText(reply.body)}`);
    expect(blocksText(reply.body)).toContain(`/setup code:${code}`);
    const linked = await run('admin', 'setup', { code });
    expect(linked.reply?.content).toContain('This server is now linked to Acme.');
    expect(await h.database.db.discordGuild.findUniqueOrThrow({ where: { guildId: c.guildId } })).toMatchObject({ brandId: h.team.brand.id });
    expect((await run('admin', 'setup', { code })).reply?.content).toContain('already used');
  });
});
