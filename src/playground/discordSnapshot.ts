import {
  ApplicationCommandOptionType as O,
  ApplicationCommandType,
  ChannelType,
  InteractionResponseType,
  InteractionType,
  PermissionFlagsBits,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type APIEmbed,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APITextChannel,
  type APIUser,
} from 'discord-api-types/v10';
import { discordPeople } from './cast.js';
import type { FakeDiscord } from './discord/index.js';
import { channelPermissions, memberPermissions, type FakeGuild, type InteractionRecord } from './discord/state.js';

export type DiscordMessageView = {
  id: string;
  author: { id: string; name: string; isBot: boolean; colour: number };
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  timestamp: string;
  edited: boolean;
  ephemeral: boolean;
  /** "María used /warn": the command a reply answers. */
  usedCommand: { userName: string; name: string } | null;
  /** A placeholder: deferred and still thinking, or never answered. */
  state: 'message' | 'thinking' | 'no-answer';
};

export type CommandOptionView = {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'user' | 'channel' | 'role';
  required: boolean;
  choices: { name: string; value: string | number }[];
  min: number | null;
  max: number | null;
};

export type CommandView = {
  name: string;
  description: string;
  kind: 'slash' | 'message';
  options: CommandOptionView[];
  subcommands: { name: string; description: string; options: CommandOptionView[] }[];
};

export type DiscordSnapshot = {
  me: string;
  people: { key: string; id: string; title: string; name: string }[];
  guild: {
    id: string;
    name: string;
    roles: { id: string; name: string; colour: number; position: number; hoist: boolean }[];
    members: { id: string; name: string; username: string; roleIds: string[]; colour: number; isBot: boolean; isOwner: boolean; timedOutUntil: string | null }[];
    bans: { id: string; name: string; reason: string | null }[];
  };
  channels: { id: string; name: string; topic: string | null; staffOnly: boolean; locked: boolean; slowmode: number; messages: DiscordMessageView[] }[];
  /** The bot's direct messages to this person (warnings, timeouts). */
  directMessages: DiscordMessageView[];
  commands: CommandView[];
};

const optionTypes: Partial<Record<O, CommandOptionView['type']>> = {
  [O.String]: 'string',
  [O.Integer]: 'integer',
  [O.Number]: 'number',
  [O.Boolean]: 'boolean',
  [O.User]: 'user',
  [O.Channel]: 'channel',
  [O.Role]: 'role',
};

export function displayNameOf(user: APIUser, nick?: string | null): string {
  return nick ?? user.global_name ?? user.username;
}

function toOptionView(option: APIApplicationCommandOption): CommandOptionView | null {
  const type = optionTypes[option.type];
  if (!type) return null;
  const choices = 'choices' in option && option.choices ? option.choices.map((c) => ({ name: c.name, value: c.value })) : [];
  return {
    name: option.name,
    description: option.description,
    type,
    required: 'required' in option ? Boolean(option.required) : false,
    choices,
    min: 'min_value' in option && option.min_value !== undefined ? option.min_value : null,
    max: 'max_value' in option && option.max_value !== undefined ? option.max_value : null,
  };
}

function toCommandView(command: APIApplicationCommand): CommandView | null {
  if (command.type !== ApplicationCommandType.ChatInput && command.type !== ApplicationCommandType.Message) return null;
  const options = command.options ?? [];
  return {
    name: command.name,
    description: command.description,
    kind: command.type === ApplicationCommandType.Message ? 'message' : 'slash',
    options: options.map(toOptionView).filter((o): o is CommandOptionView => o !== null),
    subcommands: options
      .filter((o) => o.type === O.Subcommand)
      .map((sub) => ({ name: sub.name, description: sub.description, options: (('options' in sub ? sub.options : undefined) ?? []).map(toOptionView).filter((o): o is CommandOptionView => o !== null) })),
  };
}

