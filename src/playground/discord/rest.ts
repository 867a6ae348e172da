import type { IncomingHttpHeaders } from 'node:http';
import {
  ApplicationCommandType,
  ChannelType,
  GatewayDispatchEvents,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  PermissionFlagsBits as P,
  RESTJSONErrorCodes as E,
  type APIApplicationCommand,
  type APIGuildMember,
  type APIMessage,
  type APIOverwrite,
  type RESTPatchAPIChannelJSONBody,
  type RESTPatchAPIGuildMemberJSONBody,
  type RESTPostAPIChannelMessagesBulkDeleteJSONBody,
  type RESTPostAPIInteractionCallbackJSONBody,
  type RESTPutAPIApplicationCommandsJSONBody,
  type RESTPutAPIChannelPermissionJSONBody,
  type RESTPutAPIGuildBanJSONBody,
} from 'discord-api-types/v10';
import { buildGuildCreate } from './gateway.js';
import { highestRolePosition } from './permissions.js';
import { timestampOfSnowflake } from './snowflake.js';
import {
  channelPermissions,
  createMessage,
  deleteMessages,
  editMessage,
  findGuildOfChannel,
  findMessage,
  memberPermissions,
  openDmChannel,
  toApiChannel,
  type DiscordWorld,
  type FakeGuild,
  type InteractionRecord,
  type MessageBody,
} from './state.js';

/** An error as Discord's API writes it: HTTP status plus a JSON code and message. */
export class FakeApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type RestRequest = {
  method: string;
  /** After /api/v10, e.g. /guilds/1/bans/2 */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
};

export type RestResponse = { status: number; body?: unknown; headers?: Record<string, string> };

/** One API call as the stand-in received it, for assertions ("no ban call was made"). */
export type RecordedCall = {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** The X-Audit-Log-Reason header, decoded. */
  auditLogReason: string | null;
  status: number;
  errorCode: number | null;
};

/** A failure to inject: the next `times` calls matching method and path get it. */
export type FailureRule = {
  method?: string;
  path: RegExp | string;
  status: number;
  code?: number;
  message?: string;
  /** For 429: seconds, as Discord sends them. */
  retryAfter?: number;
  global?: boolean;
  times?: number;
};

type Route = { method: string; pattern: RegExp; auth: boolean; handle(req: RestRequest): RestResponse };

const fourteenDaysMs = 14 * 86_400_000;
const maxTimeoutMs = 28 * 86_400_000;

const missingPermissions = () => new FakeApiError(403, E.MissingPermissions, 'Missing Permissions');
const invalidForm = (field: string, message: string) =>
  new FakeApiError(400, E.InvalidFormBodyOrContentType, 'Invalid Form Body', { errors: { [field]: { _errors: [{ code: 'BASE_TYPE_INVALID', message }] } } });

function json(status: number, body?: unknown): RestResponse {
  return { status, body };
}

export type RestContext = {
  world: DiscordWorld;
  gatewayUrl: () => string;
  recommendedShards: () => number;
};

