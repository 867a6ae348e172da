import type { KnownBlock } from '@slack/types';
import type { PreparedDigest } from '../../core/digestContent.js';
import { digestInstant } from '../../core/digestSchedule.js';
import { localTimeOf } from '../../core/time.js';
import { formatDay } from '../blocks/format.js';
import { context } from '../blocks/kit.js';
import { translator } from '../turns.js';
import type { DigestView } from './view.js';
import type { DigestPicture } from './metricsSection.js';

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
