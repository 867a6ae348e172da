import { buildPostmortem } from '../../core/escalations.js';
import type { DomainEvent, DomainEventListener } from '../../core/notifier.js';
import { section } from '../blocks/kit.js';
import type { SlackDeps } from '../deps.js';
import { latestStep, loadCrisisScene, postInThread, refreshAlert, type CrisisScene, type SlackRef } from './alertMessages.js';
import { renderPage } from './pageBlocks.js';
import { summarizeFor } from './postmortemSummary.js';
import { renderPostmortem } from './postmortemBlocks.js';
import { timelineText } from './timelineBlocks.js';

type EscalationUpdate = Extract<DomainEvent, { type: 'escalation.updated' }>;

/** Tells the latest step of a kind in the thread (acknowledged, a note, a link, the freeze). */
async function tellStep(deps: SlackDeps, at: SlackRef, scene: CrisisScene, type: string): Promise<void> {
  const step = await latestStep(deps.ctx, scene.escalation.id, type);
  if (!step) return;
  // The step may name someone the alert does not (a note's author): load them too.
  const { actor, text } = step.actor ? await loadCrisisScene(deps.ctx, scene.escalation.id, [step.actor]) : scene;
  const line = timelineText(step, actor, text);
  await postInThread(deps, at, { text: line, blocks: [section(line)] });
}

async function followUpdate(deps: SlackDeps, event: EscalationUpdate): Promise<void> {
  const scene = await loadCrisisScene(deps.ctx, event.escalationId);
  const { alert } = scene.escalation;
  const hadAlert = alert !== null;
  // A note changes nothing the alert shows: it is told in the thread only.
  const at = event.change === 'note' && alert?.platform === 'slack' ? { channelId: alert.channelId, ts: alert.messageId } : await refreshAlert(deps, scene);
  if (!at) return;
  switch (event.change) {
    case 'paged':
      // An alert that only went out now (Slack was down at the raise) is itself the page.
      if (hadAlert) await postInThread(deps, at, renderPage(scene.escalation, scene.strategists, deps.ctx.clock.now(), scene.text));
      return;
    case 'resolved': {
      const postmortem = await buildPostmortem(deps.ctx, { escalationId: event.escalationId });
      const summary = await summarizeFor(deps.ctx, scene.brand, postmortem);
      return postInThread(deps, at, renderPostmortem(postmortem, summary, scene.actor, scene.text));
    }
    case 'acknowledged':
    case 'note':
    case 'linked':
      return tellStep(deps, at, scene, event.change);
  }
}

async function followFreeze(deps: SlackDeps, escalationId: number, step: 'frozen' | 'unfrozen'): Promise<void> {
  const scene = await loadCrisisScene(deps.ctx, escalationId);
  // The Lift freeze button comes and goes with the freeze.
  const at = await refreshAlert(deps, scene);
  if (at) await tellStep(deps, at, scene, step);
}

/**
 * Keeps Slack's side of every crisis in step with the core, whoever caused the change
 * (a button, a command, Discord, automod, the re-page job): the alert is posted once and
 * updated in place, and each step is told in its thread. Events are published in the
 * process that made the change, so each is told once.
 */
export function crisisAlertSync(deps: SlackDeps): DomainEventListener {
  return async (event) => {
    if (event.type === 'escalation.raised') await refreshAlert(deps, await loadCrisisScene(deps.ctx, event.escalationId));
    else if (event.type === 'escalation.updated') await followUpdate(deps, event);
    else if (event.type === 'publishing.frozen') await followFreeze(deps, event.escalationId, 'frozen');
    else if (event.type === 'publishing.unfrozen' && event.escalationId !== null) await followFreeze(deps, event.escalationId, 'unfrozen');
  };
}
