import type { KnownBlock } from '@slack/types';
import type { Narrative } from '../../core/assistant.js';
import type { Postmortem } from '../../core/postmortem.js';
import { escapeText, formatMoment, quote } from '../blocks/format.js';
import { context, divider, header, messageBlocks, section } from '../blocks/kit.js';
import type { Answer } from '../errorBoundary.js';
import type { ActorText } from './actors.js';
import type { CrisisText } from './alertBlocks.js';
import { interactionLine } from './interactionLines.js';
import { formatDuration, severityTag, shareText } from './labels.js';

const shownInteractions = 10;
const shownNotes = 20;

function durationOr(ms: number | null, fallback: string): string {
  return ms === null ? fallback : formatDuration(ms);
}

/**
 * The postmortem draft posted in the alert's thread on resolve: the facts (how fast, what
 * people said, how sentiment moved, what the team noted) and the assistant's short
 * summary. A draft for the team to edit, not a verdict.
 */
export function renderPostmortem(postmortem: Postmortem, summary: Narrative | null, actor: ActorText, text: CrisisText): Answer {
  const { t, timezone, language } = text;
  const e = postmortem.escalation;
  const title = t('crisis.postmortem.title', { number: e.number });
  const acknowledged = e.acknowledgedAt ? durationOr(postmortem.timeToAcknowledgeMs, '—') : t('crisis.postmortem.neverAcknowledged');
  const resolved = durationOr(postmortem.timeToResolveMs, '—');
  const blocks: KnownBlock[] = [
    header(title),
    section(`${severityTag(e.severity)} *${escapeText(e.summary)}*`, {
      fields: [
        `*${t('crisis.postmortem.raised')}*\n${actor(e.raisedBy)} · ${formatMoment(e.raisedAt, timezone, language)}`,
        `*${t('crisis.postmortem.pages')}*\n${e.pageCount}`,
        `*${t('crisis.postmortem.timeToAcknowledge')}*\n${acknowledged}`,
        `*${t('crisis.postmortem.timeToResolve')}*\n${resolved}`,
      ],
    }),
  ];
  if (e.resolution) blocks.push(section(`*${t('crisis.postmortem.resolution', { who: actor(e.resolvedBy) })}*\n${quote(e.resolution)}`));
  if (summary) blocks.push(section(`*${t('crisis.postmortem.summary')}*\n${escapeText(summary.text)}`));
  const { before, during, after } = postmortem.sentiment;
  blocks.push(
    section(
      `*${t('crisis.postmortem.sentiment')}*\n${[
        t('crisis.postmortem.before', { share: shareText(before, t, language) }),
        t('crisis.postmortem.during', { share: shareText(during, t, language) }),
        after ? t('crisis.postmortem.after', { share: shareText(after, t, language) }) : t('crisis.postmortem.afterPending'),
      ].join('\n')}`,
    ),
  );
  if (postmortem.interactions.length) {
    blocks.push(divider(), section(`*${t('crisis.postmortem.interactions', { count: postmortem.interactions.length })}*`));
    for (const interaction of postmortem.interactions.slice(0, shownInteractions)) blocks.push(section(interactionLine(interaction, t)));
  }
  if (postmortem.notes.length) {
    const lines = postmortem.notes.slice(0, shownNotes).map((n) => `\`${formatMoment(n.at, timezone, language)}\` ${actor(n.actor)}: ${escapeText(n.note)}`);
    blocks.push(section(`*${t('crisis.postmortem.notes')}*\n${lines.join('\n')}`));
  }
  blocks.push(context(t('crisis.postmortem.footer')));
  return { text: `${title}: ${t('crisis.postmortem.timeToAcknowledge')} ${acknowledged} · ${t('crisis.postmortem.timeToResolve')} ${resolved}`, blocks: messageBlocks(blocks) };
}
