import type { KnownBlock } from '@slack/types';
import type { TimelineEntry } from '../../core/escalationTimeline.js';
import { escapeText, formatMoment } from '../blocks/format.js';
import { context, header, section } from '../blocks/kit.js';
import type { Answer } from '../errorBoundary.js';
import type { ActorText } from './actors.js';
import type { CrisisText } from './alertBlocks.js';

function numberIn(data: Record<string, unknown>, key: string): number | string {
  const value = data[key];
  return typeof value === 'number' || typeof value === 'string' ? value : '?';
}

/** One step of the story: what happened and who did it, without the time (a thread shows its own). */
export function timelineText(entry: TimelineEntry, actor: ActorText, text: CrisisText): string {
  const { t } = text;
  const who = actor(entry.actor);
  const note = escapeText(entry.note ?? '');
  switch (entry.type) {
    case 'raised':
      return t('crisis.timeline.raised', { who, severity: String(numberIn(entry.data, 'severity')), note });
    case 'paged':
      return t('crisis.timeline.paged', { count: numberIn(entry.data, 'pageCount') });
    case 'acknowledged':
      return t('crisis.timeline.acknowledged', { who });
    case 'note':
      return t('crisis.timeline.note', { who, note });
    case 'linked':
      return t('crisis.timeline.linked', { who, id: numberIn(entry.data, 'interactionId') });
    case 'resolved':
      return t('crisis.timeline.resolved', { who, note });
    case 'frozen':
      return t('crisis.timeline.frozen');
    case 'unfrozen':
      return t('crisis.timeline.unfrozen', { who });
  }
}

/** Lines per section: a section's text holds 3000 characters. */
const linesPerSection = 12;

/** The Timeline button's answer: every step, oldest first, with who and when. */
export function renderTimeline(number: number, entries: readonly TimelineEntry[], actor: ActorText, text: CrisisText): Answer {
  const title = text.t('crisis.timeline.title', { number });
  const lines = entries.map((entry) => `\`${formatMoment(entry.at, text.timezone, text.language)}\` ${timelineText(entry, actor, text)}`);
  const blocks: KnownBlock[] = [header(title)];
  for (let i = 0; i < lines.length && blocks.length < 45; i += linesPerSection) blocks.push(section(lines.slice(i, i + linesPerSection).join('\n')));
  blocks.push(context(text.t('crisis.timeline.timezone', { timezone: text.timezone })));
  return { text: title, blocks };
}
