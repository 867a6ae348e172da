import { EventEmitter } from 'node:events';
import {
  ChannelType,
  GatewayDispatchEvents,
  MessageFlags,
  MessageType,
  type APIApplicationCommand,
  type APIBan,
  type APIChannel,
  type APIDMChannel,
  type APIEmbed,
  type APIGuildMember,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type APIInteraction,
  type ChannelFlags,
} from 'discord-api-types/v10';
import { computeBasePermissions, computeChannelPermissions } from './permissions.js';
import { createSnowflakes } from './snowflake.js';

export type FakeGuild = {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  roles: APIRole[];
  members: Map<string, APIGuildMember>;
  bans: Map<string, APIBan>;
};

export type FakeChannel = APITextChannel | APIDMChannel;

/** What the bot answered to one interaction, in order, as the API received it. */
export type InteractionRecord = {
  id: string;
  token: string;
  payload: APIInteraction;
  /** Callback types received (4 reply, 5 deferred reply, 6 deferred update, 7 update, 9 modal). */
  callbacks: { type: number; data?: MessageBody }[];
  /** The reply (or, for components, the message the component is on) once it exists. */
  originalMessageId: string | null;
  followupIds: string[];
  /** Visible answers so far: an immediate reply or update, an edit of a deferred one, a follow-up. */
  answers: number;
  /** Ephemeral messages live here only: nobody but the user sees them. */
  ephemeral: Map<string, APIMessage>;
};

export type MessageBody = {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
};

export type DispatchListener = (event: string, data: unknown, guildId: string | null) => void;

export type WorldOptions = {
  token: string;
  applicationId: string;
  botUser: APIUser;
  now: () => Date;
};

/**
 * The stand-in's whole Discord: guilds with roles, members and channels, messages, bans,
 * commands and interactions. REST handlers and test helpers change it through the
 * functions below, which also dispatch the gateway events Discord would send.
 */
export type DiscordWorld = ReturnType<typeof createDiscordWorld>;

export function createDiscordWorld(options: WorldOptions) {
  const dispatcher = new EventEmitter();
  dispatcher.setMaxListeners(100);
  const nextId = createSnowflakes(options.now);
  const world = {
    token: options.token,
    applicationId: options.applicationId,
    botUser: options.botUser,
    now: options.now,
    nextId,
    users: new Map<string, APIUser>([[options.botUser.id, options.botUser]]),
    /** Users whose DMs are closed to the bot (Discord answers 50007). */
    closedDms: new Set<string>(),
    guilds: new Map<string, FakeGuild>(),
    channels: new Map<string, FakeChannel>(),
    messages: new Map<string, APIMessage[]>(),
    commands: { global: [] as APIApplicationCommand[], byGuild: new Map<string, APIApplicationCommand[]>() },
    interactions: new Map<string, InteractionRecord>(),
    /** Fires after every change, for waiters and the playground's live view. */
    changes: new EventEmitter(),
    onDispatch(listener: DispatchListener) {
      dispatcher.on('dispatch', listener);
      return () => dispatcher.off('dispatch', listener);
    },
    dispatch(event: GatewayDispatchEvents | string, data: unknown, guildId: string | null) {
      dispatcher.emit('dispatch', event, data, guildId);
      world.changes.emit('change', event);
    },
    touch(what: string) {
      world.changes.emit('change', what);
    },
  };
  world.changes.setMaxListeners(1000);
  return world;
}

export function findGuildOfChannel(world: DiscordWorld, channelId: string): FakeGuild | null {
  const channel = world.channels.get(channelId);
  if (!channel || channel.type !== ChannelType.GuildText) return null;
  return world.guilds.get(channel.guild_id ?? '') ?? null;
}

export function memberPermissions(guild: FakeGuild, userId: string): bigint {
  const member = guild.members.get(userId);
  return computeBasePermissions({ id: guild.id, ownerId: guild.ownerId, roles: guild.roles }, { userId, roleIds: member?.roles ?? [] });
}

export function channelPermissions(world: DiscordWorld, channelId: string, userId: string): bigint {
  const channel = world.channels.get(channelId);
  const guild = findGuildOfChannel(world, channelId);
  if (!channel || !guild || channel.type !== ChannelType.GuildText) return 0n;
  const member = guild.members.get(userId);
  return computeChannelPermissions(
    { id: guild.id, ownerId: guild.ownerId, roles: guild.roles },
    { userId, roleIds: member?.roles ?? [] },
    channel.permission_overwrites ?? [],
  );
}

function mentionedUsers(world: DiscordWorld, content: string): APIUser[] {
  const ids = new Set([...content.matchAll(/<@!?(\d+)>/g)].map((match) => match[1] as string));
  return [...ids].map((id) => world.users.get(id)).filter((user): user is APIUser => Boolean(user));
}

