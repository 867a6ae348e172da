import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType as O,
  ApplicationCommandType,
  ComponentType,
  GatewayDispatchEvents,
  InteractionContextType,
  InteractionType,
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIInteraction,
  type APIInteractionDataResolved,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandGuildInteraction,
  type APIMessageComponentButtonInteraction,
  type Locale,
} from 'discord-api-types/v10';
import { channelPermissions, findGuildOfChannel, findMessage, type DiscordWorld, type FakeGuild, type InteractionRecord } from './state.js';

export type OptionValue = string | number | boolean;

export type CommandInvocation = {
  channelId: string;
  userId: string;
  /** The command's default name, as Discord sends it whatever the user's language. */
  name: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
  locale?: `${Locale}`;
};

export type MessageCommandInvocation = { channelId: string; userId: string; name: string; messageId: string; locale?: `${Locale}` };
export type ButtonClick = { channelId: string; userId: string; messageId: string; customId: string; locale?: `${Locale}` };

function guildOfChannel(world: DiscordWorld, channelId: string): FakeGuild {
  const guild = findGuildOfChannel(world, channelId);
  if (!guild) throw new Error(`channel ${channelId} is not a guild text channel of the stand-in`);
  return guild;
}

function interactionMember(world: DiscordWorld, guild: FakeGuild, userId: string, channelId: string): APIInteractionGuildMember {
  const member = guild.members.get(userId);
  if (!member) throw new Error(`user ${userId} is not a member of ${guild.name}`);
  return { ...structuredClone(member), permissions: channelPermissions(world, channelId, userId).toString() };
}

/** What Discord puts in every guild interaction besides its data. */
function basePayload(world: DiscordWorld, guild: FakeGuild, channelId: string, userId: string, locale: `${Locale}` | undefined) {
  const channel = world.channels.get(channelId);
  return {
    id: world.nextId(),
    application_id: world.applicationId,
    token: `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`,
    version: 1 as const,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale as Locale, features: [] },
    channel_id: channelId,
    channel: { id: channelId, type: channel?.type ?? 0, ...(channel && 'name' in channel ? { name: channel.name, guild_id: guild.id } : {}) },
    member: interactionMember(world, guild, userId, channelId),
    app_permissions: channelPermissions(world, channelId, world.botUser.id).toString(),
    locale: (locale ?? 'en-US') as Locale,
    guild_locale: guild.preferredLocale as Locale,
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10_485_760,
  };
}

function findCommand(world: DiscordWorld, guildId: string, name: string, type: ApplicationCommandType): APIApplicationCommand {
  const command = [...(world.commands.byGuild.get(guildId) ?? []), ...world.commands.global].find((c) => c.name === name && c.type === type);
  if (!command) throw new Error(`command "${name}" is not registered with the stand-in (register commands first)`);
  return command;
}

/**
 * Turns `{ user: '123', reason: 'spam' }` into typed options the way the Discord client
 * does from the registered definition, with `resolved` data for users, channels and roles
 * (discord.js reads members and users from there, not from the cache).
 */
function buildOptions(world: DiscordWorld, guild: FakeGuild, channelId: string, definitions: readonly APIApplicationCommandOption[], values: Record<string, OptionValue>, resolved: APIInteractionDataResolved): APIApplicationCommandInteractionDataOption[] {
  for (const definition of definitions) {
    if ('required' in definition && definition.required && !(definition.name in values)) throw new Error(`option "${definition.name}" is required`);
  }
  return Object.entries(values).map(([name, value]) => {
    const definition = definitions.find((d) => d.name === name);
    if (!definition) throw new Error(`option "${name}" does not exist (options: ${definitions.map((d) => d.name).join(', ')})`);
    if ('choices' in definition && definition.choices?.length && !definition.choices.some((choice) => choice.value === value)) {
      throw new Error(`option "${name}" must be one of ${definition.choices.map((c) => c.value).join(', ')}`);
    }
    switch (definition.type) {
      case O.User: {
        const id = String(value);
        const user = world.users.get(id);
        if (!user) throw new Error(`unknown user ${id}`);
        resolved.users = { ...resolved.users, [id]: user };
        const member = guild.members.get(id);
        if (member) {
          const { user: _user, deaf: _deaf, mute: _mute, ...partial } = structuredClone(member);
          resolved.members = { ...resolved.members, [id]: { ...partial, permissions: channelPermissions(world, channelId, id).toString() } };
        }
        return { name, type: O.User, value: id };
      }
      case O.Channel: {
        const id = String(value);
        const channel = world.channels.get(id);
        if (!channel || !('name' in channel)) throw new Error(`unknown channel ${id}`);
        resolved.channels = { ...resolved.channels, [id]: { id, name: channel.name ?? '', type: channel.type, permissions: channelPermissions(world, id, world.botUser.id).toString() } as never };
        return { name, type: O.Channel, value: id };
      }
      case O.Role: {
        const id = String(value);
        const role = guild.roles.find((r) => r.id === id);
        if (!role) throw new Error(`unknown role ${id}`);
        resolved.roles = { ...resolved.roles, [id]: role };
        return { name, type: O.Role, value: id };
      }
      case O.Integer:
      case O.Number: {
        const number = Number(value);
        if ('min_value' in definition && definition.min_value !== undefined && number < definition.min_value) throw new Error(`option "${name}" must be ≥ ${definition.min_value}`);
        if ('max_value' in definition && definition.max_value !== undefined && number > definition.max_value) throw new Error(`option "${name}" must be ≤ ${definition.max_value}`);
        return { name, type: definition.type, value: number };
      }
      case O.Boolean:
        return { name, type: O.Boolean, value: Boolean(value) };
      case O.String:
        return { name, type: O.String, value: String(value) };
      default:
        throw new Error(`option type ${definition.type} is not supported by the stand-in`);
    }
  }) as APIApplicationCommandInteractionDataOption[];
}

