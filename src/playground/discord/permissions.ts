import { OverwriteType, PermissionFlagsBits, type APIOverwrite, type APIRole } from 'discord-api-types/v10';

export const allPermissions = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

export type PermissionSubject = { userId: string; roleIds: readonly string[] };
export type PermissionGuild = { id: string; ownerId: string; roles: readonly APIRole[] };

/** Guild-level permissions as Discord computes them: @everyone, plus each role; owner and Administrator get all. */
export function computeBasePermissions(guild: PermissionGuild, subject: PermissionSubject): bigint {
  if (subject.userId === guild.ownerId) return allPermissions;
  let permissions = BigInt(guild.roles.find((role) => role.id === guild.id)?.permissions ?? '0');
  for (const role of guild.roles) if (subject.roleIds.includes(role.id)) permissions |= BigInt(role.permissions);
  return permissions & PermissionFlagsBits.Administrator ? allPermissions : permissions;
}

/** Channel permissions: base, then @everyone's overwrite, the roles' overwrites, the member's overwrite. */
export function computeChannelPermissions(guild: PermissionGuild, subject: PermissionSubject, overwrites: readonly APIOverwrite[]): bigint {
  const base = computeBasePermissions(guild, subject);
  if (base === allPermissions) return base;
  let permissions = base;
  const everyone = overwrites.find((o) => o.id === guild.id);
  if (everyone) permissions = (permissions & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of overwrites) {
    if (overwrite.type === OverwriteType.Role && overwrite.id !== guild.id && subject.roleIds.includes(overwrite.id)) {
      allow |= BigInt(overwrite.allow);
      deny |= BigInt(overwrite.deny);
    }
  }
  permissions = (permissions & ~deny) | allow;
  const own = overwrites.find((o) => o.type === OverwriteType.Member && o.id === subject.userId);
  if (own) permissions = (permissions & ~BigInt(own.deny)) | BigInt(own.allow);
  return permissions;
}

/** The position of a member's highest role (0 for @everyone only). */
export function highestRolePosition(guild: PermissionGuild, roleIds: readonly string[]): number {
  let highest = 0;
  for (const role of guild.roles) if (roleIds.includes(role.id) && role.position > highest) highest = role.position;
  return highest;
}
