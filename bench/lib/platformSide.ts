// The platforms' side of a benchmark, in its own process (forked by platformSideProcess.ts):
// the Slack Web API stand-in Tandem calls and a load generator (loadWorker.ts, its own
// thread) that signs and sends commands; on request, the Discord stand-in and a community's message traffic. Apart
// from Tandem so that what a benchmark measures (latency, RSS) is Tandem's alone, as it
// would be with Slack and Discord on the other side of the internet.
import { ChannelType, GatewayDispatchEvents, MessageType, type APITextChannel, type ChannelFlags, type GuildMemberFlags, type UserFlags } from 'discord-api-types/v10';
import { startFakeDiscord, type FakeDiscord } from '../../src/playground/discord/server.js';
import { startFakeSlackApi } from '../../src/playground/slack/fakeSlackApi.js';
import { buildSlashCommand } from '../../src/playground/slack/payloads.js';
import { Worker } from 'node:worker_threads';
import { commandText } from './commandTexts.js';
import type { LoadDone, LoadJob } from './loadWorker.js';
import type { DiscordTraffic, PlatformSideReply, PlatformSideRequest } from './platformSideProtocol.js';

const slack = await startFakeSlackApi({ acceptedTokens: process.env.BENCH_BOT_TOKEN ? [process.env.BENCH_BOT_TOKEN] : [] });
const signingSecret = process.env.BENCH_SIGNING_SECRET ?? '';
// Requests are built here (the stand-in issues their trigger ids and response_urls) and
// sent and timed by the load generator on its own thread.
// (Node 20 does not carry tsx's loader into a worker: it registers it there first.)
const loaderUrl = new URL('./loadWorker.ts', import.meta.url).href;
const loader = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(loaderUrl)}); })`, { eval: true });

function runLoad(job: LoadJob): Promise<LoadDone> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      loader.off('message', done);
      reject(error);
    };
    const done = (result: LoadDone) => {
      loader.off('error', fail);
      resolve(result);
    };
    loader.once('message', done);
    loader.once('error', fail);
    loader.postMessage(job);
  });
}
let discord: FakeDiscord | null = null;
let textChannels: string[] = [];

let answered = 0;
/** Answers that are apologies (a bug, a timeout, the database gone) rather than results. */
let failed = 0;
slack.onRecord((entry) => {
  if (entry.kind !== 'response_url') return;
  answered += 1;
  if (/error id|nothing was saved/i.test(JSON.stringify(entry.body))) failed += 1;
});

/** Forgets what the stand-ins recorded, so a long run does not slow them down. */
function forget(): void {
  slack.calls.length = 0;
  slack.responses.length = 0;
  slack.workspace.messages.length = 0;
  if (discord) {
    discord.calls.length = 0;
    discord.world.messages.clear();
    discord.world.interactions.clear();
  }
}

function textChannel(id: string, guildId: string, position: number): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name: `chat-${position}`,
    position: 10 + position,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    last_pin_timestamp: null,
    flags: 0 as ChannelFlags,
  };
}

async function startDiscord(channels: number): Promise<PlatformSideReply> {
  discord = await startFakeDiscord();
  const { world, community } = discord;
  textChannels = [community.channels.general];
  for (let i = 0; i < channels - 1; i++) {
    const id = world.nextId();
    world.channels.set(id, textChannel(id, community.guildId, i));
    textChannels.push(id);
  }
  return { type: 'discordStarted', apiUrl: discord.apiUrl, token: discord.token };
}

const chatter = ['gg wp', 'did the new drop ship yet?', 'love the autumn colours 😍', '¿alguien sabe cuándo llega el pedido?', 'qualcuno ha provato la versione grande?', 'see you at the event tomorrow', 'lol same', 'which size should I get?'];

/**
 * MESSAGE_CREATE as Discord sends it, each from a community member (with `member`, as in a
 * guild), not stored by the stand-in: the traffic is what matters, not its history.
 */
async function sendTraffic(traffic: DiscordTraffic): Promise<PlatformSideReply> {
  if (!discord) throw new Error('Discord stand-in not started');
  const { world, community } = discord;
  const tickMs = 50;
  const ticks = Math.max(1, Math.round(traffic.durationMs / tickMs));
  let sent = 0;
  for (let tick = 0; tick < ticks; tick++) {
    const due = Math.round(((tick + 1) / ticks) * traffic.messages);
    for (; sent < due; sent++) {
      const authorId = String(1_300_000_000_000_000_000n + BigInt(sent % traffic.authors));
      const author = { id: authorId, username: `fan_${sent % traffic.authors}`, discriminator: '0', global_name: null, avatar: null, public_flags: 0 as UserFlags, flags: 0 as UserFlags };
      const at = world.now();
      world.dispatch(
        GatewayDispatchEvents.MessageCreate,
        {
          id: world.nextId(at),
          channel_id: textChannels[sent % textChannels.length],
          guild_id: community.guildId,
          author,
          member: { roles: [community.roles.member], joined_at: '2025-06-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 as GuildMemberFlags, pending: false, nick: null, premium_since: null, communication_disabled_until: null },
          content: `${chatter[sent % chatter.length]} #${sent}`,
          timestamp: at.toISOString(),
          edited_timestamp: null,
          tts: false,
          mention_everyone: false,
          mentions: [],
          mention_roles: [],
          attachments: [],
          embeds: [],
          components: [],
          pinned: false,
          type: MessageType.Default,
          flags: 0,
        },
        community.guildId,
      );
    }
    await new Promise((r) => setTimeout(r, tickMs));
  }
  return { type: 'discordSent', messages: sent };
}

async function handle(request: PlatformSideRequest): Promise<PlatformSideReply> {
  switch (request.type) {
    case 'load': {
      const { command, user, channelId, offset, count, concurrency, endpoint } = request;
      // Built before the clock starts: building is the stand-in's work, not the app's.
      const requests = Array.from({ length: count }, (_, i) => buildSlashCommand(slack, { command, text: commandText(command, offset + i), user, channelId }));
      const done = await runLoad({ endpoint, signingSecret, requests: requests.map(({ body, contentType }) => ({ body, contentType })), concurrency });
      return { type: 'loaded', ...done };
    }
    case 'answers':
      return { type: 'answers', responses: answered, failed };
    case 'forget':
      forget();
      return { type: 'forgotten' };
    case 'discordStart':
      return startDiscord(request.channels);
    case 'discordTraffic':
      return sendTraffic(request);
  }
}

process.on('message', (message: { id: number; request: PlatformSideRequest }) => {
  handle(message.request).then(
    (reply) => process.send?.({ id: message.id, reply }),
    (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? error.stack : String(error) }),
  );
});
process.on('disconnect', () => {
  void Promise.all([loader.terminate(), slack.close(), discord?.close()]).then(() => process.exit(0));
});
process.send?.({ id: 0, reply: { type: 'ready', apiUrl: slack.apiUrl } });
