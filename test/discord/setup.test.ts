import { readFile } from 'node:fs/promises';
import { ApplicationCommandOptionType, ApplicationCommandType, type APIApplicationCommandOption } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createBrand } from '../../src/core/brands.js';
import { createDiscordLinkCode } from '../../src/core/guilds.js';
import { startDiscordBot } from '../../src/discord/bot.js';
import { buildCommandJson } from '../../src/discord/commandJson.js';
import { createPerson } from '../helpers/fixtures.js';
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

describe('registration', () => {
  test('the bot registers its commands at startup, localized in English, Spanish and Italian', () => {
    const registered = h.fake.world.commands.global;
    expect(registered.map((c) => c.name).sort()).toEqual(
      ['Log as interaction', 'Report to moderators', 'automod', 'ban', 'case', 'escalate', 'kick', 'lock', 'modlog', 'purge', 'setup', 'slowmode', 'timeout', 'unban', 'unlock', 'untimeout', 'warn'].sort(),
    );
    const warn = registered.find((c) => c.name === 'warn');
    expect(warn?.name_localizations).toEqual({ 'es-ES': 'advertir', 'es-419': 'advertir', it: 'avverti' });
    expect(warn?.default_member_permissions).toBe((1n << 40n).toString());
    expect(registered.find((c) => c.name === 'Report to moderators')).toMatchObject({ type: ApplicationCommandType.Message, default_member_permissions: null, name_localizations: { it: 'Segnala ai moderatori' } });
  });

  test('a restart with the same commands does not register them again', async () => {
    const puts = () => h.fake.callsTo('PUT', /^\/applications\/\d+\/commands$/).length;
    expect(puts()).toBe(1);
    const second = await startDiscordBot(h.ctx, { DISCORD_TOKEN: h.fake.token, DISCORD_API_URL: h.fake.apiUrl });
    await second.stop();
    expect(puts()).toBe(1);
  });

  test('commands/discord/commands.json is the JSON built from the definitions (npm run discord:register -- --write-only)', async () => {
    const file = JSON.parse(await readFile(new URL('../../commands/discord/commands.json', import.meta.url), 'utf8')) as unknown;
    expect(file).toEqual(JSON.parse(JSON.stringify(buildCommandJson())));
  });

  test('every name and description fits Discord’s rules in every language', () => {
    const nameRule = /^[-_'\p{Ll}\p{Lm}\p{Lo}\p{N}]{1,32}$/u;
    const checkNames = (names: Record<string, string | null | undefined>, where: string) => {
      for (const [locale, name] of Object.entries(names)) {
        expect(name, `${where} (${locale})`).toMatch(nameRule);
        expect(name, `${where} (${locale}) is lower case`).toBe(name?.toLowerCase());
      }
    };
    const checkDescriptions = (descriptions: Record<string, string | null | undefined>, where: string) => {
      for (const [locale, description] of Object.entries(descriptions)) {
        expect(description?.length ?? 0, `${where} (${locale})`).toBeGreaterThan(0);
        expect(description?.length ?? 0, `${where} (${locale})`).toBeLessThanOrEqual(100);
      }
    };
    const checkOptions = (options: readonly APIApplicationCommandOption[], where: string) => {
      for (const locale of ['en', 'es-ES', 'it']) {
        const names = options.map((o) => (locale === 'en' ? o.name : o.name_localizations?.[locale as 'it']));
        expect(new Set(names).size, `${where}: option names unique in ${locale}`).toBe(names.length);
      }
      for (const option of options) {
        checkNames({ en: option.name, ...option.name_localizations }, `${where} ${option.name}`);
        checkDescriptions({ en: option.description, ...option.description_localizations }, `${where} ${option.name}`);
        if ('choices' in option) for (const choice of option.choices ?? []) for (const name of [choice.name, ...Object.values(choice.name_localizations ?? {})]) expect(name?.length ?? 0).toBeLessThanOrEqual(100);
        if (option.type === ApplicationCommandOptionType.Subcommand) checkOptions(option.options ?? [], `${where} ${option.name}`);
      }
    };
    for (const command of buildCommandJson()) {
      if (command.type === ApplicationCommandType.Message) {
        for (const name of [command.name, ...Object.values(command.name_localizations ?? {})]) expect(name?.length ?? 0).toBeLessThanOrEqual(32);
        continue;
      }
      checkNames({ en: command.name, ...command.name_localizations }, command.name);
      if ('description' in command) checkDescriptions({ en: command.description, ...command.description_localizations }, command.name);
      if ('options' in command) checkOptions(command.options ?? [], command.name);
    }
  });
});

describe('setup and brand link', () => {
  test('/setup shows the setup; with one brand the server belongs to it without a link', async () => {
    const result = await h.run('admin', 'setup', {});
    expect(result.reply?.content).toBe(
      [
        'Brand: Acme (the only brand; link with a code to make it explicit).',
        `Mod log: <#${h.c.channels.modLog}>`,
        `Reports: <#${h.c.channels.reports}>`,
        'Digest: not set',
      ].join('\n'),
    );
  });

  test('/setup needs Manage Server', async () => {
    expect((await h.run('moderator', 'setup', {})).reply?.content).toBe('You need the Manage Guild permission for this.');
  });

  test('/setup saves channels', async () => {
    const result = await h.run('admin', 'setup', { digest: h.c.channels.announcements });
    expect(result.reply?.content).toContain(`Saved.\nBrand: Acme`);
    expect(result.reply?.content).toContain(`Digest: <#${h.c.channels.announcements}>`);
    expect(await h.database.db.discordGuild.findUniqueOrThrow({ where: { guildId: h.c.guildId } })).toMatchObject({ digestChannelId: h.c.channels.announcements, modLogChannelId: h.c.channels.modLog });
  });

  test('with several brands, brand-scoped commands ask for /setup; a link code from Slack settles it', async () => {
    const otherAdmin = await createPerson(h.ctx, 'other-admin');
    await createBrand(h.ctx, { name: 'Globex', actorId: otherAdmin.id });
    const refused = await h.run('moderator', 'escalate', { severity: 'sev2', summary: 'Angry thread about the recall' });
    expect(refused.reply?.content).toBe('This server is not linked to a brand yet. A server admin can run `/setup code:…` with a code from `/tandem discord link` in Slack.');
    expect((await h.run('admin', 'setup', {})).reply?.content).toContain('Brand: none yet.');

    const { code } = await createDiscordLinkCode(h.ctx, { brandId: h.team.brand.id, actorId: h.team.admin.id });
    const linked = await h.run('admin', 'setup', { code: code.toLowerCase().replace('-', ' ') });
    expect(linked.reply?.content).toContain('This server is now linked to Acme.\nBrand: Acme (linked).');
    expect((await h.run('admin', 'setup', { code })).reply?.content).toBe('That link code was already used. Ask for a new one with `/tandem discord link` in Slack.');
    expect((await h.run('admin', 'setup', { code: 'ZZZZ-ZZZZ' })).reply?.content).toBe('That link code does not exist. In Slack, a brand admin runs `/tandem discord link` to get one.');
  });

  test('/escalate raises an escalation for the linked brand', async () => {
    const result = await h.run('moderator', 'escalate', { severity: 'sev2', summary: 'Angry thread about the recall' });
    expect(result.reply?.content).toBe('Escalation #1 (sev2) raised for Acme: the strategists are being paged in Slack.');
    const escalation = await h.database.db.escalation.findFirstOrThrow({ where: { brandId: h.team.brand.id } });
    expect(escalation).toMatchObject({ number: 1, severity: 'sev2', raisedVia: 'discord', summary: 'Angry thread about the recall' });
    expect(escalation.originRef).toMatchObject({ platform: 'discord', guildId: h.c.guildId, userId: h.c.users.moderator });
    expect(h.ctx.events).toContainEqual({ type: 'escalation.raised', brandId: h.team.brand.id, escalationId: escalation.id });
    expect((await h.run('member', 'escalate', { severity: 'sev1', summary: 'x' })).reply?.content).toBe('You need the Manage Messages permission for this.');
  });
});

describe('Log as interaction', () => {
  test('a moderator logs a member’s message for the brand, with sentiment; twice is harmless', async () => {
    const message = h.fake.postMessage({ channelId: h.c.channels.general, authorId: h.c.users.member, content: 'Love the new seasonal blend, thanks!', dispatch: false });
    const run = () => h.fake.runMessageCommand({ channelId: h.c.channels.general, userId: h.c.users.moderator, name: 'Log as interaction', messageId: message.id });
    const first = await run();
    expect(first.reply?.content).toMatch(/^Logged as interaction #\d+ for Acme \(sentiment: positive\)\.$/);
    const logged = await h.database.db.interaction.findFirstOrThrow({ where: { brandId: h.team.brand.id } });
    expect(logged).toMatchObject({ network: 'discord', kind: 'comment', author: 'sam_member', text: 'Love the new seasonal blend, thanks!', sourceRef: `discord:${message.id}`, sentiment: 'positive' });
    expect(logged.link).toBe(`https://discord.com/channels/${h.c.guildId}/${h.c.channels.general}/${message.id}`);
    // The Discord moderator acts for the brand as a community manager (docs/decisions/007).
    const person = await h.database.db.person.findUniqueOrThrow({ where: { platform_externalId: { platform: 'discord', externalId: h.c.users.moderator } }, include: { memberships: true } });
    expect(person.memberships).toMatchObject([{ brandId: h.team.brand.id, role: 'community_manager' }]);
    expect((await run()).reply?.content).toBe(`Already logged as interaction #${logged.id} (sentiment: positive).`);
    expect(await h.database.db.interaction.count({ where: { brandId: h.team.brand.id } })).toBe(1);
  });

  test('members without Manage Messages cannot', async () => {
    const message = h.fake.postMessage({ channelId: h.c.channels.general, authorId: h.c.users.member2, content: 'hello', dispatch: false });
    const result = await h.fake.runMessageCommand({ channelId: h.c.channels.general, userId: h.c.users.member, name: 'Log as interaction', messageId: message.id });
    expect(result.reply?.content).toBe('You need the Manage Messages permission for this.');
  });
});
