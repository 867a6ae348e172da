import type { KnownBlock } from '@slack/types';
import type { WeekView } from '../../core/posts.js';
import type { Language } from '../../i18n/catalog.js';
import type { Answer } from '../errorBoundary.js';
import type { Translate } from '../turns.js';
import { escapeText, formatDay } from './format.js';
import { context, divider, header, section } from './kit.js';
import { networkLabel, statusText } from './labels.js';

function firstLine(copy: string, max = 80): string {
  const line = copy.split('\n')[0] ?? '';
  return [...line].length > max ? `${[...line].slice(0, max - 1).join('')}…` : line;
}

/** The content calendar of a week: one block per day, each post with its time and status. */
export function renderWeek(brandName: string, week: WeekView, t: Translate, language: Language): Answer {
  const title = t('slack.week.title', { brand: brandName, day: formatDay(week.weekStart, language) });
  const blocks: KnownBlock[] = [header(title), context(t('slack.week.timezone', { timezone: week.timezone }))];
  if (week.frozenAt) blocks.push(section(t('slack.week.frozen')));
  for (const day of week.days) {
    const lines = day.posts.map(
      (post) => `\`${post.localTime}\` *#${post.number}* ${networkLabel(post.network, t)} · ${statusText(post.status, t)}\n${escapeText(firstLine(post.copy))}`,
    );
    blocks.push(divider(), section(`*${formatDay(day.date, language)}*\n${lines.length ? lines.join('\n') : `_${t('slack.week.empty')}_`}`));
  }
  const total = week.days.reduce((sum, day) => sum + day.posts.length, 0);
  return { text: `${title} (${t('slack.week.count', { count: total })})`, blocks };
}
