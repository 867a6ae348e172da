import type { KnownBlock } from '@slack/types';
import type { DailyDigest } from '../../core/digestContent.js';
import type { DigestData } from '../../core/digestData.js';
import { localDateOf } from '../../core/time.js';
import { catalogFor, type MessageKey } from '../../i18n/catalog.js';
import { escalationButtonValue, postButtonValue } from '../buttonValues.js';
import { formatAge, formatDay, formatNumber } from '../blocks/format.js';
import { button, context, section } from '../blocks/kit.js';
import { networkLabel, statusText } from '../blocks/labels.js';
import { actionIds, blockIds } from '../ids.js';
import { quoteSnippet, snippet } from './figures.js';
import type { DigestView } from './view.js';

// What is open now: escalations, posts waiting for a decision, today's schedule, Discord.

const maxEscalations = 5;
const maxPending = 5;
const maxScheduled = 8;

function isMessageKey(key: string): key is MessageKey {
  return key in catalogFor('en');
}

export function renderEscalationsSection(data: DigestData, view: DigestView): KnownBlock[] {
  const { t } = view;
  const { escalations } = data;
  if (escalations.count === 0) return [section(t('digest.escalations.none'))];
  const blocks: KnownBlock[] = [section(t('digest.escalations.title', { count: escalations.count }))];
  for (const escalation of escalations.items.slice(0, maxEscalations)) {
    const text = t('digest.escalations.item', {
      number: escalation.number,
      severity: escalation.severity.toUpperCase(),
      summary: snippet(escalation.summary, 200),
      status: t(`slack.escalationStatus.${escalation.status}`),
      age: formatAge(escalation.ageMinutes),
    });
    // Acknowledging is the strategist's first move on an open escalation; after it, the alert's own buttons take over.
    const accessory =
      view.buttons && escalation.status === 'open'
        ? button({ actionId: actionIds.acknowledgeEscalation, text: t('digest.button.acknowledge'), value: escalationButtonValue({ brandId: view.brandId, id: escalation.id }), style: 'primary' })
        : undefined;
    blocks.push(section(text, { blockId: `${blockIds.digestEscalation}_${escalation.id}`, ...(accessory ? { accessory } : {}) }));
  }
  const hidden = escalations.count - Math.min(escalations.items.length, maxEscalations);
  if (hidden > 0) blocks.push(context(t('digest.escalations.more', { count: hidden })));
  return blocks;
}

export function renderPendingSection(data: DigestData, view: DigestView): KnownBlock[] {
  const { t, language, timezone } = view;
  const { pending } = data.posts;
  if (pending.count === 0) return [section(t('digest.pending.none'))];
  const blocks: KnownBlock[] = [section(t('digest.pending.title', { count: pending.count }))];
  for (const post of pending.items.slice(0, maxPending)) {
    const text = t('digest.pending.item', {
      number: post.number,
      network: networkLabel(post.network, t),
      when: `${formatDay(localDateOf(post.scheduledAt, timezone), language)}, ${post.localTime}`,
      given: post.approvals,
      needed: post.approvalsNeeded,
      copy: quoteSnippet(post.copy, 200),
    });
    // The same Approve as on the post's own message: the value pins the version shown here.
    const accessory = view.buttons
      ? button({ actionId: actionIds.approvePost, text: t('slack.button.approve'), value: postButtonValue({ brandId: view.brandId, number: post.number, version: post.version }), style: 'primary' })
      : undefined;
    blocks.push(section(text, { blockId: `${blockIds.digestPending}_${post.number}`, ...(accessory ? { accessory } : {}) }));
  }
  const hidden = pending.count - Math.min(pending.items.length, maxPending);
  if (hidden > 0) blocks.push(context(t('digest.pending.more', { count: hidden })));
  return blocks;
}

export function renderScheduleSection(schedule: DailyDigest['schedule'], view: DigestView): KnownBlock[] {
  const { t } = view;
  if (schedule.count === 0) return [section(t('digest.schedule.none'))];
  const lines = schedule.items
    .slice(0, maxScheduled)
    .map((post) => t('digest.schedule.item', { time: post.localTime, network: networkLabel(post.network, t), number: post.number, status: statusText(post.status, t), copy: snippet(post.copy, 80) }));
  const hidden = schedule.count - Math.min(schedule.items.length, maxScheduled);
  if (hidden > 0) lines.push(t('digest.schedule.more', { count: hidden }));
  return [section([t('digest.schedule.title', { count: schedule.count }), ...lines].join('\n'))];
}

/** Moderation actions are named like Discord's own case log names them. */
function actionLabel(action: string, view: DigestView): string {
  const key = `discord.action.${action}`;
  return isMessageKey(key) ? view.t(key) : action;
}

export function renderModerationSection(data: DigestData, view: DigestView): KnownBlock[] {
  const { t, language } = view;
  const { moderation } = data;
  if (moderation.cases === 0 && moderation.reportsToday === 0 && moderation.reportsOpen === 0) return [section(t('digest.moderation.none'))];
  const actions = moderation.byAction.map((row) => `${formatNumber(row.count, language)} ${actionLabel(row.action, view)}`).join(', ');
  return [
    section(
      t('digest.moderation.line', {
        cases: moderation.cases,
        automod: moderation.automodCases,
        actions: actions ? `: ${actions}` : '',
        reportsToday: moderation.reportsToday,
        reportsOpen: moderation.reportsOpen,
      }),
    ),
  ];
}
