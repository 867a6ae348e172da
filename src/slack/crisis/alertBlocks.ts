import type { Button, KnownBlock } from '@slack/types';
import type { z } from 'zod';
import type { BrandView } from '../../core/brands.js';
import { raisedViaSchema } from '../../core/escalations.js';
import type { EscalationView } from '../../core/escalationViews.js';
import type { SentimentPicture } from '../../core/sentimentPicture.js';
import type { Language } from '../../i18n/catalog.js';
import { escapeText, formatMoment, formatNumber, quote } from '../blocks/format.js';
import { actions, button, confirm, context, header, messageBlocks, section } from '../blocks/kit.js';
import { escalationButtonValue } from '../buttonValues.js';
import type { Answer } from '../errorBoundary.js';
import { actionIds, blockIds } from '../ids.js';
import type { Translate } from '../turns.js';
import type { ActorText } from './actors.js';
import { interactionLine } from './interactionLines.js';
import { severityTag, shareText, statusEmoji } from './labels.js';

/** What an alert shows besides the escalation itself, loaded by the caller. */
export type AlertFacts = {
  escalation: EscalationView;
  brand: BrandView;
  picture: SentimentPicture;
  /** Mentions of the strategists to page (`<@U…>`). */
  strategists: string[];
  actor: ActorText;
  /** Where it came from (a Slack message, a Discord server), as a line of mrkdwn; null for an interaction or a command. */
  origin: string | null;
};

type RaisedVia = z.infer<typeof raisedViaSchema>;

export type CrisisText = { t: Translate; language: Language; timezone: string };

/** Interactions an alert quotes; the rest are counted (Slack takes 50 blocks). */
const shownInteractions = 5;

function statusLine(e: EscalationView, text: CrisisText, actor: ActorText): string {
  const { t, timezone, language } = text;
  if (e.status === 'resolved') {
    return `${statusEmoji.resolved} ${t('crisis.alert.resolvedBy', { who: actor(e.resolvedBy), when: formatMoment(e.resolvedAt ?? e.raisedAt, timezone, language) })}`;
  }
  if (e.status === 'acknowledged') {
    return `${statusEmoji.acknowledged} ${t('crisis.alert.acknowledgedBy', { who: actor(e.acknowledgedBy), when: formatMoment(e.acknowledgedAt ?? e.raisedAt, timezone, language) })}`;
  }
  return `${statusEmoji.open} ${e.pageCount ? t('crisis.alert.waitingPaged', { pages: e.pageCount }) : t('crisis.alert.waiting')}`;
}

function sentimentLine(picture: SentimentPicture, text: CrisisText): string {
  const { t, language } = text;
  const shift = picture.shiftPoints === null ? '' : ` · ${t('crisis.sentiment.shift', { points: `${picture.shiftPoints >= 0 ? '+' : ''}${formatNumber(picture.shiftPoints, language, 0)}` })}`;
  return t('crisis.alert.sentiment', { last24h: shareText(picture.last24h, t, language), baseline: shareText(picture.baseline7d, t, language) }) + shift;
}

function alertButtons(facts: AlertFacts, t: Translate): Button[] {
  const { escalation: e, brand } = facts;
  const value = escalationButtonValue(e);
  const buttons: Button[] = [];
  if (e.status === 'open') buttons.push(button({ actionId: actionIds.acknowledgeEscalation, text: t('crisis.button.acknowledge'), value, style: 'primary' }));
  buttons.push(button({ actionId: actionIds.addEscalationNote, text: t('crisis.button.note'), value }));
  if (e.status !== 'resolved') buttons.push(button({ actionId: actionIds.resolveEscalation, text: t('crisis.button.resolve'), value }));
  buttons.push(button({ actionId: actionIds.showEscalationTimeline, text: t('crisis.button.timeline'), value }));
  // The freeze outlives the crisis on purpose (resolving is not deciding to publish): the button stays until it is lifted.
  if (e.severity === 'sev1' && brand.frozenAt) {
    buttons.push(
      button({
        actionId: actionIds.liftFreeze,
        text: t('crisis.button.liftFreeze'),
        value,
        style: 'danger',
        confirm: confirm(t('crisis.liftFreeze.confirmTitle'), t('crisis.liftFreeze.confirmText', { brand: brand.name }), t('crisis.button.liftFreeze'), t('slack.modal.cancel')),
      }),
    );
  }
  return buttons;
}

/** The alert in the crisis channel, as first posted and as every later change redraws it. */
export function renderAlert(facts: AlertFacts, text: CrisisText): Answer {
  const { t, timezone, language } = text;
  const { escalation: e, brand, actor } = facts;
  const title = t('crisis.alert.title', { severity: severityTag(e.severity), number: e.number, brand: brand.name });
  const blocks: KnownBlock[] = [
    header(title),
    section(`*${escapeText(e.summary)}*`, {
      fields: [
        `*${t('crisis.alert.status')}*\n${statusLine(e, text, actor)}`,
        `*${t('crisis.alert.raisedBy')}*\n${t('crisis.alert.raisedByLine', { who: actor(e.raisedBy), via: t(`crisis.via.${viaKey(e.raisedVia)}`), when: formatMoment(e.raisedAt, timezone, language) })}`,
      ],
    }),
  ];
  if (facts.origin) blocks.push(context(facts.origin));
  for (const interaction of e.interactions.slice(0, shownInteractions)) blocks.push(section(interactionLine(interaction, t)));
  if (e.interactions.length > shownInteractions) blocks.push(context(t('crisis.alert.moreInteractions', { count: e.interactions.length - shownInteractions })));
  blocks.push(section(sentimentLine(facts.picture, text)));
  if (e.severity === 'sev1' && brand.frozenAt) blocks.push(context(t('crisis.alert.frozen')));
  if (e.status === 'resolved' && e.resolution) blocks.push(section(`*${t('crisis.alert.resolution')}*\n${quote(e.resolution)}`));
  if (e.status === 'open' && facts.strategists.length) {
    const next = e.nextPageAt ? ` · ${t('crisis.alert.nextPage', { when: formatMoment(e.nextPageAt, timezone, language) })}` : '';
    blocks.push(context(`${t('crisis.alert.paging', { who: facts.strategists.join(' ') })}${next}`));
  }
  blocks.push(actions(`${blockIds.escalationActions}_${e.id}`, alertButtons(facts, t)));
  // The notification text carries the mentions: that is what pings the strategists on the first post.
  const mentions = e.status === 'open' && facts.strategists.length ? ` ${facts.strategists.join(' ')}` : '';
  return { text: `${title}: ${e.summary}${mentions}`, blocks: messageBlocks(blocks) };
}

/** raisedVia as stored (a string column), to its message key; an unknown value reads as a button. */
export function viaKey(raisedVia: string): RaisedVia {
  const parsed = raisedViaSchema.safeParse(raisedVia);
  return parsed.success ? parsed.data : 'slack_button';
}
