import type { MetricSnapshotView } from '../../core/metrics.js';
import type { Language } from '../../i18n/catalog.js';
import { formatNumber } from '../blocks/format.js';
import { section } from '../blocks/kit.js';
import { networkLabel } from '../blocks/labels.js';
import type { Answer } from '../errorBoundary.js';
import type { Translate } from '../turns.js';

/** "Recorded Instagram for 2026-03-02: followers 1,200 · reach 5,000" — every value now on record. */
export function recordedAnswer(snapshot: MetricSnapshotView & { created: boolean }, t: Translate, language: Language): Answer {
  const values = Object.entries(snapshot.values)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .map(([name, value]) => `${t(`slack.metric.${name as keyof typeof snapshot.values}`)} ${formatNumber(value, language, 2)}`);
  const text = t(snapshot.created ? 'slack.metrics.recorded' : 'slack.metrics.updated', {
    network: networkLabel(snapshot.network, t),
    date: snapshot.date,
    values: values.join(' · '),
  });
  return { text, blocks: [section(text)] };
}