/** The REST API routes the stand-in answers, as Discord answers them (v10). */
export function createRestRoutes({ world, gatewayUrl, recommendedShards }: RestContext): Route[] {
  const routes: Route[] = [];
  const route = (method: string, path: string, handle: Route['handle'], auth = true) => {
    const pattern = new RegExp(`^${path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`);
    routes.push({ method, pattern, auth, handle });
  };

  const guildOr404 = (id: string): FakeGuild => {
    const guild = world.guilds.get(id);
    if (!guild) throw new FakeApiError(404, E.UnknownGuild, 'Unknown Guild');
    return guild;
  };
  const memberOr404 = (guild: FakeGuild, userId: string): APIGuildMember => {
    const member = guild.members.get(userId);
    if (!member) throw new FakeApiError(404, E.UnknownMember, 'Unknown Member');
    return member;
  };
  const channelOr404 = (id: string) => {
    const channel = world.channels.get(id);
    if (!channel) throw new FakeApiError(404, E.UnknownChannel, 'Unknown Channel');
    return channel;
  };
  const requireGuildPermission = (guild: FakeGuild, permission: bigint) => {
    if (!(memberPermissions(guild, world.botUser.id) & permission)) throw missingPermissions();
  };
  const requireChannelPermission = (channelId: string, permission: bigint) => {
    const channel = channelOr404(channelId);
    if (channel.type === ChannelType.DM) return;
    if ((channelPermissions(world, channelId, world.botUser.id) & permission) !== permission) throw missingPermissions();
  };
  /** Discord refuses actions on the owner and on members whose top role is not below the bot's. */
  const requireAbove = (guild: FakeGuild, targetId: string) => {
    if (targetId === guild.ownerId) throw missingPermissions();
    const target = guild.members.get(targetId);
    if (!target) return;
    const shape = { id: guild.id, ownerId: guild.ownerId, roles: guild.roles };
    const bot = guild.members.get(world.botUser.id);
    if (highestRolePosition(shape, bot?.roles ?? []) <= highestRolePosition(shape, target.roles)) throw missingPermissions();
  };
  const messageOr404 = (channelId: string, messageId: string): APIMessage => {
    const message = findMessage(world, channelId, messageId);
    if (!message) throw new FakeApiError(404, E.UnknownMessage, 'Unknown Message');
    return message;
  };

  // Gateway and the bot itself.
  route('GET', '/gateway', () => json(200, { url: gatewayUrl() }), false);
  route('GET', '/gateway/bot', () =>
    json(200, { url: gatewayUrl(), shards: recommendedShards(), session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } }),
  );
  route('GET', '/users/@me', () => json(200, world.botUser));
  route('GET', '/users/:userId', ({ params }) => {
    const user = world.users.get(params.userId as string);
    if (!user) throw new FakeApiError(404, E.UnknownUser, 'Unknown User');
    return json(200, user);
  });
  route('POST', '/users/@me/channels', ({ body }) => {
    const recipient = (body as { recipient_id?: string }).recipient_id ?? '';
    if (!world.users.has(recipient)) throw new FakeApiError(404, E.UnknownUser, 'Unknown User');
    return json(200, toApiChannel(openDmChannel(world, recipient)));
  });

  // Guilds, members, bans.
  route('GET', '/guilds/:guildId', ({ params }) => {
    const guild = guildOr404(params.guildId as string);
    const { members: _m, channels: _c, voice_states: _v, presences: _p, threads: _t, ...rest } = buildGuildCreate(world, guild, 0);
    return json(200, rest);
  });
  route('GET', '/guilds/:guildId/roles', ({ params }) => json(200, guildOr404(params.guildId as string).roles));
  route('GET', '/guilds/:guildId/channels', ({ params }) => {
    const guild = guildOr404(params.guildId as string);
    return json(200, [...world.channels.values()].filter((c) => 'guild_id' in c && c.guild_id === guild.id).map(toApiChannel));
  });
  route('GET', '/guilds/:guildId/members', ({ params, query }) => {
    const guild = guildOr404(params.guildId as string);
    const limit = Math.min(1000, Number(query.get('limit') ?? 1));
    const after = BigInt(query.get('after') ?? '0');
    return json(200, [...guild.members.values()].filter((m) => BigInt(m.user.id) > after).slice(0, limit));
  });
  route('GET', '/guilds/:guildId/members/:userId', ({ params }) => json(200, memberOr404(guildOr404(params.guildId as string), params.userId as string)));
  route('PATCH', '/guilds/:guildId/members/:userId', ({ params, body }) => {
    const guild = guildOr404(params.guildId as string);
    const member = memberOr404(guild, params.userId as string);
    const changes = body as RESTPatchAPIGuildMemberJSONBody;
    if (changes.communication_disabled_until !== undefined) {
      requireGuildPermission(guild, P.ModerateMembers);
      requireAbove(guild, member.user.id);
      // Administrators cannot be timed out.
      if (memberPermissions(guild, member.user.id) & P.Administrator) throw missingPermissions();
      const until = changes.communication_disabled_until;
      if (until && new Date(until).getTime() - world.now().getTime() > maxTimeoutMs) {
        throw invalidForm('communication_disabled_until', 'Cannot time out a member for more than 28 days.');
      }
      member.communication_disabled_until = until ?? null;
    }
    if (changes.nick !== undefined) member.nick = changes.nick ?? null;
    if (changes.roles) {
      requireGuildPermission(guild, P.ManageRoles);
      member.roles = [...changes.roles];
    }
    world.dispatch(GatewayDispatchEvents.GuildMemberUpdate, { ...member, guild_id: guild.id }, guild.id);
    return json(200, member);
  });
  route('DELETE', '/guilds/:guildId/members/:userId', ({ params }) => {
    const guild = guildOr404(params.guildId as string);
    const member = memberOr404(guild, params.userId as string);
    requireGuildPermission(guild, P.KickMembers);
    requireAbove(guild, member.user.id);
    guild.members.delete(member.user.id);
    world.dispatch(GatewayDispatchEvents.GuildMemberRemove, { guild_id: guild.id, user: member.user }, guild.id);
    return json(204);
  });
  route('GET', '/guilds/:guildId/bans/:userId', ({ params }) => {
    const ban = guildOr404(params.guildId as string).bans.get(params.userId as string);
    if (!ban) throw new FakeApiError(404, E.UnknownBan, 'Unknown Ban');
    return json(200, ban);
  });
  route('PUT', '/guilds/:guildId/bans/:userId', ({ params, body, headers }) => {
    const guild = guildOr404(params.guildId as string);
    const userId = params.userId as string;
    const user = world.users.get(userId);
    if (!user) throw new FakeApiError(404, E.UnknownUser, 'Unknown User');
    requireGuildPermission(guild, P.BanMembers);
    requireAbove(guild, userId);
    const deleteSeconds = (body as RESTPutAPIGuildBanJSONBody | undefined)?.delete_message_seconds ?? 0;
    if (deleteSeconds < 0 || deleteSeconds > 604_800) throw invalidForm('delete_message_seconds', 'Must be between 0 and 604800.');
    guild.bans.set(userId, { user, reason: readAuditReason(headers) });
    if (guild.members.delete(userId)) world.dispatch(GatewayDispatchEvents.GuildMemberRemove, { guild_id: guild.id, user }, guild.id);
    if (deleteSeconds > 0) {
      const since = world.now().getTime() - deleteSeconds * 1000;
      for (const [channelId, messages] of world.messages) {
        if (findGuildOfChannel(world, channelId)?.id !== guild.id) continue;
        const doomed = messages.filter((m) => m.author.id === userId && timestampOfSnowflake(m.id) >= since).map((m) => m.id);
        if (doomed.length) deleteMessages(world, channelId, doomed);
      }
    }
    world.dispatch(GatewayDispatchEvents.GuildBanAdd, { guild_id: guild.id, user }, guild.id);
    return json(204);
  });
  route('DELETE', '/guilds/:guildId/bans/:userId', ({ params }) => {
    const guild = guildOr404(params.guildId as string);
    requireGuildPermission(guild, P.BanMembers);
    const ban = guild.bans.get(params.userId as string);
    if (!ban) throw new FakeApiError(404, E.UnknownBan, 'Unknown Ban');
    guild.bans.delete(ban.user.id);
    world.dispatch(GatewayDispatchEvents.GuildBanRemove, { guild_id: guild.id, user: ban.user }, guild.id);
    return json(204);
  });

  // Channels and messages.
  route('GET', '/channels/:channelId', ({ params }) => json(200, toApiChannel(channelOr404(params.channelId as string))));
  route('PATCH', '/channels/:channelId', ({ params, body }) => {
    const channel = channelOr404(params.channelId as string);
    if (channel.type !== ChannelType.GuildText) throw missingPermissions();
    requireChannelPermission(channel.id, P.ManageChannels);
    const changes = body as RESTPatchAPIChannelJSONBody;
    if (changes.rate_limit_per_user !== undefined && changes.rate_limit_per_user !== null) {
      if (changes.rate_limit_per_user < 0 || changes.rate_limit_per_user > 21_600) throw invalidForm('rate_limit_per_user', 'Must be between 0 and 21600.');
      channel.rate_limit_per_user = changes.rate_limit_per_user;
    }
    if (typeof changes.name === 'string') channel.name = changes.name;
    if (changes.topic !== undefined) channel.topic = changes.topic ?? null;
    world.dispatch(GatewayDispatchEvents.ChannelUpdate, toApiChannel(channel), channel.guild_id ?? null);
    return json(200, toApiChannel(channel));
  });
  route('PUT', '/channels/:channelId/permissions/:overwriteId', ({ params, body }) => {
    const channel = channelOr404(params.channelId as string);
    if (channel.type !== ChannelType.GuildText) throw missingPermissions();
    requireChannelPermission(channel.id, P.ManageRoles);
    const data = body as RESTPutAPIChannelPermissionJSONBody;
    const overwrite: APIOverwrite = { id: params.overwriteId as string, type: data.type, allow: String(data.allow ?? '0'), deny: String(data.deny ?? '0') };
    channel.permission_overwrites = [...(channel.permission_overwrites ?? []).filter((o) => o.id !== overwrite.id), overwrite];
    world.dispatch(GatewayDispatchEvents.ChannelUpdate, toApiChannel(channel), channel.guild_id ?? null);
    return json(204);
  });
  route('DELETE', '/channels/:channelId/permissions/:overwriteId', ({ params }) => {
    const channel = channelOr404(params.channelId as string);
    if (channel.type !== ChannelType.GuildText) throw missingPermissions();
    requireChannelPermission(channel.id, P.ManageRoles);
    channel.permission_overwrites = (channel.permission_overwrites ?? []).filter((o) => o.id !== params.overwriteId);
    world.dispatch(GatewayDispatchEvents.ChannelUpdate, toApiChannel(channel), channel.guild_id ?? null);
    return json(204);
  });
  route('GET', '/channels/:channelId/messages', ({ params, query }) => {
    const channelId = params.channelId as string;
    channelOr404(channelId);
    requireChannelPermission(channelId, P.ViewChannel | P.ReadMessageHistory);
    const limit = Math.max(1, Math.min(100, Number(query.get('limit') ?? 50)));
    let list = [...(world.messages.get(channelId) ?? [])].reverse();
    const before = query.get('before');
    const after = query.get('after');
    if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
    if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after)).reverse();
    return json(200, list.slice(0, limit));
  });
  route('GET', '/channels/:channelId/messages/:messageId', ({ params }) => json(200, messageOr404(params.channelId as string, params.messageId as string)));
  route('POST', '/channels/:channelId/messages', ({ params, body }) => {
    const channel = channelOr404(params.channelId as string);
    if (channel.type === ChannelType.DM) {
      const recipient = channel.recipients?.[0]?.id ?? '';
      if (world.closedDms.has(recipient)) throw new FakeApiError(403, E.CannotSendMessagesToThisUser, 'Cannot send messages to this user');
    } else {
      const data = body as MessageBody;
      requireChannelPermission(channel.id, P.ViewChannel | P.SendMessages | (data.embeds?.length ? P.EmbedLinks : 0n));
    }
    const data = body as MessageBody;
    if (!data.content && !data.embeds?.length && !data.components?.length) throw new FakeApiError(400, 50006, 'Cannot send an empty message');
    return json(200, createMessage(world, { ...data, channelId: channel.id, authorId: world.botUser.id }));
  });
  route('PATCH', '/channels/:channelId/messages/:messageId', ({ params, body }) => {
    const message = messageOr404(params.channelId as string, params.messageId as string);
    if (message.author.id !== world.botUser.id) throw new FakeApiError(403, 50005, 'Cannot edit a message authored by another user');
    return json(200, editMessage(world, message.channel_id, message.id, body as MessageBody));
  });
  route('DELETE', '/channels/:channelId/messages/:messageId', ({ params }) => {
    const message = messageOr404(params.channelId as string, params.messageId as string);
    if (message.author.id !== world.botUser.id) requireChannelPermission(message.channel_id, P.ManageMessages);
    deleteMessages(world, message.channel_id, [message.id]);
    return json(204);
  });
  route('POST', '/channels/:channelId/messages/bulk-delete', ({ params, body }) => {
    const channelId = params.channelId as string;
    channelOr404(channelId);
    requireChannelPermission(channelId, P.ManageMessages);
    const ids = (body as RESTPostAPIChannelMessagesBulkDeleteJSONBody).messages ?? [];
    if (ids.length < 2 || ids.length > 100) {
      throw new FakeApiError(400, E.ProvidedTooFewOrTooManyMessagesToDelete, 'You must provide at least 2 and fewer than 100 messages to delete.');
    }
    const oldest = world.now().getTime() - fourteenDaysMs;
    if (ids.some((id) => timestampOfSnowflake(id) < oldest)) {
      throw new FakeApiError(400, E.OneOfTheMessagesProvidedWasTooOldForBulkDelete, 'You can only bulk delete messages that are under 14 days old.');
    }
    deleteMessages(world, channelId, ids);
    return json(204);
  });

  // Application commands.
  const saveCommands = (existing: APIApplicationCommand[], body: RESTPutAPIApplicationCommandsJSONBody, guildId?: string): APIApplicationCommand[] => {
    return body.map((definition) => {
      const type = definition.type ?? ApplicationCommandType.ChatInput;
      if (type === ApplicationCommandType.ChatInput && !/^[-_'\p{L}\p{N}]{1,32}$/u.test(definition.name)) throw invalidForm('name', 'Command name is invalid');
      const previous = existing.find((command) => command.name === definition.name && command.type === type);
      return {
        ...structuredClone(definition),
        id: previous?.id ?? world.nextId(),
        application_id: world.applicationId,
        type,
        description: 'description' in definition ? (definition.description ?? '') : '',
        version: world.nextId(),
        default_member_permissions: definition.default_member_permissions ?? null,
        ...(guildId ? { guild_id: guildId } : {}),
      } as APIApplicationCommand;
    });
  };
  route('GET', '/applications/:appId/commands', () => json(200, world.commands.global));
  route('PUT', '/applications/:appId/commands', ({ body }) => {
    world.commands.global = saveCommands(world.commands.global, body as RESTPutAPIApplicationCommandsJSONBody);
    world.touch('commands');
    return json(200, world.commands.global);
  });
  route('GET', '/applications/:appId/guilds/:guildId/commands', ({ params }) => json(200, world.commands.byGuild.get(params.guildId as string) ?? []));
  route('PUT', '/applications/:appId/guilds/:guildId/commands', ({ params, body }) => {
    const guildId = params.guildId as string;
    guildOr404(guildId);
    const saved = saveCommands(world.commands.byGuild.get(guildId) ?? [], body as RESTPutAPIApplicationCommandsJSONBody, guildId);
    world.commands.byGuild.set(guildId, saved);
    world.touch('commands');
    return json(200, saved);
  });

  // Interaction responses: the callback, then the webhook for edits and follow-ups.
  const recordByToken = (token: string): InteractionRecord => {
    for (const record of world.interactions.values()) if (record.token === token) return record;
    throw new FakeApiError(404, E.UnknownWebhook, 'Unknown Webhook');
  };
  const channelOfInteraction = (record: InteractionRecord) => record.payload.channel?.id ?? '';
  const userOfInteraction = (record: InteractionRecord) => record.payload.member?.user.id ?? record.payload.user?.id ?? '';
  const replyAs = (record: InteractionRecord, data: MessageBody, flags: number): APIMessage => {
    const message = createMessage(world, {
      ...data,
      flags,
      channelId: channelOfInteraction(record),
      authorId: world.botUser.id,
      type: record.payload.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Reply,
      interaction: { id: record.id, name: 'data' in record.payload && record.payload.data && 'name' in record.payload.data ? record.payload.data.name : '', userId: userOfInteraction(record), type: record.payload.type },
      webhookId: world.applicationId,
    });
    if (flags & MessageFlags.Ephemeral) record.ephemeral.set(message.id, message);
    return message;
  };
  const findResponseMessage = (record: InteractionRecord, messageId: string): APIMessage | null => {
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    if (!id) return null;
    return record.ephemeral.get(id) ?? findMessage(world, channelOfInteraction(record), id) ?? (record.payload.message?.id === id ? findMessage(world, record.payload.message.channel_id, id) : null);
  };

  route(
    'POST',
    '/interactions/:interactionId/:token/callback',
    ({ params, body, query }) => {
      const record = world.interactions.get(params.interactionId as string);
      if (!record || record.token !== params.token) throw new FakeApiError(404, E.UnknownInteraction, 'Unknown interaction');
      if (record.callbacks.length) throw new FakeApiError(400, E.InteractionHasAlreadyBeenAcknowledged, 'Interaction has already been acknowledged.');
      const callback = body as RESTPostAPIInteractionCallbackJSONBody;
      const data = ('data' in callback ? callback.data : undefined) as MessageBody | undefined;
      record.callbacks.push({ type: callback.type, data });
      let message: APIMessage | null = null;
      switch (callback.type) {
        case InteractionResponseType.ChannelMessageWithSource:
          message = replyAs(record, data ?? {}, data?.flags ?? 0);
          record.originalMessageId = message.id;
          break;
        case InteractionResponseType.DeferredMessageUpdate:
          record.originalMessageId = record.payload.message?.id ?? null;
          break;
        case InteractionResponseType.UpdateMessage:
          if (record.payload.message) {
            record.originalMessageId = record.payload.message.id;
            message = editMessage(world, record.payload.message.channel_id, record.payload.message.id, data ?? {});
          }
          break;
        default:
          break;
      }
      if (callback.type !== InteractionResponseType.DeferredChannelMessageWithSource && callback.type !== InteractionResponseType.DeferredMessageUpdate) record.answers += 1;
      world.touch('interaction.callback');
      if (query.get('with_response') !== 'true') return json(204);
      return json(200, {
        interaction: { id: record.id, type: record.payload.type, response_message_id: message?.id, response_message_loading: callback.type === InteractionResponseType.DeferredChannelMessageWithSource, response_message_ephemeral: Boolean((data?.flags ?? 0) & MessageFlags.Ephemeral) },
        ...(message ? { resource: { type: callback.type, message } } : {}),
      });
    },
    false,
  );
  route(
    'PATCH',
    '/webhooks/:appId/:token/messages/:messageId',
    ({ params, body }) => {
      const record = recordByToken(params.token as string);
      const data = body as MessageBody;
      const existing = findResponseMessage(record, params.messageId as string);
      if (!existing && params.messageId === '@original' && record.callbacks[0]?.type === InteractionResponseType.DeferredChannelMessageWithSource) {
        // The deferred reply becomes a real message on its first edit; it keeps the defer's flags.
        const message = replyAs(record, data, record.callbacks[0].data?.flags ?? 0);
        record.originalMessageId = message.id;
        record.answers += 1;
        world.touch('interaction.reply');
        return json(200, message);
      }
      if (!existing) throw new FakeApiError(404, E.UnknownMessage, 'Unknown Message');
      record.answers += 1;
      if (record.ephemeral.has(existing.id)) {
        Object.assign(existing, { ...data, edited_timestamp: world.now().toISOString() });
        world.touch('interaction.reply');
        return json(200, existing);
      }
      return json(200, editMessage(world, existing.channel_id, existing.id, data));
    },
    false,
  );
  route(
    'GET',
    '/webhooks/:appId/:token/messages/:messageId',
    ({ params }) => {
      const message = findResponseMessage(recordByToken(params.token as string), params.messageId as string);
      if (!message) throw new FakeApiError(404, E.UnknownMessage, 'Unknown Message');
      return json(200, message);
    },
    false,
  );
  route(
    'DELETE',
    '/webhooks/:appId/:token/messages/:messageId',
    ({ params }) => {
      const record = recordByToken(params.token as string);
      const message = findResponseMessage(record, params.messageId as string);
      if (!message) throw new FakeApiError(404, E.UnknownMessage, 'Unknown Message');
      if (!record.ephemeral.delete(message.id)) deleteMessages(world, message.channel_id, [message.id]);
      return json(204);
    },
    false,
  );
  route(
    'POST',
    '/webhooks/:appId/:token',
    ({ params, body }) => {
      const record = recordByToken(params.token as string);
      if (!record.callbacks.length) throw new FakeApiError(404, E.UnknownWebhook, 'Unknown Webhook');
      const data = body as MessageBody;
      const message = replyAs(record, data, data.flags ?? 0);
      record.followupIds.push(message.id);
      record.answers += 1;
      world.touch('interaction.followup');
      return json(200, message);
    },
    false,
  );

  return routes;
}

export function readAuditReason(headers: IncomingHttpHeaders): string | null {
  const raw = headers['x-audit-log-reason'];
  if (typeof raw !== 'string') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
