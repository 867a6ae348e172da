import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildHubType,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  type APIMessage,
  type ApplicationFlags,
  type GatewayGuildCreateDispatchData,
  type GatewayIdentifyData,
  type GatewayReadyDispatchData,
  type GatewayReceivePayload,
  type GatewaySendPayload,
} from 'discord-api-types/v10';
import { WebSocketServer, type WebSocket } from 'ws';
import { toApiChannel, type DiscordWorld, type FakeGuild } from './state.js';

type Session = {
  socket: WebSocket;
  id: string;
  identified: boolean;
  intents: number;
  shard: [number, number];
  seq: number;
};

export type FakeGateway = {
  url: string;
  /** Sessions that identified, with their shard, for tests of sharding. */
  sessions(): { shard: [number, number]; intents: number }[];
  close(): Promise<void>;
};

/** Discord routes a guild's events to shard (guild_id >> 22) % shard_count. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

const intentOf: Record<string, number> = {
  [GatewayDispatchEvents.GuildCreate]: GatewayIntentBits.Guilds,
  [GatewayDispatchEvents.GuildUpdate]: GatewayIntentBits.Guilds,
  [GatewayDispatchEvents.ChannelUpdate]: GatewayIntentBits.Guilds,
  [GatewayDispatchEvents.GuildRoleUpdate]: GatewayIntentBits.Guilds,
  [GatewayDispatchEvents.GuildMemberAdd]: GatewayIntentBits.GuildMembers,
  [GatewayDispatchEvents.GuildMemberUpdate]: GatewayIntentBits.GuildMembers,
  [GatewayDispatchEvents.GuildMemberRemove]: GatewayIntentBits.GuildMembers,
  [GatewayDispatchEvents.GuildBanAdd]: GatewayIntentBits.GuildModeration,
  [GatewayDispatchEvents.GuildBanRemove]: GatewayIntentBits.GuildModeration,
};

const messageEvents = new Set<string>([GatewayDispatchEvents.MessageCreate, GatewayDispatchEvents.MessageUpdate, GatewayDispatchEvents.MessageDelete, GatewayDispatchEvents.MessageDeleteBulk]);

function wants(session: Session, event: string, guildId: string | null): boolean {
  if (messageEvents.has(event)) return Boolean(session.intents & (guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages));
  const needed = intentOf[event];
  return needed === undefined || Boolean(session.intents & needed);
}

/** Without the Message Content intent Discord blanks what a bot reads, except its own messages and mentions of it. */
function redactContent(world: DiscordWorld, session: Session, event: string, data: unknown): unknown {
  if (session.intents & GatewayIntentBits.MessageContent) return data;
  if (event !== GatewayDispatchEvents.MessageCreate && event !== GatewayDispatchEvents.MessageUpdate) return data;
  const message = data as APIMessage;
  if (message.author?.id === world.botUser.id || message.mentions?.some((user) => user.id === world.botUser.id)) return data;
  return { ...message, content: '', embeds: [], attachments: [], components: [] };
}

export function buildGuildCreate(world: DiscordWorld, guild: FakeGuild, intents: number): GatewayGuildCreateDispatchData {
  const channels = [...world.channels.values()].filter((channel) => 'guild_id' in channel && channel.guild_id === guild.id).map(toApiChannel);
  // Without the privileged members intent a bot gets only itself in the member list.
  const members = [...guild.members.values()].filter((member) => intents & GatewayIntentBits.GuildMembers || member.user.id === world.botUser.id);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    region: 'europe',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: structuredClone(guild.roles),
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: guild.preferredLocale as GatewayGuildCreateDispatchData['preferred_locale'],
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null as GuildHubType | null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: '2025-01-15T10:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    voice_states: [],
    members: structuredClone(members),
    channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  } as GatewayGuildCreateDispatchData;
}

export type GatewayOptions = {
  /** Sent in HELLO; discord.js heartbeats at this interval. */
  heartbeatIntervalMs?: number;
};

/**
 * A Discord gateway on the stand-in's HTTP server: HELLO, IDENTIFY → READY and one
 * GUILD_CREATE per guild of the shard (without it discord.js waits `waitGuildTimeout`
 * before ready), heartbeats ACKed, RESUME → RESUMED, and every dispatch of the world sent
 * to the session whose shard and intents want it.
 */
export function attachGateway(world: DiscordWorld, server: Server, baseUrl: string, options: GatewayOptions = {}): FakeGateway {
  const path = '/gateway';
  const wss = new WebSocketServer({ noServer: true });
  const sessions = new Set<Session>();

  const send = (session: Session, payload: GatewayReceivePayload) => {
    if (session.socket.readyState === session.socket.OPEN) session.socket.send(JSON.stringify(payload));
  };
  const sendDispatch = (session: Session, event: string, data: unknown) => {
    session.seq += 1;
    send(session, { op: GatewayOpcodes.Dispatch, t: event, s: session.seq, d: data } as GatewayReceivePayload);
  };
  const ownsGuild = (session: Session, guildId: string) => shardOfGuild(guildId, session.shard[1]) === session.shard[0];

  const identify = (session: Session, data: GatewayIdentifyData) => {
    if (data.token.replace(/^Bot /, '') !== world.token) {
      session.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    session.identified = true;
    session.intents = Number(data.intents);
    session.shard = data.shard ?? [0, 1];
    const guilds = [...world.guilds.values()].filter((guild) => ownsGuild(session, guild.id));
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: world.botUser,
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: `${baseUrl.replace(/^http/, 'ws')}${path}`,
      shard: session.shard,
      application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    sendDispatch(session, GatewayDispatchEvents.Ready, ready);
    if (session.intents & GatewayIntentBits.Guilds) {
      for (const guild of guilds) sendDispatch(session, GatewayDispatchEvents.GuildCreate, buildGuildCreate(world, guild, session.intents));
    }
    world.touch('gateway.identified');
  };

  const onMessage = (session: Session, raw: string) => {
    const payload = JSON.parse(raw) as GatewaySendPayload;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        send(session, { op: GatewayOpcodes.HeartbeatAck } as GatewayReceivePayload);
        break;
      case GatewayOpcodes.Identify:
        identify(session, payload.d);
        break;
      case GatewayOpcodes.Resume:
        session.identified = true;
        sendDispatch(session, GatewayDispatchEvents.Resumed, {});
        break;
      default:
        // Presence updates, voice state updates, member requests: accepted and ignored.
        break;
    }
  };

  const stopListening = world.onDispatch((event, data, guildId) => {
    for (const session of sessions) {
      if (!session.identified) continue;
      if (guildId ? !ownsGuild(session, guildId) : session.shard[0] !== 0) continue;
      if (!wants(session, event, guildId)) continue;
      sendDispatch(session, event, redactContent(world, session, event, data));
    }
  });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== path) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const session: Session = { socket: ws, id: world.nextId(), identified: false, intents: 0, shard: [0, 1], seq: 0 };
      sessions.add(session);
      ws.on('message', (raw) => onMessage(session, raw.toString()));
      ws.on('close', () => sessions.delete(session));
      send(session, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 41_250 } } as GatewayReceivePayload);
    });
  };
  server.on('upgrade', onUpgrade);

  return {
    url: `${baseUrl.replace(/^http/, 'ws')}${path}`,
    sessions: () => [...sessions].filter((s) => s.identified).map((s) => ({ shard: s.shard, intents: s.intents })),
    async close() {
      stopListening();
      server.off('upgrade', onUpgrade);
      for (const session of sessions) session.socket.terminate();
      sessions.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