/** As the Discord client does: a command needing permissions the member lacks is not offered. */
function visibleCommands(fake: FakeDiscord, guild: FakeGuild, userId: string): CommandView[] {
  const permissions = memberPermissions(guild, userId);
  const isAdmin = (permissions & PermissionFlagsBits.Administrator) !== 0n;
  return [...fake.world.commands.global, ...(fake.world.commands.byGuild.get(guild.id) ?? [])]
    .filter((command) => {
      const needed = command.default_member_permissions ? BigInt(command.default_member_permissions) : 0n;
      return isAdmin || (permissions & needed) === needed;
    })
    .map(toCommandView)
    .filter((c): c is CommandView => c !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function colourOfMember(guild: FakeGuild, userId: string): number {
  const member = guild.members.get(userId);
  const coloured = guild.roles.filter((role) => member?.roles.includes(role.id) && role.color !== 0).sort((a, b) => b.position - a.position);
  return coloured[0]?.color ?? 0;
}

function interactionName(record: InteractionRecord): string {
  const data = 'data' in record.payload ? record.payload.data : undefined;
  return data && 'name' in data ? data.name : '';
}

/** "María used /warn" belongs to commands; a button's answer has no such line in Discord. */
function usedCommandOf(record: InteractionRecord | undefined, guild: FakeGuild, fake: FakeDiscord): DiscordMessageView['usedCommand'] {
  if (!record || record.payload.type !== InteractionType.ApplicationCommand) return null;
  const invoker = fake.world.users.get(userOf(record));
  return invoker ? { userName: displayNameOf(invoker, guild.members.get(invoker.id)?.nick), name: interactionName(record) } : null;
}

function userOf(record: InteractionRecord): string {
  return record.payload.member?.user.id ?? record.payload.user?.id ?? '';
}

type Timeline = { guild: FakeGuild; fake: FakeDiscord; me: string; unanswered: ReadonlySet<string> };

function toMessageView(t: Timeline, message: APIMessage, ephemeral: boolean): DiscordMessageView {
  const member = t.guild.members.get(message.author.id);
  const record = message.interaction_metadata ? t.fake.world.interactions.get(message.interaction_metadata.id) : undefined;
  return {
    id: message.id,
    author: { id: message.author.id, name: displayNameOf(message.author, member?.nick), isBot: Boolean(message.author.bot), colour: colourOfMember(t.guild, message.author.id) },
    content: message.content,
    embeds: message.embeds,
    components: message.components ?? [],
    timestamp: message.timestamp,
    edited: Boolean(message.edited_timestamp),
    ephemeral,
    usedCommand: usedCommandOf(record, t.guild, t.fake),
    state: 'message',
  };
}

/** What one channel shows this person: its messages, their own ephemeral replies, and replies still pending. */
function channelTimeline(t: Timeline, channelId: string): DiscordMessageView[] {
  const views = (t.fake.world.messages.get(channelId) ?? []).map((m) => toMessageView(t, m, false));
  const bot = t.fake.world.botUser;
  for (const record of t.fake.world.interactions.values()) {
    if (record.payload.channel?.id !== channelId || userOf(record) !== t.me) continue;
    for (const message of record.ephemeral.values()) views.push(toMessageView(t, message, true));
    const deferred = record.callbacks[0]?.type === InteractionResponseType.DeferredChannelMessageWithSource && record.answers === 0;
    const silent = t.unanswered.has(record.id) && record.callbacks.length === 0;
    if (!deferred && !silent) continue;
    const flags = record.callbacks[0]?.data?.flags ?? 0;
    views.push({
      id: record.id,
      author: { id: bot.id, name: displayNameOf(bot), isBot: true, colour: colourOfMember(t.guild, bot.id) },
      content: '',
      embeds: [],
      components: [],
      timestamp: new Date().toISOString(),
      edited: false,
      ephemeral: silent || (flags & 64) !== 0,
      usedCommand: usedCommandOf(record, t.guild, t.fake),
      state: silent ? 'no-answer' : 'thinking',
    });
  }
  return views.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

export function buildDiscordSnapshot(fake: FakeDiscord, me: string, unanswered: ReadonlySet<string>): DiscordSnapshot {
  const guild = fake.world.guilds.get(fake.community.guildId);
  if (!guild) throw new Error('the playground guild is missing from the Discord stand-in');
  const t: Timeline = { guild, fake, me, unanswered };
  const view = PermissionFlagsBits.ViewChannel;
  const everyoneView = (channelId: string) => {
    const channel = fake.world.channels.get(channelId);
    const denied = channel && 'permission_overwrites' in channel ? (channel.permission_overwrites ?? []).find((o) => o.id === guild.id) : undefined;
    return !denied || (BigInt(denied.deny) & view) === 0n;
  };
  const canSend = (channelId: string) => {
    const channel = fake.world.channels.get(channelId);
    const denied = channel && 'permission_overwrites' in channel ? (channel.permission_overwrites ?? []).find((o) => o.id === guild.id) : undefined;
    return !denied || (BigInt(denied.deny) & PermissionFlagsBits.SendMessages) === 0n;
  };
  const channels = [...fake.world.channels.values()]
    .filter((c): c is APITextChannel => c.type === ChannelType.GuildText && c.guild_id === guild.id && (channelPermissions(fake.world, c.id, me) & view) !== 0n)
    .sort((a, b) => a.position - b.position)
    .map((c) => ({
      id: c.id,
      name: c.name,
      topic: c.topic ?? null,
      staffOnly: !everyoneView(c.id),
      locked: !canSend(c.id),
      slowmode: c.rate_limit_per_user ?? 0,
      messages: channelTimeline(t, c.id),
    }));
  const dm = [...fake.world.channels.values()].find((c) => c.type === ChannelType.DM && c.recipients?.[0]?.id === me);
  const memberName = (id: string) => {
    const user = fake.world.users.get(id);
    return user ? displayNameOf(user, guild.members.get(id)?.nick) : id;
  };
  return {
    me,
    people: discordPeople.map((p) => ({ key: p.key, id: p.id, title: p.title, name: memberName(p.id) })),
    guild: {
      id: guild.id,
      name: guild.name,
      roles: guild.roles.filter((r) => r.id !== guild.id).map((r) => ({ id: r.id, name: r.name, colour: r.color, position: r.position, hoist: r.hoist })),
      members: [...guild.members.values()].map((m) => ({
        id: m.user.id,
        name: displayNameOf(m.user, m.nick),
        username: m.user.username,
        roleIds: m.roles,
        colour: colourOfMember(guild, m.user.id),
        isBot: Boolean(m.user.bot),
        isOwner: m.user.id === guild.ownerId,
        timedOutUntil: m.communication_disabled_until && new Date(m.communication_disabled_until) > fake.world.now() ? m.communication_disabled_until : null,
      })),
      bans: [...guild.bans.values()].map((b) => ({ id: b.user.id, name: displayNameOf(b.user), reason: b.reason })),
    },
    channels,
    directMessages: dm ? (fake.world.messages.get(dm.id) ?? []).map((m) => toMessageView(t, m, false)) : [],
    commands: visibleCommands(fake, guild, me),
  };
}
