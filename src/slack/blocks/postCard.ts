import type { KnownBlock } from '@slack/types';
import type { PostView } from '../../core/postViews.js';
import type { Language } from '../../i18n/catalog.js';
import { postButtonValue } from '../buttonValues.js';
import type { Answer } from '../errorBoundary.js';
import { actionIds, blockIds } from '../ids.js';
import type { Translate } from '../turns.js';
import { renderCopyCheck } from './copyCheck.js';
import { formatDay, formatMoment, quote } from './format.js';
import { actions, button, context, section } from './kit.js';
import { networkLabel, personText, statusText } from './labels.js';

export type PostCardOptions = {
  t: Translate;
  language: Language;
  /** The brand's publishing is frozen by a sev1: approving waits. */
  frozen: boolean;
  /** Decision buttons while the post is pending (not on a plain confirmation). */
  withButtons: boolean;
};

const decisionEmoji = { approved: '✅', changes_requested: '📝', rejected: '⛔' } as const;

export function postWhen(post: PostView, t: Translate, language: Language): string {
  return t('slack.post.when', { day: formatDay(post.localDate, language), time: post.localTime, timezone: post.timezone });
}

export function postTitle(post: PostView, t: Translate): string {
  return t('slack.post.title', { number: post.number, network: networkLabel(post.network, t) });
}

function decisionLines(post: PostView, options: PostCardOptions): string[] {
  return post.approvals.map((approval) =>
    options.t(`slack.post.decision.${approval.decision}`, {
      emoji: decisionEmoji[approval.decision],
      who: personText(approval.decider),
      when: formatMoment(approval.decidedAt, post.timezone, options.language),
      comment: approval.comment ? ` — “${approval.comment}”` : '',
    }),
  );
}

/** The buttons a strategist decides with; the value pins the version they are reading. */
export function postDecisionButtons(post: PostView, t: Translate): KnownBlock {
  const value = postButtonValue(post);
  return actions(`${blockIds.postActions}_${post.number}`, [
    button({ actionId: actionIds.approvePost, text: t('slack.button.approve'), value, style: 'primary' }),
    button({ actionId: actionIds.requestChanges, text: t('slack.button.requestChanges'), value }),
    button({ actionId: actionIds.rejectPost, text: t('slack.button.reject'), value, style: 'danger' }),
  ]);
}

/** Everything about post #N, as every message about it shows it (and updates to). */
export function renderPostBlocks(post: PostView, options: PostCardOptions): KnownBlock[] {
  const { t } = options;
  const blocks: KnownBlock[] = [
    section(`*${postTitle(post, t)}*`, {
      fields: [
        `*${t('slack.post.field.when')}*\n${postWhen(post, t, options.language)}`,
        `*${t('slack.post.field.status')}*\n${statusText(post.status, t)}`,
        `*${t('slack.post.field.author')}*\n${personText(post.author)}`,
        `*${t('slack.post.field.approvals')}*\n${t('slack.post.approvalsCount', { given: post.approvalsGiven, needed: post.approvalsNeeded })}`,
      ],
    }),
    section(quote(post.copy)),
  ];
  const decisions = decisionLines(post, options);
  if (decisions.length) blocks.push(context(...decisions));
  if (post.version > 1) blocks.push(context(t('slack.post.version', { version: post.version })));
  const pending = post.status === 'pending_approval';
  if (pending && options.frozen) blocks.push(context(t('slack.post.frozen')));
  // The assistant's check is for whoever decides: shown with the decision buttons, once it has answered.
  if (pending && options.withButtons && post.copyReview) blocks.push(renderCopyCheck(post.copyReview, t, options.language));
  if (pending && options.withButtons) blocks.push(postDecisionButtons(post, t));
  return blocks;
}

export function renderPostCard(post: PostView, options: PostCardOptions): Answer {
  return {
    text: options.t('slack.post.summary', { title: postTitle(post, options.t), when: postWhen(post, options.t, options.language), status: statusText(post.status, options.t) }),
    blocks: renderPostBlocks(post, options),
  };
}
