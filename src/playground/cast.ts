import type { Role } from '../core/permissions.js';
import { community } from './discord/seed.js';

/**
 * The people and places of the playground: one Slack workspace with the team's three
 * roles and four channels, and the brand's Discord community. Fixed ids, so a restart
 * (or a test) finds the same people, and the database keeps recognising them.
 */

export type PlaygroundSlackPerson = { key: SlackPersonKey; id: string; name: string; realName: string; title: string; role: Role };
export type SlackPersonKey = 'admin' | 'strategist' | 'communityManager';

export const slackTeam = { id: 'T0PLAYGRND', domain: 'tandem-playground', name: 'Tandem Playground' } as const;

export const slackPeople: Record<SlackPersonKey, PlaygroundSlackPerson> = {
  admin: { key: 'admin', id: 'U0PGADMIN1', name: 'alex', realName: 'Alex Rivera', title: 'Admin', role: 'admin' },
  strategist: { key: 'strategist', id: 'U0PGSTRAT1', name: 'sara', realName: 'Sara Lindqvist', title: 'Strategist', role: 'strategist' },
  communityManager: { key: 'communityManager', id: 'U0PGCOMMU1', name: 'carlos', realName: 'Carlos Mendes', title: 'Community manager', role: 'community_manager' },
};

export const slackChannels = {
  social: { id: 'C0PGSOCIAL', name: 'social', topic: 'Day-to-day: plans, logs, metrics' },
  approvals: { id: 'C0PGAPPROV', name: 'approvals', topic: 'Posts waiting for a strategist' },
  crisis: { id: 'C0PGCRISIS', name: 'crisis', topic: 'Escalations land here' },
  digest: { id: 'C0PGDIGEST', name: 'digest', topic: 'The morning digest' },
} as const;

export type SlackChannelKey = keyof typeof slackChannels;

export const brandName = 'Acme Coffee';

/** The Discord members someone can play in the browser, from the stand-in's community. */
export const discordPeople = [
  { key: 'member', id: community.users.member, title: 'Member' },
  { key: 'moderator', id: community.users.moderator, title: 'Moderator' },
  { key: 'admin', id: community.users.admin, title: 'Server admin' },
] as const;

export const discordCommunity = community;
export const discordGuildName = `${brandName} Community`;
