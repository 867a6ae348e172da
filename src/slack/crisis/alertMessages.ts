import { getBrand, listPeopleWithRole, type BrandView } from '../../core/brands.js';
import type { Ctx } from '../../core/context.js';
import { getEscalation, getEscalationTimeline, getSentimentPicture, setAlertMessage, type EscalationView } from '../../core/escalations.js';
import type { EscalationActor } from '../../core/escalationTimeline.js';
import { mentionChannel, mentionUser } from '../blocks/format.js';
import type { SlackDeps } from '../deps.js';
import type { Answer } from '../errorBoundary.js';
import { translator } from '../turns.js';
import { loadActorText, type ActorText } from './actors.js';
import { renderAlert, type CrisisText } from './alertBlocks.js';
import { crisisChannelFor } from './channels.js';

export type SlackRef = { channelId: string; ts: string };

/** Everything a crisis message about one escalation is rendered with, read fresh. */
export type CrisisScene = { escalation: EscalationView; brand: BrandView; text: CrisisText; actor: ActorText; strategists: string[] };

function slackErrorCode(error: unknown): string | null {
  const data = typeof error === 'object' && error !== null ? (error as { data?: { error?: unknown } }).data : undefined;
  return typeof data?.error === 'string' ? data.error : null;
}

/** Slack's answers that mean "not there, and retrying will not help". */
const unreachable = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'message_not_found', 'cant_update_message']);

export function isUnreachable(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code !== null && unreachable.has(code);
}

/** The brand's strategists in Slack, as mentions; a brand with none pages its admins, so nobody is left unpaged. */
export async function strategistMentions(ctx: Ctx, brandId: number): Promise<string[]> {
  let people = await listPeopleWithRole(ctx, brandId, ['strategist'], 'slack');
  if (people.length === 0) people = await listPeopleWithRole(ctx, brandId, ['admin'], 'slack');
  return people.map((m) => mentionUser(m.person.externalId));
}

export async function loadCrisisScene(ctx: Ctx, escalationId: number, more: readonly (EscalationActor | null)[] = []): Promise<CrisisScene> {
  const escalation = await getEscalation(ctx, { escalationId });
  const brand = await getBrand(ctx, escalation.brandId);
  const t = translator(brand.settings.language);
  const actor = await loadActorText(ctx, [escalation.raisedBy, escalation.acknowledgedBy, escalation.resolvedBy, ...more], t);
  return {
    escalation,
    brand,
    text: { t, language: brand.settings.language, timezone: brand.settings.timezone },
    actor,
    strategists: await strategistMentions(ctx, brand.id),
  };
}

/** A line saying where the escalation came from, when it was not an interaction card or a command. */
async function originLine(deps: SlackDeps, scene: CrisisScene): Promise<string | null> {
  const { escalation: e, text } = scene;
  const origin = e.originRef;
  if (e.raisedVia === 'automod') return text.t('crisis.origin.automod');
  if (origin?.platform === 'discord') return text.t('crisis.origin.discord');
  if (origin?.platform === 'slack' && origin.channelId && origin.messageId) {
    try {
      const link = await deps.client.chat.getPermalink({ channel: origin.channelId, message_ts: origin.messageId });
      if (link.permalink) return text.t('crisis.origin.slackMessage', { link: link.permalink, channel: mentionChannel(origin.channelId) });
    } catch (error) {
      deps.log.debug({ err: error, escalationId: e.id }, 'no permalink for the escalated message');
    }
    return text.t('crisis.origin.slackChannel', { channel: mentionChannel(origin.channelId) });
  }
  return null;
}

export async function renderAlertFor(deps: SlackDeps, scene: CrisisScene): Promise<Answer> {
  const picture = await getSentimentPicture(deps.ctx, { brandId: scene.brand.id });
  return renderAlert({ ...scene, picture, origin: await originLine(deps, scene) }, scene.text);
}

/**
 * Posts the alert to the brand's crisis channel and remembers it, so every later change
 * updates it in place. An escalation whose alert is already out is left alone (a replayed
 * event must not post a second alert). Null when the brand has nowhere to post in Slack.
 */
export async function postAlert(deps: SlackDeps, escalationId: number): Promise<SlackRef | null> {
  const scene = await loadCrisisScene(deps.ctx, escalationId);
  const { escalation } = scene;
  if (escalation.alert?.platform === 'slack') return { channelId: escalation.alert.channelId, ts: escalation.alert.messageId };
  const raisedIn = escalation.originRef?.platform === 'slack' ? (escalation.originRef.channelId ?? null) : null;
  const channel = await crisisChannelFor(deps.ctx, scene.brand, raisedIn);
  if (!channel) {
    deps.log.warn({ escalationId, brandId: scene.brand.id }, 'no Slack channel for the crisis alert');
    return null;
  }
  const alert = await renderAlertFor(deps, scene);
  try {
    const posted = await deps.client.chat.postMessage({ channel, text: alert.text, blocks: alert.blocks });
    if (!posted.ts || !posted.channel) throw new Error('chat.postMessage answered without ts or channel');
    await setAlertMessage(deps.ctx, { escalationId, platform: 'slack', channelId: posted.channel, messageId: posted.ts });
    return { channelId: posted.channel, ts: posted.ts };
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    deps.log.warn({ err: error, escalationId, channel }, 'the crisis channel refused the alert');
    return null;
  }
}

/** Redraws the alert from the current state; an escalation whose alert never went out gets it now. */
export async function refreshAlert(deps: SlackDeps, scene: CrisisScene): Promise<SlackRef | null> {
  const alert = scene.escalation.alert;
  if (alert?.platform !== 'slack') return postAlert(deps, scene.escalation.id);
  const answer = await renderAlertFor(deps, scene);
  try {
    await deps.client.chat.update({ channel: alert.channelId, ts: alert.messageId, text: answer.text, blocks: answer.blocks });
  } catch (error) {
    // Someone deleted the alert or removed Tandem: the thread replies still tell the story.
    if (!isUnreachable(error)) throw error;
    deps.log.warn({ err: error, escalationId: scene.escalation.id }, 'could not update the crisis alert');
  }
  return { channelId: alert.channelId, ts: alert.messageId };
}

/** A reply in the alert's thread, where the whole story of the crisis is told. */
export async function postInThread(deps: SlackDeps, at: SlackRef, answer: Answer): Promise<void> {
  try {
    await deps.client.chat.postMessage({ channel: at.channelId, thread_ts: at.ts, text: answer.text, ...(answer.blocks ? { blocks: answer.blocks } : {}) });
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    deps.log.warn({ err: error, channel: at.channelId }, 'could not reply in the crisis thread');
  }
}

/** The latest step of a kind on the timeline: what a thread reply about that change tells. */
export async function latestStep(ctx: Ctx, escalationId: number, type: string) {
  const entries = await getEscalationTimeline(ctx, { escalationId });
  return entries.filter((entry) => entry.type === type).at(-1) ?? null;
}

/** A permalink to the alert, for answers that point people at it; null when Slack has none. */
export async function alertLink(deps: SlackDeps, escalation: EscalationView): Promise<string | null> {
  if (escalation.alert?.platform !== 'slack') return null;
  try {
    const link = await deps.client.chat.getPermalink({ channel: escalation.alert.channelId, message_ts: escalation.alert.messageId });
    return link.permalink ?? null;
  } catch (error) {
    deps.log.debug({ err: error, escalationId: escalation.id }, 'no permalink for the alert');
    return null;
  }
}
