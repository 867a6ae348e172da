import type { EscalationView } from '../../core/escalationViews.js';
import { context, section } from '../blocks/kit.js';
import type { Answer } from '../errorBoundary.js';
import type { CrisisText } from './alertBlocks.js';
import { formatDuration, severityTag } from './labels.js';

/** A re-page, in the alert's thread: it mentions the strategists again, so it notifies them again. */
export function renderPage(escalation: EscalationView, strategists: readonly string[], now: Date, text: CrisisText): Answer {
  const { t } = text;
  const line = t('crisis.page.text', {
    count: escalation.pageCount,
    severity: severityTag(escalation.severity),
    number: escalation.number,
    age: formatDuration(now.getTime() - escalation.raisedAt.getTime()),
  });
  const mentions = strategists.length ? `${strategists.join(' ')} ` : '';
  return { text: `${mentions}${line}`, blocks: [section(`${mentions}${line}`), context(t('crisis.page.hint'))] };
}
