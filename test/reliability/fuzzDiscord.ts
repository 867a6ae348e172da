import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType as O,
  ApplicationCommandType,
  ComponentType,
  GatewayDispatchEvents,
  InteractionContextType,
  InteractionType,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type APIGuildMember,
  type APIInteraction,
  type APIInteractionDataResolved,
} from 'discord-api-types/v10';
import type { FakeDiscord, InteractionRecord } from '../fakes/discord.js';
import { channelPermissions } from '../../src/playground/discord/state.js';
import { fuzzText, fuzzToken, type Random } from './fuzzText.js';

// Interactions as Discord's gateway delivers them, with what a person controls fuzzed: the
// command (a stale or unknown one), its options (wrong types, missing, extra, huge,
// unicode), the locale, the custom id of a button.
// The envelope itself (ids, member, permissions) stays as Discord writes it.

const optionTypes = [O.String, O.Integer, O.Boolean, O.User, O.Channel, O.Role, O.Mentionable, O.Number, O.Attachment, O.Subcommand, O.SubcommandGroup];

function optionValue(random: Random, type: O, fake: FakeDiscord): string | number | boolean {
  const c = fake.community;
  switch (type) {
    case O.Integer:
      return random.pick([0, -1, 1, 5, 100, 2 ** 31, Number.MAX_SAFE_INTEGER, random.int(1000)]);
    case O.Number:
      return random.pick([0.5, -3.25, 1e21, random.next() * 100]);
    case O.Boolean:
      return random.chance(0.5);
    case O.User:
    case O.Mentionable:
      return random.pick(Object.values(c.users));
    case O.Channel:
      return random.pick(Object.values(c.channels));
    case O.Role:
      return random.pick(Object.values(c.roles));
    default:
      return fuzzText(random);
  }
}

/**
 * What Discord puts in `data.resolved` for an entity option: it always sends the user,
 * member, channel, role or attachment an option names (discord.js reads them from there,
 * and throws outside any handler when they are missing).
 */
function resolve(fake: FakeDiscord, type: O, value: string | number | boolean, resolved: APIInteractionDataResolved): void {
  const id = String(value);
  const { world, community: c } = fake;
  const user = world.users.get(id);
  const member = world.guilds.get(c.guildId)?.members.get(id);
  if ((type === O.User || type === O.Mentionable) && user) {
    resolved.users = { ...resolved.users, [id]: user };
    if (member) {
      const { user: _user, deaf: _deaf, mute: _mute, ...partial } = structuredClone(member);
      resolved.members = { ...resolved.members, [id]: { ...partial, permissions: '0' } };
    }
    return;
  }
  if (type === O.Channel || (type === O.Mentionable && !user)) {
    const channel = world.channels.get(id);
    if (channel && 'name' in channel) resolved.channels = { ...resolved.channels, [id]: { id, name: channel.name ?? '', type: channel.type, permissions: '0' } as never };
    return;
  }
  if (type === O.Role) {
    const role = world.guilds.get(c.guildId)?.roles.find((r) => r.id === id);
    if (role) resolved.roles = { ...resolved.roles, [id]: role };
    return;
  }
  if (type === O.Attachment) {
    resolved.attachments = { ...resolved.attachments, [id]: { id, filename: 'f.png', size: 1, url: 'https://cdn.example/f.png', proxy_url: 'https://cdn.example/f.png' } };
  }
}

/** Entity options name what exists (Discord offers nothing else to pick); anything else is free. */
function entityValue(random: Random, type: O, fake: FakeDiscord): string | number | boolean {
  if (type === O.Attachment) return fake.world.nextId();
  return optionValue(random, type, fake);
}

const originalMembers = new WeakMap<FakeDiscord, Map<string, APIGuildMember>>();

/** The fuzz really moderates (a moderator's fuzzed /kick works): whoever it removed rejoins before acting again. */
function rejoin(fake: FakeDiscord, userId: string): APIGuildMember {
  const guild = fake.world.guilds.get(fake.community.guildId)!;
  let originals = originalMembers.get(fake);
  if (!originals) {
    originals = new Map([...guild.members].map(([id, m]) => [id, structuredClone(m)]));
    originalMembers.set(fake, originals);
  }
  const original = originals.get(userId);
  if (!original) throw new Error(`${userId} was never a member`);
  guild.bans.delete(userId);
  if (!guild.members.has(userId)) guild.members.set(userId, structuredClone(original));
  return guild.members.get(userId)!;
}

type BuiltOption = { name: string; type: O; value?: string | number | boolean; options?: BuiltOption[] };

