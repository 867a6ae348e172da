import type { APIEmbed } from 'discord.js';
import type { KnownBlock } from '@slack/types';
import type { PreparedDigest } from '../core/digestContent.js';
import { renderDigestMessage } from '../slack/digest/renderDigest.js';

// Discord shows the same digest as Slack: one renderer and one set of translations, the
// Block Kit text converted from Slack's mrkdwn to Discord's markdown, sections to embeds.

const maxEmbeds = 10;
const maxDescription = 4096;
const maxTotal = 6000;
const digestColor = 0x1d3557;

/** `*bold*` → `**bold**`, Slack's escapes undone, code blocks opened on their own line. */
export function toDiscordMarkdown(mrkdwn: string): string {
  return mrkdwn
    .replace(/(^|[^*\w])\*([^*\n]+)\*(?=[^*\w]|$)/g, '$1**$2**')
    .replace(/```(?!\n)/g, '```\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function textOf(block: KnownBlock): string | null {
  if (block.type === 'section') return [block.text?.text, ...(block.fields ?? []).map((field) => field.text)].filter(Boolean).join('\n');
  if (block.type === 'context') return block.elements.map((element) => ('text' in element ? element.text : '')).join(' ');
  return null;
}

/** What identifies a digest's message among the channel's, for a retry to find it. */
export function digestFooter(digest: Pick<PreparedDigest, 'kind' | 'localDate'> & { brand: { id: number } }): string {
  return `Tandem · ${digest.kind} · ${digest.localDate} · #${digest.brand.id}`;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The digest as Discord embeds: the title, then one embed per part of the message. */
export function renderDigestEmbeds(digest: PreparedDigest): APIEmbed[] {
  const message = renderDigestMessage(digest, { picture: { kind: 'sparklines' }, buttons: false });
  const groups: string[][] = [[]];
  let title = message.text;
  for (const block of message.blocks ?? []) {
    if (block.type === 'header') title = block.text.text;
    else if (block.type === 'divider') groups.push([]);
    else {
      const text = textOf(block);
      if (text) groups.at(-1)?.push(toDiscordMarkdown(text));
    }
  }
  const embeds: APIEmbed[] = [];
  let total = title.length;
  for (const lines of groups.filter((group) => group.length > 0)) {
    const description = cut(lines.join('\n\n'), maxDescription);
    if (embeds.length === maxEmbeds || total + description.length > maxTotal - 100) break;
    total += description.length;
    embeds.push({ color: digestColor, description, ...(embeds.length === 0 ? { title: cut(title, 256) } : {}) });
  }
  const last = embeds.at(-1);
  if (last) last.footer = { text: digestFooter(digest) };
  return embeds;
}
