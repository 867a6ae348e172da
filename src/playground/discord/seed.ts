import {
  ChannelType,
  GuildMemberFlags,
  OverwriteType,
  PermissionFlagsBits as P,
  RoleFlags,
  type APIGuildMember,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type ChannelFlags,
  type UserFlags,
} from 'discord-api-types/v10';
import type { DiscordWorld, FakeGuild } from './state.js';

export function makeUser(id: string, username: string, options: { bot?: boolean; globalName?: string } = {}): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: options.globalName ?? username,
    avatar: null,
    ...(options.bot ? { bot: true } : {}),
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
  };
}

function makeRole(id: string, name: string, position: number, permissions: bigint, extra: Partial<APIRole> = {}): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...extra,
  };
}

function makeMember(user: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return { user, nick: null, avatar: null, banner: null, roles, joined_at: joinedAt, premium_since: null, deaf: false, mute: false, flags: 0 as GuildMemberFlags, pending: false, communication_disabled_until: null };
}

function makeTextChannel(id: string, guildId: string, name: string, position: number, overwrites: APITextChannel['permission_overwrites'] = []): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: overwrites,
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    last_pin_timestamp: null,
    flags: 0 as ChannelFlags,
  };
}

const memberBase = P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.AddReactions | P.UseApplicationCommands | P.EmbedLinks | P.AttachFiles | P.CreateInstantInvite | P.ChangeNickname | P.Connect | P.Speak;
const moderatorPermissions = P.KickMembers | P.BanMembers | P.ManageMessages | P.ModerateMembers | P.ManageChannels | P.ViewAuditLog | P.ManageNicknames | P.MuteMembers;
const botPermissions = moderatorPermissions | P.ManageRoles | P.SendMessages | P.EmbedLinks | P.ReadMessageHistory | P.ViewChannel;

/** Fixed ids, so tests and the playground can name everyone. */
export const community = {
  guildId: '1200000000000000001',
  channels: { general: '1200000000000000101', modLog: '1200000000000000102', reports: '1200000000000000103', announcements: '1200000000000000104' },
  roles: { member: '1200000000000000201', moderator: '1200000000000000202', bot: '1200000000000000203', admin: '1200000000000000204', vip: '1200000000000000205' },
  users: {
    owner: '1200000000000000301',
    admin: '1200000000000000302',
    moderator: '1200000000000000303',
    moderator2: '1200000000000000304',
    member: '1200000000000000305',
    member2: '1200000000000000306',
    /** A member whose role sits above the bot's: only the owner outranks them, and the bot cannot act on them. */
    vip: '1200000000000000307',
    /** Someone who is not in the server (for /ban and /unban by id). */
    stranger: '1200000000000000308',
  },
} as const;

export type Community = typeof community;

/**
 * A small brand community: owner, admin, two moderators, two members, a VIP above the bot,
 * and channels #general, #mod-log, #reports (moderators only) and #announcements.
 */
export function seedCommunity(world: DiscordWorld, name = 'Acme Community'): Community {
  const c = community;
  const joinedAt = '2025-01-15T10:00:00.000Z';
  const users = {
    owner: makeUser(c.users.owner, 'olivia_owner', { globalName: 'Olivia' }),
    admin: makeUser(c.users.admin, 'adam_admin', { globalName: 'Adam' }),
    moderator: makeUser(c.users.moderator, 'maria_mod', { globalName: 'María' }),
    moderator2: makeUser(c.users.moderator2, 'marco_mod', { globalName: 'Marco' }),
    member: makeUser(c.users.member, 'sam_member', { globalName: 'Sam' }),
    member2: makeUser(c.users.member2, 'lea_member', { globalName: 'Léa' }),
    vip: makeUser(c.users.vip, 'victor_vip', { globalName: 'Victor' }),
    stranger: makeUser(c.users.stranger, 'sol_stranger', { globalName: 'Sol' }),
  };
  for (const user of Object.values(users)) world.users.set(user.id, user);
  const roles: APIRole[] = [
    makeRole(c.guildId, '@everyone', 0, memberBase),
    makeRole(c.roles.member, 'Member', 1, 0n),
    makeRole(c.roles.moderator, 'Moderator', 2, moderatorPermissions, { hoist: true, color: 0x2e86de }),
    makeRole(c.roles.bot, 'Tandem', 3, botPermissions, { managed: true, tags: { bot_id: world.botUser.id } }),
    makeRole(c.roles.vip, 'VIP', 4, 0n, { color: 0xf1c40f }),
    makeRole(c.roles.admin, 'Admin', 5, P.Administrator, { hoist: true, color: 0xe74c3c }),
  ];
  const guild: FakeGuild = { id: c.guildId, name, ownerId: c.users.owner, preferredLocale: 'en-US', roles, members: new Map(), bans: new Map() };
  const members: [APIUser, string[]][] = [
    [users.owner, []],
    [users.admin, [c.roles.admin]],
    [users.moderator, [c.roles.moderator, c.roles.member]],
    [users.moderator2, [c.roles.moderator, c.roles.member]],
    [users.member, [c.roles.member]],
    [users.member2, [c.roles.member]],
    [users.vip, [c.roles.vip, c.roles.member]],
    [world.botUser, [c.roles.bot]],
  ];
  for (const [user, roleIds] of members) guild.members.set(user.id, makeMember(user, roleIds, joinedAt));
  world.guilds.set(guild.id, guild);
  const staffOnly = [
    { id: c.guildId, type: OverwriteType.Role, allow: '0', deny: P.ViewChannel.toString() },
    { id: c.roles.moderator, type: OverwriteType.Role, allow: P.ViewChannel.toString(), deny: '0' },
    { id: c.roles.bot, type: OverwriteType.Role, allow: P.ViewChannel.toString(), deny: '0' },
  ];
  world.channels.set(c.channels.general, makeTextChannel(c.channels.general, c.guildId, 'general', 0));
  world.channels.set(c.channels.announcements, makeTextChannel(c.channels.announcements, c.guildId, 'announcements', 1));
  world.channels.set(c.channels.modLog, makeTextChannel(c.channels.modLog, c.guildId, 'mod-log', 2, staffOnly));
  world.channels.set(c.channels.reports, makeTextChannel(c.channels.reports, c.guildId, 'reports', 3, staffOnly));
  return c;
}
