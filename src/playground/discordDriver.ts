import type { Log } from '../core/log.js';
import { discordGuildName, discordPeople } from './cast.js';
import { startFakeDiscord, type FakeDiscord } from './discord/index.js';
import { dispatchButtonClick, dispatchChatInputCommand, dispatchMessageCommand, type OptionValue } from './discord/interactions.js';
import type { InteractionRecord } from './discord/state.js';
import { buildDiscordSnapshot, type DiscordSnapshot } from './discordSnapshot.js';
import type { DriverResult } from './slackDriver.js';

/** Discord tells the user "The application did not respond" after three seconds of silence. */
const answerDeadlineMs = 3_000;

/**
 * Plays Discord for the browser: messages a member posts become MESSAGE_CREATE on the
 * gateway, commands, context menus and button clicks become INTERACTION_CREATE, exactly as
 * Discord dispatches them to Tandem's discord.js client. What the bot does through REST
 * lands in the stand-in's world, which the browser draws.
 */
export type PlaygroundDiscord = {
  fake: FakeDiscord;
  snapshot(userId: string): DiscordSnapshot;
  post(input: { userId: string; channelId: string; content: string }): DriverResult;
  runCommand(input: { userId: string; channelId: string; name: string; subcommand?: string; options: Record<string, OptionValue> }): DriverResult;
  runMessageCommand(input: { userId: string; channelId: string; messageId: string; name: string }): DriverResult;
  clickButton(input: { userId: string; channelId: string; messageId: string; customId: string }): DriverResult;
  close(): Promise<void>;
};

export type DiscordDriverOptions = { log: Log; onChange: () => void };

export async function startPlaygroundDiscord(options: DiscordDriverOptions): Promise<PlaygroundDiscord> {
  const fake = await startFakeDiscord({ token: `playground.${Date.now().toString(36)}`, applicationId: '1100000000000000001' });
  const guild = fake.world.guilds.get(fake.community.guildId);
  if (guild) guild.name = discordGuildName;
  const onChange = () => options.onChange();
  fake.world.changes.on('change', onChange);
  const unanswered = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();

  /** Starts an interaction and notes it if the bot stays silent past Discord's deadline. */
  const watch = (start: () => InteractionRecord): DriverResult => {
    let record: InteractionRecord;
    try {
      record = start();
    } catch (error) {
      // The stand-in refuses what the Discord client would not send (a missing required option).
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (record.callbacks.length === 0) {
        unanswered.add(record.id);
        options.log.warn({ interaction: record.id }, 'playground: Tandem did not answer a Discord interaction in 3 s');
        onChange();
      }
    }, answerDeadlineMs);
    timers.add(timer);
    return { ok: true };
  };

  const known = new Set<string>(discordPeople.map((p) => p.id));
  const check = (userId: string) => {
    if (!known.has(userId)) throw new Error(`unknown playground member ${userId}`);
  };

  return {
    fake,
    snapshot: (userId) => buildDiscordSnapshot(fake, known.has(userId) ? userId : (discordPeople[0]?.id ?? userId), unanswered),
    post({ userId, channelId, content }) {
      check(userId);
      try {
        fake.postMessage({ channelId, authorId: userId, content });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
    runCommand({ userId, channelId, name, subcommand, options: values }) {
      check(userId);
      return watch(() => dispatchChatInputCommand(fake.world, { userId, channelId, name, ...(subcommand ? { subcommand } : {}), options: values }));
    },
    runMessageCommand({ userId, channelId, messageId, name }) {
      check(userId);
      return watch(() => dispatchMessageCommand(fake.world, { userId, channelId, messageId, name }));
    },
    clickButton({ userId, channelId, messageId, customId }) {
      check(userId);
      return watch(() => dispatchButtonClick(fake.world, { userId, channelId, messageId, customId }));
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      fake.world.changes.off('change', onChange);
      await fake.close();
    },
  };
}
