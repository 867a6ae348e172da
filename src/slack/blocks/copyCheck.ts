import type { SectionBlock } from '@slack/types';
import { describeCopyIssue, type CopyIssue } from '../../core/assistant.js';
import type { CopyReview } from '../../core/copyReview.js';
import { networkSchema } from '../../core/networkRules.js';
import type { Language } from '../../i18n/catalog.js';
import type { Translate } from '../turns.js';
import { escapeText } from './format.js';
import { section } from './kit.js';
import { networkLabel } from './labels.js';

const severityEmoji: Record<CopyIssue['severity'], string> = { error: '⛔', warning: '⚠️', info: 'ℹ️' };
const severityOrder: Record<CopyIssue['severity'], number> = { error: 0, warning: 1, info: 2 };

/** Issues name networks by id ("instagram"); the approver reads the network's name. */
function withNetworkName(issue: CopyIssue, t: Translate): CopyIssue {
  const network = networkSchema.safeParse(issue.params.network);
  return network.success ? { ...issue, params: { ...issue.params, network: networkLabel(network.data, t) } } : issue;
}

/**
 * The assistant's copy check for the approver, in the brand's language: what the network
 * refuses or the brand forbids first, then what to fix, then what is worth a look. One
 * block, so a list of pending posts stays within Slack's 50 blocks a message.
 */
export function renderCopyCheck(review: CopyReview, t: Translate, language: Language): SectionBlock {
  const issues = [...review.issues].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  const lines = issues.length
    ? [`🔎 *${t('assistant.copyCheckTitle')}*`, ...issues.map((issue) => `${severityEmoji[issue.severity]} ${escapeText(describeCopyIssue(withNetworkName(issue, t), language))}`)]
    : [`🔎 ${t('assistant.copyCheckClean')}`];
  if (review.suggestion) lines.push(t('assistantUi.copy.suggestion', { text: escapeText(review.suggestion) }));
  if (review.fallback) lines.push(`🤖 _${t('assistant.fallbackNote')}_`);
  return section(lines.join('\n'));
}