function memberWithoutUser(member: APIGuildMember): Omit<APIGuildMember, 'user'> {
  const { user: _user, ...rest } = member;
  return rest;
}

export type CreateMessageInput = MessageBody & {
  channelId: string;
  authorId: string;
  /** Backdate a message (history for /purge); its id carries the same time. */
  at?: Date;
  type?: MessageType;
  /** Seed history quietly: no MESSAGE_CREATE. */
  dispatch?: boolean;
  interaction?: { id: string; name: string; userId: string; type: number };
  webhookId?: string;
};

/** Stores a message and tells the gateway, as Discord does for every visible message. */
export function createMessage(world: DiscordWorld, input: CreateMessageInput): APIMessage {
  const author = world.users.get(input.authorId);
  if (!author) throw new Error(`unknown author ${input.authorId}`);
  const at = input.at ?? world.now();
  const content = input.content ?? '';
  const guild = findGuildOfChannel(world, input.channelId);
  const message: APIMessage = {
    id: world.nextId(at),
    channel_id: input.channelId,
    author,
    content,
    timestamp: at.toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: /@(everyone|here)\b/.test(content),
    mentions: mentionedUsers(world, content),
    mention_roles: [...content.matchAll(/<@&(\d+)>/g)].map((match) => match[1] as string),
    attachments: [],
    embeds: input.embeds ?? [],
    components: input.components ?? [],
    pinned: false,
    type: input.type ?? MessageType.Default,
    flags: input.flags ?? 0,
    ...(input.webhookId ? { webhook_id: input.webhookId, application_id: world.applicationId } : {}),
    ...(input.interaction
      ? {
          interaction_metadata: {
            id: input.interaction.id,
            type: input.interaction.type,
            user: world.users.get(input.interaction.userId) as APIUser,
            authorizing_integration_owners: guild ? { '0': guild.id } : {},
          },
        }
      : {}),
  } as APIMessage;
  if ((message.flags ?? 0) & MessageFlags.Ephemeral) return message;
  const list = world.messages.get(input.channelId) ?? [];
  list.push(message);
  list.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  world.messages.set(input.channelId, list);
  const channel = world.channels.get(input.channelId);
  if (channel) channel.last_message_id = message.id;
  if (input.dispatch !== false) {
    const member = guild?.members.get(input.authorId);
    world.dispatch(
      GatewayDispatchEvents.MessageCreate,
      { ...message, ...(guild ? { guild_id: guild.id, ...(member ? { member: memberWithoutUser(member) } : {}) } : {}) },
      guild?.id ?? null,
    );
  }
  return message;
}

export function findMessage(world: DiscordWorld, channelId: string, messageId: string): APIMessage | null {
  return world.messages.get(channelId)?.find((message) => message.id === messageId) ?? null;
}

export function editMessage(world: DiscordWorld, channelId: string, messageId: string, body: MessageBody): APIMessage | null {
  const message = findMessage(world, channelId, messageId);
  if (!message) return null;
  if (body.content !== undefined) message.content = body.content;
  if (body.embeds !== undefined) message.embeds = body.embeds;
  if (body.components !== undefined) message.components = body.components;
  message.edited_timestamp = world.now().toISOString();
  const guild = findGuildOfChannel(world, channelId);
  world.dispatch(GatewayDispatchEvents.MessageUpdate, { ...message, ...(guild ? { guild_id: guild.id } : {}) }, guild?.id ?? null);
  return message;
}

export function deleteMessages(world: DiscordWorld, channelId: string, messageIds: readonly string[]): number {
  const list = world.messages.get(channelId) ?? [];
  const doomed = new Set(messageIds);
  const kept = list.filter((message) => !doomed.has(message.id));
  const deleted = list.length - kept.length;
  world.messages.set(channelId, kept);
  if (deleted === 0) return 0;
  const guild = findGuildOfChannel(world, channelId);
  const guildPart = guild ? { guild_id: guild.id } : {};
  if (messageIds.length === 1) world.dispatch(GatewayDispatchEvents.MessageDelete, { id: messageIds[0], channel_id: channelId, ...guildPart }, guild?.id ?? null);
  else world.dispatch(GatewayDispatchEvents.MessageDeleteBulk, { ids: [...doomed], channel_id: channelId, ...guildPart }, guild?.id ?? null);
  return deleted;
}

export function openDmChannel(world: DiscordWorld, userId: string): APIDMChannel {
  for (const channel of world.channels.values()) {
    if (channel.type === ChannelType.DM && channel.recipients?.[0]?.id === userId) return channel;
  }
  const user = world.users.get(userId) as APIUser;
  const channel: APIDMChannel = { id: world.nextId(), type: ChannelType.DM, name: null, last_message_id: null, recipients: [user], flags: 0 as ChannelFlags };
  world.channels.set(channel.id, channel);
  return channel;
}

export function toApiChannel(channel: FakeChannel): APIChannel {
  return structuredClone(channel);
}
