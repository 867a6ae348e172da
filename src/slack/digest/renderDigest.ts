import type { KnownBlock } from '@slack/types';
import type { DailyDigest, PreparedDigest } from '../../core/digestContent.js';
import { digestInstant } from '../../core/digestSchedule.js';
import { localTimeOf } from '../../core/time.js';
import type { Answer } from '../errorBoundary.js';
import { formatDay } from '../blocks/format.js';
import { context, divider, header, messageBlocks, section } from '../blocks/kit.js';
import { translator } from '../turns.js';
import { renderInteractionsSection, renderLeadsSection, renderResponseSection } from './conversationSection.js';
import { renderGoalsSection } from './goalsSection.js';
import { renderMetricsSection, type DigestPicture } from './metricsSection.js';
import type { DigestView } from './view.js';
import { renderWeeklyBlocks } from './renderWeekly.js';
import { renderEscalationsSection, renderModerationSection, renderPendingSection, renderScheduleSection } from './workSection.js';

export type RenderOptions = {
  picture: DigestPicture;
  /** Shortcut buttons on escalations, the worst comment and pending posts. */
  buttons?: boolean;
  /** A `/digest preview`: says that it is one. */
  preview?: boolean;
  /** The brand's digest time ("09:00"), named when the digest is late. */
  digestTime?: string;
};

export function digestView(digest: PreparedDigest, buttons: boolean): DigestView {
  const language = digest.brand.language;
  return { t: translator(language), language, timezone: digest.brand.timezone, brandId: digest.brand.id, buttons };
}

/** The lines under the header: what day the figures are of, late or preview notes. */
export function headerContext(digest: PreparedDigest, view: DigestView, options: RenderOptions): KnownBlock[] {
  const { t, language } = view;
  const notes: string[] = [];
  if (options.preview) notes.push(t('digest.context.preview'));
  if (digest.late && !options.preview) {
    const due = options.digestTime ? localTimeOf(digestInstant(digest.localDate, options.digestTime, digest.brand.timezone), digest.brand.timezone) : '—';
    notes.push(t('digest.context.late', { time: due }));
  }
  const about =
    digest.kind === 'daily'
      ? t('digest.context.figuresOf', { day: formatDay(digest.data.localDate, language), timezone: digest.brand.timezone })
      : t('digest.context.weekOf', { day: formatDay(digest.localDate, language), timezone: digest.brand.timezone });
  return [context(about), ...notes.map((note) => context(note))];
}

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

/** A digest (daily or weekly) as one Slack message, in the brand's language. */
export function renderDigestMessage(digest: PreparedDigest, options: RenderOptions): Answer {
  const view = digestView(digest, options.buttons ?? true);
  const blocks = digest.kind === 'daily' ? renderDailyBlocks(digest, view, options) : renderWeeklyBlocks(digest, view, options);
  return { text: digestText(digest), blocks: messageBlocks(blocks) };
}
