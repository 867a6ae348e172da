import type { KnownBlock } from '@slack/types';
import type { WeeklySummary } from '../../core/digestContent.js';
import { formatDay, formatNumber } from '../blocks/format.js';
import { context, divider, header, section } from '../blocks/kit.js';
import { formatChange, formatShare } from './figures.js';
import { renderGoalsSection } from './goalsSection.js';
import { headerContext, type RenderOptions } from './header.js';
import type { DigestView } from './view.js';

/** The week in one message: totals against the week before, goals, conversations, what is open. */
export function renderWeeklyBlocks(summary: WeeklySummary, view: DigestView, options: RenderOptions): KnownBlock[] {
  const { t, language } = view;
  const recorded = summary.metrics.filter((figure) => figure.current !== null);
  const day = (date: string) => formatDay(date, language);
  const interactions = summary.interactions;
  return [
    header(t('digest.title.weekly', { brand: summary.brand.name, start: day(summary.week.start), end: day(summary.week.end) })),
    ...headerContext(summary, view, options),
    ...(summary.narrative ? [section(t('digest.narrative', { text: summary.narrative }))] : []),
    divider(),
    recorded.length === 0
      ? section(t('digest.weekly.metricsNone'))
      : section(t('digest.weekly.metricsTitle'), {
          fields: recorded.map((figure) =>
            t('digest.weekly.metricField', { metric: t(`slack.metric.${figure.metric}`), value: formatNumber(figure.current, language), change: formatChange(figure.change, language) }),
          ),
        }),
    divider(),
    ...renderGoalsSection(summary.data.kpis, view),
    divider(),
    section(
      interactions.total === 0
        ? t('digest.weekly.interactionsNone')
        : t('digest.weekly.interactions', { count: interactions.total, positive: formatShare(interactions.positiveShare, language), negative: formatShare(interactions.negativeShare, language) }),
    ),
    section(t('digest.weekly.open', { escalations: summary.data.escalations.count, pending: summary.data.posts.pending.count })),
    context(t('digest.footer')),
  ];
}
