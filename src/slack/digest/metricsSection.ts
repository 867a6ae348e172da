import type { ImageBlock, KnownBlock } from '@slack/types';
import { renderSparkline } from '../../charts/sparkline.js';
import type { DigestData, DigestMetricName } from '../../core/digestData.js';
import { formatDay, formatNumber } from '../blocks/format.js';
import { section } from '../blocks/kit.js';
import { formatChange } from './figures.js';
import type { DigestView } from './view.js';

/** The 30-day picture: an uploaded chart, or unicode sparklines when the upload is unavailable. */
export type DigestPicture = { kind: 'image'; fileId: string } | { kind: 'sparklines' };

/** The metrics the chart draws: the three that tell the story at a glance. */
export const chartMetrics: readonly DigestMetricName[] = ['followers', 'reach', 'engagements'];

export function hasSeries(data: DigestData, metrics: readonly DigestMetricName[]): boolean {
  return data.metrics.series.some((point) => metrics.some((metric) => point[metric] !== null));
}

function imageBlock(fileId: string, view: DigestView): ImageBlock {
  const metrics = chartMetrics.map((metric) => view.t(`slack.metric.${metric}`)).join(', ');
  return { type: 'image', slack_file: { id: fileId }, alt_text: view.t('digest.chart.alt', { metrics }).slice(0, 2000) };
}

/** One line per metric with data: its name padded, then the sparkline (in a code block, so they align). */
function sparklineBlock(data: DigestData, view: DigestView): KnownBlock | null {
  const lines = data.metrics.deltas.flatMap(({ metric }) => {
    const line = renderSparkline(data.metrics.series.map((point) => point[metric]));
    return line.trim() ? [`${view.t(`slack.metric.${metric}`).padEnd(12)} ${line}`] : [];
  });
  if (lines.length === 0) return null;
  return section(`${view.t('digest.chart.sparklines')}\n\`\`\`${lines.join('\n')}\`\`\``);
}

/** Day-over-day and week-over-week changes of the main metrics, and the 30-day picture. */
export function renderMetricsSection(data: DigestData, picture: DigestPicture, view: DigestView): KnownBlock[] {
  const { t, language } = view;
  const day = formatDay(data.localDate, language);
  const recorded = data.metrics.deltas.filter((delta) => delta.today !== null);
  const blocks: KnownBlock[] =
    recorded.length === 0
      ? [section(t('digest.metrics.none', { day }))]
      : [
          section(t('digest.metrics.title', { day }), {
            fields: recorded.map((delta) =>
              t('digest.metrics.field', {
                metric: t(`slack.metric.${delta.metric}`),
                value: formatNumber(delta.today, language),
                dayOverDay: formatChange(delta.dayOverDay, language),
                weekOverWeek: formatChange(delta.weekOverWeek, language),
              }),
            ),
          }),
        ];
  if (picture.kind === 'image') blocks.push(imageBlock(picture.fileId, view));
  else {
    const sparklines = sparklineBlock(data, view);
    if (sparklines) blocks.push(sparklines);
  }
  return blocks;
}
