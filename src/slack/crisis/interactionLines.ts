import { sentimentSchema } from '../../core/assistant.js';
import type { LinkedInteraction } from '../../core/escalationViews.js';
import { interactionKindSchema } from '../../core/interactions.js';
import { networkSchema } from '../../core/networkRules.js';
import { escapeText, quote } from '../blocks/format.js';
import { networkLabel } from '../blocks/labels.js';
import type { Translate } from '../turns.js';

const sentimentEmoji = { positive: '😊', neutral: '😐', negative: '😠' } as const;

/** How much of a comment an alert quotes: enough to judge it, short enough for a phone. */
const quoteChars = 400;

function excerpt(text: string): string {
  return [...text].length > quoteChars ? `${[...text].slice(0, quoteChars - 1).join('')}…` : text;
}

/** "💬 Instagram comment · *@maria* · 😠 negative · crisis risk 70%", then the text quoted. */
export function interactionLine(interaction: Pick<LinkedInteraction, 'id' | 'network' | 'kind' | 'author' | 'text' | 'link' | 'sentiment' | 'crisisRisk'>, t: Translate): string {
  const network = networkSchema.safeParse(interaction.network);
  const kind = interactionKindSchema.safeParse(interaction.kind);
  const sentiment = sentimentSchema.safeParse(interaction.sentiment);
  const where = [network.success ? networkLabel(network.data, t) : interaction.network, kind.success ? t(`slack.interactionKind.${kind.data}`) : interaction.kind].join(' ');
  // A link is typed by people: only a plain http(s) URL can go inside Slack's <url|label> safely.
  const linkable = interaction.link && /^https?:\/\/[^\s|<>]+$/.test(interaction.link);
  const author = linkable ? `<${interaction.link}|${escapeText(interaction.author)}>` : escapeText(interaction.author);
  const parts = [`#${interaction.id} ${where}`, `*${author}*`];
  if (sentiment.success) parts.push(`${sentimentEmoji[sentiment.data]} ${t(`slack.sentiment.${sentiment.data}`)}`);
  if (interaction.crisisRisk >= 0.5) parts.push(t('slack.interaction.crisisRisk', { percent: Math.round(interaction.crisisRisk * 100) }));
  return `${parts.join(' · ')}\n${quote(excerpt(interaction.text))}`;
}
