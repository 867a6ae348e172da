import { afterAll, beforeAll, expect, test } from 'vitest';
import { prepareDigest } from '../../src/core/digestContent.js';
import { claimDigestRun } from '../../src/core/digestRuns.js';
import { createDigestJob } from '../../src/jobs/digest.js';
import { createDiscordDelivery } from '../../src/discord/digestDelivery.js';
import { toDiscordMarkdown } from '../../src/discord/digestEmbeds.js';
import type { Delivery } from '../../src/jobs/delivery.js';
import { startDiscordHarness, type DiscordHarness } from '../discord/harness.js';

let h: DiscordHarness;
let delivery: Delivery;

beforeAll(async () => {
  h = await startDiscordHarness();
  await h.database.db.brand.update({ where: { id: h.team.brand.id }, data: { settings: { ...h.team.brand.settings, timezone: 'Europe/Rome' } } });
  await h.database.db.discordGuild.upsert({
    where: { guildId: h.c.guildId },
    create: { guildId: h.c.guildId, brandId: h.team.brand.id, digestChannelId: h.c.channels.announcements },
    update: { brandId: h.team.brand.id, digestChannelId: h.c.channels.announcements },
  });
  delivery = createDiscordDelivery(h.ctx, h.bot.client);
});
afterAll(async () => {
  await h.close();
});

test('Slack mrkdwn becomes Discord markdown', () => {
  expect(toDiscordMarkdown('*🎯 Goals*\n`▓▓░░` 93% · *Followers* · a*b')).toBe('**🎯 Goals**\n`▓▓░░` 93% · **Followers** · a*b');
  expect(toDiscordMarkdown('>Worst &lt;3 &amp; more')).toBe('>Worst <3 & more');
  expect(toDiscordMarkdown('*Last 30 days*\n```Followers ▁▂▃```')).toBe('**Last 30 days**\n```\nFollowers ▁▂▃```\n');
});

test('the digest goes to the guild’s digest channel as embeds, once, and a retry finds it there', async () => {
  h.ctx.clock.set('2026-03-03T08:00:00Z');
  await createDigestJob({ delivery, owner: 'replica-a' }).run(h.ctx, h.ctx.clock.now());
  const posted = h.fake.messagesIn(h.c.channels.announcements);
  expect(posted).toHaveLength(1);
  const text = h.textOf(posted[0]);
  expect(text).toContain(`📊 ${h.team.brand.name} · Tue 3 Mar`);
  expect(text).toContain('**Goals:** none set yet');
  expect(posted[0]?.embeds.at(-1)?.footer?.text).toBe(`Tandem · daily · 2026-03-03 · #${h.team.brand.id}`);
  const run = await h.database.db.digestRun.findFirstOrThrow({ where: { brandId: h.team.brand.id, localDate: new Date('2026-03-03T00:00:00Z') } });
  expect(run).toMatchObject({ status: 'sent', channelId: h.c.channels.announcements, messageId: posted[0]?.id });

  // A replica posts the next day's digest and dies before recording it; the next one finds it.
  h.ctx.clock.set('2026-03-04T08:00:00Z');
  await claimDigestRun(h.ctx, { brandId: h.team.brand.id, localDate: '2026-03-04', owner: 'dead-replica' });
  const lost = await delivery.postDigest(await prepareDigest(h.ctx, { brandId: h.team.brand.id, localDate: '2026-03-04' }));
  h.ctx.clock.set('2026-03-04T08:06:00Z');
  await createDigestJob({ delivery, owner: 'replica-b' }).run(h.ctx, h.ctx.clock.now());
  expect(h.fake.messagesIn(h.c.channels.announcements)).toHaveLength(2);
  expect(await h.database.db.digestRun.findFirstOrThrow({ where: { brandId: h.team.brand.id, localDate: new Date('2026-03-04T00:00:00Z') } })).toMatchObject({
    status: 'sent',
    claimedBy: 'replica-b',
    messageId: lost?.messageId,
  });
  expect(h.errors()).toEqual([]);
});
