import { z } from 'zod';
import { roleSchema } from '../../core/permissions.js';
import { readChannelMention, readUserMention, unescapeMentions } from './mentions.js';
import { UsageError } from './usageError.js';
import { splitWords } from './words.js';

export const tandemRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('help') }),
  z.object({ kind: z.literal('brandCreate'), name: z.string().min(1) }),
  z.object({ kind: z.literal('brandUse'), slug: z.string().min(1) }),
  z.object({ kind: z.literal('role'), user: z.object({ id: z.string(), name: z.string().nullable() }), role: roleSchema }),
  z.object({ kind: z.literal('showSettings') }),
  z.object({ kind: z.literal('setting'), key: z.string().min(1), value: z.string() }),
  z.object({ kind: z.literal('discordLink') }),
]);
export type TandemRequest = z.infer<typeof tandemRequestSchema>;

const channelSettings = new Set(['digest-channel', 'crisis-channel', 'approvals-channel', 'community-channel']);

/** A role as people type it: "community manager", "community-manager", "cm". */
function readRole(words: string[]): string {
  const joined = words.join('_').toLowerCase().replace(/-/g, '_');
  return joined === 'cm' ? 'community_manager' : joined;
}

/** `/tandem help | brand create <name> | brand use <slug> | role <@user> <role> | settings [<key> <value>] | discord link` */
export function parseTandemText(text: string): TandemRequest {
  const words = splitWords(text);
  const [first, second] = words.list.map((w) => w.toLowerCase());
  if (!first || first === 'help') return { kind: 'help' };
  if (first === 'brand') {
    if (second === 'create') {
      const name = unescapeMentions(words.rest(2));
      if (!name) throw new UsageError('slack.parse.brandNameMissing');
      return { kind: 'brandCreate', name };
    }
    if (second === 'use') {
      const slug = words.list[2];
      if (!slug) throw new UsageError('slack.parse.brandSlugMissing');
      return { kind: 'brandUse', slug };
    }
    throw new UsageError('slack.parse.brandWhat', { got: second ?? '' });
  }
  if (first === 'role') {
    const user = readUserMention(words.list[1]);
    if (!user) throw new UsageError('slack.parse.userMissing', { got: words.list[1] ?? '' });
    const role = roleSchema.safeParse(readRole(words.list.slice(2)));
    if (!role.success) throw new UsageError('slack.parse.badRole', { got: words.list.slice(2).join(' '), roles: roleSchema.options.join(', ') });
    return { kind: 'role', user, role: role.data };
  }
  if (first === 'discord') {
    if (second === 'link') return { kind: 'discordLink' };
    throw new UsageError('discordLink.parse.what', { got: second ?? '' });
  }
  if (first === 'settings' || first === 'setting') {
    const key = words.list[1]?.toLowerCase();
    if (!key) return { kind: 'showSettings' };
    const raw = words.rest(2);
    // Channels arrive as <#C123|name>: the setting stores the id, which survives renames.
    const value = channelSettings.has(key) ? (readChannelMention(raw)?.id ?? raw) : unescapeMentions(raw);
    if (!value && key !== 'voice' && key !== 'banned-words') throw new UsageError('slack.parse.settingValueMissing', { key });
    return { kind: 'setting', key, value };
  }
  throw new UsageError('slack.parse.unknownSubcommand', { got: words.list[0] ?? '' });
}
