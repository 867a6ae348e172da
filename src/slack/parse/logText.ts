import { z } from 'zod';
import { interactionKindSchema } from '../../core/interactions.js';
import { networkSchema } from '../../core/networkRules.js';
import { readChannelMention, readUserMention, unescapeMentions } from './mentions.js';
import { UsageError } from './usageError.js';
import { readInteractionKind, readNetwork } from './vocabulary.js';
import { splitWords } from './words.js';

export const logRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('modal') }),
  z.object({
    kind: z.literal('log'),
    network: networkSchema,
    interactionKind: interactionKindSchema,
    author: z.string().min(1),
    text: z.string().min(1),
    lead: z.boolean(),
  }),
]);
export type LogRequest = z.infer<typeof logRequestSchema>;

/** `#lead` as typed, or escaped by Slack when a channel happens to be called #lead. */
function isLeadTag(word: string): boolean {
  return word.toLowerCase() === '#lead' || readChannelMention(word)?.name?.toLowerCase() === 'lead';
}

function readAuthor(word: string | undefined): string {
  if (!word) throw new UsageError('slack.parse.authorMissing');
  const mention = readUserMention(word);
  if (mention) return mention.name ? `@${mention.name}` : `<@${mention.id}>`;
  return unescapeMentions(word);
}

/** `/log` · `/log <network> <kind> <author> <text…> [#lead]` */
export function parseLogText(text: string): LogRequest {
  const words = splitWords(text);
  if (!words.list[0]) return { kind: 'modal' };
  const network = readNetwork(words.list[0]);
  const interactionKind = readInteractionKind(words.list[1]);
  const author = readAuthor(words.list[2]);
  let body = words.rest(3);
  const last = words.list.at(-1);
  const lead = words.list.length > 4 && last !== undefined && isLeadTag(last);
  if (lead) body = body.slice(0, body.lastIndexOf(last)).trim();
  body = unescapeMentions(body);
  if (!body) throw new UsageError('slack.parse.interactionTextMissing');
  return { kind: 'log', network, interactionKind, author, text: body, lead };
}
