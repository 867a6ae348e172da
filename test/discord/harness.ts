import type { APIEmbed, APIMessage } from 'discord-api-types/v10';
import type { Log } from '../../src/core/log.js';
import { updateGuildChannels } from '../../src/core/guilds.js';
import { startDiscordBot, type DiscordBot } from '../../src/discord/bot.js';
import { startFakeDiscord, type CommandInvocation, type Community, type FakeDiscord, type InteractionResult } from '../fakes/discord.js';
import { createTeam, type Team } from '../helpers/fixtures.js';
import { buildTestCtx, createManualClock, type TestCtx } from '../helpers/testCtx.js';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase.js';

export type LogLine = { level: 'error' | 'warn' | 'info' | 'debug'; msg: string; data: object };

/** A Log that keeps its lines, so a test can assert nothing went wrong unnoticed. */
export function createRecordingLog(lines: LogLine[] = []): Log & { lines: LogLine[] } {
  const write = (level: LogLine['level']) => (objOrMsg: object | string, msg?: string) => {
    lines.push(typeof objOrMsg === 'string' ? { level, msg: objOrMsg, data: {} } : { level, msg: msg ?? '', data: objOrMsg });
  };
  const log: Log & { lines: LogLine[] } = { lines, error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug'), child: () => log };
  return log;
}

export type UserKey = keyof Community['users'];

export type DiscordHarness = {
  database: TestDatabase;
  ctx: TestCtx;
  log: ReturnType<typeof createRecordingLog>;
  team: Team;
  fake: FakeDiscord;
  bot: DiscordBot;
  c: Community;
  /** Runs a slash command as one of the seeded users, in #general unless told. */
  run(user: UserKey, name: string, options?: CommandInvocation['options'], extra?: Partial<CommandInvocation>): Promise<InteractionResult>;
  /** The reply's visible text: content plus embed titles, descriptions and fields. */
  textOf(message: APIMessage | null | undefined): string;
  modLog(): APIMessage[];
  errors(): LogLine[];
  close(): Promise<void>;
};

export function embedText(embed: APIEmbed): string {
  return [embed.title, embed.description, ...(embed.fields ?? []).map((f) => `${f.name}: ${f.value}`), embed.footer?.text].filter(Boolean).join('\n');
}

/**
 * A real database with one brand (so the guild belongs to it without /setup), the Discord
 * stand-in with the seeded community (#mod-log and #reports configured), and the real bot
 * (discord.js) connected to it over loopback, commands registered. The stand-in and
 * Tandem share one manual clock.
 */
export async function startDiscordHarness(): Promise<DiscordHarness> {
  const database = await createTestDatabase();
  const clock = createManualClock('2026-03-02T09:00:00Z');
  const log = createRecordingLog();
  const ctx: TestCtx = { ...buildTestCtx(database.db, { clock }), log };
  const team = await createTeam(ctx);
  const fake = await startFakeDiscord({ now: () => clock.now() });
  const c = fake.community;
  await updateGuildChannels(ctx, { guildId: c.guildId, actorRef: c.users.admin, modLogChannelId: c.channels.modLog, reportsChannelId: c.channels.reports });
  const bot = await startDiscordBot(ctx, { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
  const textOf = (message: APIMessage | null | undefined) => (message ? [message.content, ...message.embeds.map(embedText)].filter(Boolean).join('\n') : '');
  return {
    database,
    ctx,
    log,
    team,
    fake,
    bot,
    c,
    run: (user, name, commandOptions, extra) => fake.runCommand({ channelId: c.channels.general, userId: c.users[user], name, options: commandOptions, ...extra }),
    textOf,
    modLog: () => fake.messagesIn(c.channels.modLog),
    errors: () => log.lines.filter((line) => line.level === 'error'),
    async close() {
      await bot.stop();
      await fake.close();
      await database.close();
    },
  };
}
