import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'strategist', 'community_manager', 'viewer']);
export type Role = z.infer<typeof roleSchema>;

const roleRank: Record<Role, number> = { viewer: 0, community_manager: 1, strategist: 2, admin: 3 };

/**
 * The one table that decides who may do what. A role may do everything the roles below it
 * may: admin > strategist > community manager > viewer.
 */
export const permissionTable = {
  'brand.view': 'viewer',
  'brand.settings': 'admin',
  'brand.roles': 'admin',
  'brand.create': 'admin',
  'goal.manage': 'strategist',
  'campaign.manage': 'strategist',
  'post.plan': 'community_manager',
  'post.edit': 'community_manager',
  'post.approve': 'strategist',
  'interaction.log': 'community_manager',
  'interaction.respond': 'community_manager',
  'lead.update': 'community_manager',
  'metrics.record': 'community_manager',
  'escalation.raise': 'community_manager',
  'escalation.note': 'community_manager',
  'escalation.acknowledge': 'strategist',
  'escalation.resolve': 'strategist',
  'publishing.unfreeze': 'strategist',
  'moderation.act': 'community_manager',
  'automod.manage': 'strategist',
  'digest.send': 'strategist',
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof permissionTable;

export function requiredRole(permission: Permission): Role {
  return permissionTable[permission];
}

export function roleAllows(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return roleRank[role] >= roleRank[permissionTable[permission]];
}

export function compareRoles(a: Role, b: Role): number {
  return roleRank[a] - roleRank[b];
}
