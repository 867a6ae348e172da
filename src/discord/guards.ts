import { PermissionFlagsBits, type Guild, type GuildMember, type PermissionsBitField } from 'discord.js';
import { UserError } from '../core/errors.js';

/** "BanMembers" → "Ban Members", as Discord's own settings name it. */
export function permissionName(permission: bigint): string {
  const entry = Object.entries(PermissionFlagsBits).find(([, bit]) => bit === permission);
  return entry ? entry[0].replace(/([a-z])([A-Z])/g, '$1 $2') : permission.toString();
}

/** The invoking member's permissions in this channel, as Discord computed them for the interaction. */
export function requireMemberPermission(permissions: Readonly<PermissionsBitField> | null, permission: bigint | null): void {
  if (permission === null) return;
  if (!permissions?.has(permission)) throw new UserError('discord.refuse.missingPermission', { permission: permissionName(permission) });
}

/** Tandem's own permissions here: refusing early beats a half-done action. */
export function requireBotPermission(permissions: Readonly<PermissionsBitField> | null, ...required: bigint[]): void {
  for (const permission of required) {
    if (!permissions?.has(permission)) throw new UserError('discord.refuse.botMissingPermission', { permission: permissionName(permission) });
  }
}

export type Subject = { id: string; tag: string; member: GuildMember | null };

/** The bot may only act on members whose highest role is below its own, and never on the owner. */
export function checkBotCanAct(guild: Guild, target: Subject): void {
  if (target.id === guild.client.user.id) throw new UserError('discord.refuse.bot');
  if (target.id === guild.ownerId) throw new UserError('discord.refuse.owner', { target: target.tag });
  const me = guild.members.me;
  if (target.member && (!me || target.member.roles.highest.comparePositionTo(me.roles.highest) >= 0)) {
    throw new UserError('discord.refuse.higherThanBot', { target: target.tag, role: target.member.roles.highest.name });
  }
}

/**
 * Discord's role hierarchy, checked before any API call: no action on oneself, the bot,
 * the owner, or anyone whose highest role is not below both the moderator's and the bot's.
 */
export function checkModeratorCanAct(guild: Guild, moderator: GuildMember, target: Subject): void {
  if (target.id === guild.client.user.id) throw new UserError('discord.refuse.bot');
  if (target.id === moderator.id) throw new UserError('discord.refuse.self');
  if (target.id === guild.ownerId) throw new UserError('discord.refuse.owner', { target: target.tag });
  if (target.member && moderator.id !== guild.ownerId && target.member.roles.highest.comparePositionTo(moderator.roles.highest) >= 0) {
    throw new UserError('discord.refuse.higherThanModerator', { target: target.tag, role: target.member.roles.highest.name });
  }
}

/** Moderators and admins: exempt from automod, allowed to use report buttons. */
export function isModerator(member: GuildMember): boolean {
  if (member.id === member.guild.ownerId) return true;
  return member.permissions.any([PermissionFlagsBits.Administrator, PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageMessages, PermissionFlagsBits.ModerateMembers]);
}
