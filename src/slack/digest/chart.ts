import type { webApi } from '@slack/bolt';
import { renderTrendPng } from '../../charts/trendChart.js';
import type { DigestData } from '../../core/digestData.js';
import type { Log } from '../../core/log.js';
import { translator } from '../turns.js';
import { chartMetrics, hasSeries, type DigestPicture } from './metricsSection.js';

/** The last 30 days of the main metrics as a PNG; null when there is nothing to draw. */
export async function renderDigestChart(data: DigestData): Promise<Buffer | null> {
  if (!hasSeries(data, chartMetrics)) return null;
  const t = translator(data.brand.language);
  return renderTrendPng({
    title: `${data.brand.name} · ${t('digest.chart.title')}`,
    series: chartMetrics.map((metric) => ({ name: t(`slack.metric.${metric}`), points: data.metrics.series.map((point) => ({ date: point.date, value: point[metric] })) })),
  });
}

/**
 * Slack's external upload: ask for an upload URL, POST the bytes there, then complete the
 * upload. Completed without a channel the file stays private to Tandem, which may then
 * show it in its own messages (an image block with `slack_file`).
 */
export async function uploadPng(client: webApi.WebClient, png: Buffer, file: { filename: string; title: string }): Promise<string> {
  const ticket = await client.files.getUploadURLExternal({ filename: file.filename, length: png.length });
  if (!ticket.upload_url || !ticket.file_id) throw new Error('files.getUploadURLExternal answered without upload_url or file_id');
  const response = await fetch(ticket.upload_url, { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(png) });
  if (!response.ok) throw new Error(`chart upload answered HTTP ${response.status}`);
  await client.files.completeUploadExternal({ files: [{ id: ticket.file_id, title: file.title }] });
  return ticket.file_id;
}

/**
 * The digest's 30-day picture: the chart uploaded to Slack, or sparklines when drawing or
 * uploading fails (no files:write scope, Slack's file service down). A digest never
 * waits on, or fails for, its chart.
 */
export async function prepareDigestPicture(client: webApi.WebClient, log: Log, data: DigestData): Promise<DigestPicture> {
  try {
    const png = await renderDigestChart(data);
    if (!png) return { kind: 'sparklines' };
    const fileId = await uploadPng(client, png, { filename: `digest-${data.brand.slug}-${data.localDate}.png`, title: `${data.brand.name} · ${data.localDate}` });
    return { kind: 'image', fileId };
  } catch (error) {
    log.warn({ err: error, brandId: data.brand.id }, 'digest chart unavailable; using sparklines');
    return { kind: 'sparklines' };
  }
}