function fuzzOptions(random: Random, definitions: readonly APIApplicationCommandOption[], fake: FakeDiscord, resolved: APIInteractionDataResolved, depth = 0): BuiltOption[] {
  const options: BuiltOption[] = [];
  for (const definition of definitions) {
    if (random.chance(0.2)) continue;
    const type = random.chance(0.75) ? definition.type : random.pick(optionTypes);
    if ((type === O.Subcommand || type === O.SubcommandGroup) && depth < 2) {
      const nested = 'options' in definition && definition.options ? (definition.options as APIApplicationCommandOption[]) : [];
      options.push({ name: definition.name, type, options: fuzzOptions(random, nested, fake, resolved, depth + 1) });
      if (random.chance(0.8)) break;
      continue;
    }
    // A value always fits the type it is sent with (Discord checks that); the type may not
    // be the one Tandem registered (a command changed since the client loaded it).
    const value = entityValue(random, type, fake);
    options.push({ name: definition.name, type, value });
    resolve(fake, type, value, resolved);
  }
  if (random.chance(0.1)) options.push({ name: fuzzToken(random) || 'extra', type: O.String, value: fuzzText(random) });
  return options;
}

/** Registers the interaction with the stand-in (so its answers are recorded) and delivers it. */
export function dispatchFuzzedInteraction(random: Random, fake: FakeDiscord): InteractionRecord {
  const { world, community: c } = fake;
  const registered: APIApplicationCommand[] = [...(world.commands.byGuild.get(c.guildId) ?? []), ...world.commands.global];
  const channelId = random.pick([c.channels.general, c.channels.announcements, c.channels.reports]);
  const userId = random.pick([c.users.member, c.users.member2, c.users.moderator, c.users.admin, c.users.vip, c.users.owner]);
  const member = rejoin(fake, userId);
  const kind = random.int(10);
  const resolved: APIInteractionDataResolved = {};
  let typeAndData: Record<string, unknown>;
  if (kind < 7) {
    const command = random.chance(0.95) ? random.pick(registered.filter((r) => r.type === ApplicationCommandType.ChatInput)) : null;
    const options = fuzzOptions(random, command?.options ?? [], fake, resolved);
    typeAndData = {
      type: InteractionType.ApplicationCommand,
      data: { id: command?.id ?? world.nextId(), name: command?.name ?? fuzzToken(random), type: ApplicationCommandType.ChatInput, guild_id: c.guildId, options, ...(Object.keys(resolved).length ? { resolved } : {}) },
    };
  } else if (kind < 8) {
    const command = random.pick(registered.filter((r) => r.type === ApplicationCommandType.Message));
    const targetId = world.nextId();
    typeAndData = {
      type: InteractionType.ApplicationCommand,
      data: {
        id: command.id,
        name: command.name,
        type: ApplicationCommandType.Message,
        guild_id: c.guildId,
        target_id: targetId,
        // Discord always resolves the target message of a message command.
        resolved: { messages: { [targetId]: { id: targetId, channel_id: channelId, author: world.users.get(random.pick([c.users.member2, c.users.vip, c.users.moderator])), content: fuzzText(random), timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], pinned: false, type: 0, flags: 0, components: [] } } },
      },
    };
  } else {
    const customId = random.pick([`report:${random.pick(['delete', 'warn', 'timeout', 'dismiss', 'ban'])}:${random.int(50)}`, `report:delete:${fuzzToken(random)}`, fuzzToken(random), `${fuzzText(random).slice(0, 100)}`]);
    typeAndData = {
      type: InteractionType.MessageComponent,
      data: { custom_id: customId, component_type: ComponentType.Button },
      message: { id: world.nextId(), channel_id: channelId, author: world.botUser, content: '', timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], pinned: false, type: 0, flags: 0, components: [] },
    };
  }
  const payload = {
    id: world.nextId(),
    application_id: world.applicationId,
    token: `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`,
    version: 1,
    guild_id: c.guildId,
    guild: { id: c.guildId, locale: 'en-US', features: [] },
    channel_id: channelId,
    channel: { id: channelId, type: 0, name: 'somewhere', guild_id: c.guildId },
    member: { ...structuredClone(member), permissions: channelPermissions(world, channelId, userId).toString() },
    app_permissions: channelPermissions(world, channelId, world.botUser.id).toString(),
    locale: random.pick(['en-US', 'es-ES', 'it', 'fr', 'ja', 'pt-BR']),
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': c.guildId },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10_485_760,
    ...typeAndData,
  } as unknown as APIInteraction;
  const record: InteractionRecord = { id: payload.id, token: payload.token, payload, callbacks: [], originalMessageId: null, followupIds: [], answers: 0, ephemeral: new Map() };
  world.interactions.set(payload.id, record);
  world.dispatch(GatewayDispatchEvents.InteractionCreate, payload, c.guildId);
  return record;
}