function register(world: DiscordWorld, payload: APIInteraction): InteractionRecord {
  const record: InteractionRecord = { id: payload.id, token: payload.token, payload, callbacks: [], originalMessageId: null, followupIds: [], answers: 0, ephemeral: new Map() };
  world.interactions.set(payload.id, record);
  world.dispatch(GatewayDispatchEvents.InteractionCreate, payload, payload.guild_id ?? null);
  return record;
}

/** A member runs a slash command: INTERACTION_CREATE as Discord sends it. */
export function dispatchChatInputCommand(world: DiscordWorld, input: CommandInvocation): InteractionRecord {
  const guild = guildOfChannel(world, input.channelId);
  const command = findCommand(world, guild.id, input.name, ApplicationCommandType.ChatInput);
  const resolved: APIInteractionDataResolved = {};
  let options: APIApplicationCommandInteractionDataOption[];
  if (input.subcommand) {
    const sub = command.options?.find((o) => o.name === input.subcommand && o.type === O.Subcommand);
    if (!sub || sub.type !== O.Subcommand) throw new Error(`subcommand "${input.subcommand}" does not exist on /${command.name}`);
    options = [{ name: sub.name, type: O.Subcommand, options: buildOptions(world, guild, input.channelId, sub.options ?? [], input.options ?? {}, resolved) } as APIApplicationCommandInteractionDataOption];
  } else {
    options = buildOptions(world, guild, input.channelId, command.options ?? [], input.options ?? {}, resolved);
  }
  const payload: APIChatInputApplicationCommandGuildInteraction = {
    ...basePayload(world, guild, input.channelId, input.userId, input.locale),
    type: InteractionType.ApplicationCommand,
    data: {
      id: command.id,
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      guild_id: guild.id,
      options,
      ...(Object.keys(resolved).length ? { resolved } : {}),
    },
  } as APIChatInputApplicationCommandGuildInteraction;
  return register(world, payload);
}

/** A member picks a message's Apps menu entry. */
export function dispatchMessageCommand(world: DiscordWorld, input: MessageCommandInvocation): InteractionRecord {
  const guild = guildOfChannel(world, input.channelId);
  const command = findCommand(world, guild.id, input.name, ApplicationCommandType.Message);
  const message = findMessage(world, input.channelId, input.messageId);
  if (!message) throw new Error(`message ${input.messageId} is not in channel ${input.channelId}`);
  const payload: APIMessageApplicationCommandGuildInteraction = {
    ...basePayload(world, guild, input.channelId, input.userId, input.locale),
    type: InteractionType.ApplicationCommand,
    data: { id: command.id, name: command.name, type: ApplicationCommandType.Message, guild_id: guild.id, target_id: message.id, resolved: { messages: { [message.id]: structuredClone(message) } } },
  } as APIMessageApplicationCommandGuildInteraction;
  return register(world, payload);
}

function findButton(message: APIMessage, customId: string): { disabled?: boolean } | null {
  for (const row of message.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components) {
      if (component.type === ComponentType.Button && 'custom_id' in component && component.custom_id === customId) return component;
    }
  }
  return null;
}

/** A member clicks a button on a message; disabled or missing buttons cannot be clicked. */
export function dispatchButtonClick(world: DiscordWorld, input: ButtonClick): InteractionRecord {
  const guild = guildOfChannel(world, input.channelId);
  const message = findMessage(world, input.channelId, input.messageId);
  if (!message) throw new Error(`message ${input.messageId} is not in channel ${input.channelId}`);
  const button = findButton(message, input.customId);
  if (!button) throw new Error(`message ${input.messageId} has no button "${input.customId}"`);
  if (button.disabled) throw new Error(`button "${input.customId}" is disabled`);
  const payload: APIMessageComponentButtonInteraction = {
    ...basePayload(world, guild, input.channelId, input.userId, input.locale),
    type: InteractionType.MessageComponent,
    data: { custom_id: input.customId, component_type: ComponentType.Button },
    message: structuredClone(message),
  } as APIMessageComponentButtonInteraction;
  return register(world, payload);
}

export function buttonsOf(message: APIMessage): { customId: string; label: string; disabled: boolean }[] {
  const buttons: { customId: string; label: string; disabled: boolean }[] = [];
  for (const row of message.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components) {
      if (component.type === ComponentType.Button && 'custom_id' in component) buttons.push({ customId: component.custom_id, label: component.label ?? '', disabled: Boolean(component.disabled) });
    }
  }
  return buttons;
}
