import { linkInteraction, raiseEscalation, type EscalationView, type RaisedEscalation } from '../../core/escalations.js';
import type { SeverityName } from '../../core/escalationViews.js';
import { mentionChannel } from '../blocks/format.js';
import { section } from '../blocks/kit.js';
import type { SlackDeps } from '../deps.js';
import type { Answer } from '../errorBoundary.js';
import type { SlackPlace } from '../place.js';
import { translator, type Translate } from '../turns.js';
import { alertLink } from './alertMessages.js';
import type { CrisisMetadata } from './metadata.js';
import { severityTag, statusEmoji } from './labels.js';

export type SlackRaise = {
  severity: SeverityName;
  summary: string;
  raisedVia: 'slack_button' | 'slack_shortcut' | 'slack_command';
  interactionId?: number;
  message?: NonNullable<CrisisMetadata['message']>;
};

function say(text: string): Answer {
  return { text, blocks: [section(text)] };
}

async function whereTheAlertIs(deps: SlackDeps, escalation: EscalationView, t: Translate): Promise<string> {
  const link = await alertLink(deps, escalation);
  if (link) return t('crisis.raised.alertLink', { link });
  if (escalation.alert) return t('crisis.raised.alertChannel', { channel: mentionChannel(escalation.alert.channelId) });
  return t('crisis.raised.noChannel');
}

/** "Already in escalation #2": a second click links to the open escalation instead of raising another. */
export async function answerAlreadyEscalated(deps: SlackDeps, escalation: EscalationView, t: Translate): Promise<Answer> {
  const status = `${statusEmoji[escalation.status]} ${t(`slack.escalationStatus.${escalation.status}`)}`;
  const where = await whereTheAlertIs(deps, escalation, t);
  return say(t('crisis.raised.existing', { number: escalation.number, severity: severityTag(escalation.severity), status, where }));
}

async function answerRaised(deps: SlackDeps, escalation: RaisedEscalation, t: Translate): Promise<Answer> {
  if (escalation.existing) return answerAlreadyEscalated(deps, escalation, t);
  const lines = [t('crisis.raised.done', { number: escalation.number, severity: severityTag(escalation.severity), where: await whereTheAlertIs(deps, escalation, t) })];
  if (escalation.severity === 'sev1') lines.push(t('crisis.raised.frozen'));
  return say(lines.join('\n'));
}

/**
 * Raises an escalation from Slack (the Escalate button's modal, the message shortcut,
 * `/escalate`) and says where the alert is. The alert itself is posted by the crisis
 * listener as the core announces the escalation, the same way for every platform.
 */
export async function raiseFromSlack(deps: SlackDeps, place: SlackPlace, raise: SlackRaise): Promise<Answer> {
  const channelId = raise.message?.channelId ?? place.channelId;
  const escalation = await raiseEscalation(deps.ctx, {
    brandId: place.brand.id,
    actorId: place.person.id,
    severity: raise.severity,
    summary: raise.summary,
    raisedVia: raise.raisedVia,
    ...(raise.interactionId ? { interactionId: raise.interactionId } : {}),
    originRef: {
      platform: 'slack',
      userId: place.person.externalId,
      ...(channelId ? { channelId } : {}),
      ...(raise.message ? { messageId: raise.message.ts } : {}),
    },
  });
  return answerRaised(deps, escalation, translator(place.language));
}

/** Adds an interaction to an open escalation picked in the escalate form; the alert and its thread follow by events. */
export async function addToEscalation(deps: SlackDeps, place: SlackPlace, input: { escalationId: number; interactionId: number }): Promise<Answer> {
  const t = translator(place.language);
  const escalation = await linkInteraction(deps.ctx, { brandId: place.brand.id, actorId: place.person.id, ...input });
  const where = await whereTheAlertIs(deps, escalation, t);
  return say(t(escalation.linked ? 'crisis.linked.done' : 'crisis.linked.already', { id: input.interactionId, number: escalation.number, where }));
}
