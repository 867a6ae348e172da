import type { KnownBlock } from '@slack/types';
import type { DailyDigest, PreparedDigest } from '../../core/digestContent.js';
import type { Answer } from '../errorBoundary.js';
import { formatDay } from '../blocks/format.js';
import { context, divider, header, messageBlocks, section } from '../blocks/kit.js';
import { translator } from '../turns.js';
import { renderInteractionsSection, renderLeadsSection, renderResponseSection } from './conversationSection.js';
import { renderGoalsSection } from './goalsSection.js';
import { renderMetricsSection } from './metricsSection.js';
import type { DigestView } from './view.js';
import { digestView, headerContext, type RenderOptions } from './header.js';
import { renderWeeklyBlocks } from './renderWeekly.js';
import { renderEscalationsSection, renderModerationSection, renderPendingSection, renderScheduleSection } from './workSection.js';

function renderDailyBlocks(digest: DailyDigest, view: DigestView, options: RenderOptions): KnownBlock[] {
  const { t, language } = view;
  const { data } = digest;
  return [
    header(t('digest.title.daily', { brand: digest.brand.name, day: formatDay(digest.localDate, language) })),
    ...headerContext(digest, view, options),
    ...(digest.narrative ? [section(t('digest.narrative', { text: digest.narrative }))] : []),
    divider(),
    ...renderGoalsSection(data.kpis, view),
    divider(),
    ...renderMetricsSection(data, options.picture, view),
    divider(),
    ...renderInteractionsSection(data, view),
    ...renderResponseSection(data, view),
    ...renderLeadsSection(data, view),
    divider(),
    ...renderEscalationsSection(data, view),
    ...renderPendingSection(data, view),
    ...renderScheduleSection(digest.schedule, view),
    ...renderModerationSection(data, view),
    context(t('digest.footer')),
  ];
}

/** The notification line: what a phone shows, and what Slack falls back to. */
export function digestText(digest: PreparedDigest): string {
  const t = translator(digest.brand.language);
  const day = (date: string) => formatDay(date, digest.brand.language);
  return digest.kind === 'daily'
    ? t('digest.text.daily', { brand: digest.brand.name, day: day(digest.localDate) })
    : t('digest.text.weekly', { brand: digest.brand.name, start: day(digest.week.start), end: day(digest.week.end) });
}

export type { RenderOptions };

/** A digest (daily or weekly) as one Slack message, in the brand's language. */
export function renderDigestMessage(digest: PreparedDigest, options: RenderOptions): Answer {
  const view = digestView(digest, options.buttons ?? true);
  const blocks = digest.kind === 'daily' ? renderDailyBlocks(digest, view, options) : renderWeeklyBlocks(digest, view, options);
  return { text: digestText(digest), blocks: messageBlocks(blocks) };
}
