import type { Network } from '../../core/networkRules.js';
import type { PersonLabel } from '../../core/postViews.js';
import type { Role } from '../../core/permissions.js';
import type { PostStatus } from '../../generated/prisma/enums.js';
import type { Translate } from '../turns.js';
import { escapeText, mentionUser } from './format.js';

/** Networks are names: the same in every language, except "other". */
const networkNames: Record<Network, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  x: 'X',
  tiktok: 'TikTok',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  threads: 'Threads',
  discord: 'Discord',
  other: '',
};

export function networkLabel(network: Network, t: Translate): string {
  return networkNames[network] || t('slack.network.other');
}

const statusEmoji: Record<PostStatus, string> = {
  pending_approval: '⏳',
  changes_requested: '📝',
  approved: '✅',
  rejected: '⛔',
  expired: '⌛',
  published: '📣',
};

export function statusText(status: PostStatus, t: Translate): string {
  return `${statusEmoji[status]} ${t(`post.status.${status}`)}`;
}

export function roleLabel(role: Role | null, t: Translate): string {
  return role ? t(`slack.role.${role}`) : t('slack.role.none');
}

/** A Slack person is mentioned (Slack shows their current name); others are named. */
export function personText(person: PersonLabel | { platform: string; externalId: string; displayName: string | null }): string {
  return person.platform === 'slack' ? mentionUser(person.externalId) : escapeText(person.displayName ?? person.externalId);
}
