import type {
  AllMiddlewareArgs,
  BlockAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackShortcut,
  SlackShortcutMiddlewareArgs,
} from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { UserError } from '../core/errors.js';
import type { SlackDeps } from './deps.js';
import { withErrorBoundary, type Answer, type Outcome, type TurnState } from './errorBoundary.js';
import { placeForBrand, resolveSlackPlace, type SlackWho } from './place.js';
import { postToResponseUrl, tellPrivately } from './replies.js';
import { translator, type SlackActionDefinition, type SlackCommandDefinition, type SlackShortcutDefinition } from './turns.js';

/**
 * Adapters from Bolt's listener arguments to Tandem's turns. Each acknowledges Slack first
 * (Slack gives up after 3 s; the real work comes after), then runs the handler inside the
 * error boundary so the person always gets an answer.
 */

/**
 * Opens a modal with a trigger_id. Slack's trigger lives 3 s and works once; if it is gone
 * (a slow database, a double click), the person is asked to try again, not shown a bug.
 */
async function openModalWith(deps: SlackDeps, triggerId: string, view: ModalView): Promise<void> {
  try {
    await deps.client.views.open({ trigger_id: triggerId, view });
  } catch (error) {
    const code = typeof error === 'object' && error !== null ? (error as { data?: { error?: unknown } }).data?.error : undefined;
    if (code === 'expired_trigger_id' || code === 'exchanged_trigger_id') throw new UserError('slack.modal.triggerExpired');
    throw error;
  }
}

/** Times the acknowledgement (Slack's 3 s budget) and counts outcomes, for GET /metrics. */
/** Times the acknowledgement and counts the outcome of one request (GET /metrics). */
export function meter(deps: SlackDeps, command: string) {
  const started = performance.now();
  return {
    acked: () => deps.metrics?.commandSeconds.observe({ platform: 'slack', command }, (performance.now() - started) / 1000),
    done: (outcome: Outcome) => deps.metrics?.commands.inc({ platform: 'slack', command, outcome }),
  };
}

export function commandListener(deps: SlackDeps, definition: SlackCommandDefinition) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const metered = meter(deps, command.command);
    await ack();
    metered.acked();
    const state: TurnState = { language: 'en', usage: { usageKey: definition.usageKey, exampleKey: definition.exampleKey } };
    const tell = async (answer: Answer) => {
      await respond({ response_type: 'ephemeral', text: answer.text, ...(answer.blocks ? { blocks: answer.blocks } : {}) });
    };
    const announce = async (answer: Answer) => {
      await respond({ response_type: 'in_channel', text: answer.text, ...(answer.blocks ? { blocks: answer.blocks } : {}) });
    };
    const where = { command: command.command, user: command.user_id, channel: command.channel_id };
    const outcome = await withErrorBoundary(deps.log, state, tell, where, async () => {
      const place = await resolveSlackPlace(deps.ctx, {
        teamId: command.team_id,
        teamName: command.team_domain,
        channelId: command.channel_id,
        userId: command.user_id,
        userName: command.user_name,
      });
      state.language = place.language;
      const openModal = (view: ModalView) => openModalWith(deps, command.trigger_id, view);
      await definition.run({ deps, command, place, t: translator(place.language), tell, announce, openModal });
    });
    metered.done(outcome);
  };
}

function valueOf(action: BlockAction['actions'][number]): string | null {
  if ('value' in action && typeof action.value === 'string') return action.value;
  if ('selected_option' in action && action.selected_option) return action.selected_option.value ?? null;
  if ('selected_date' in action) return action.selected_date ?? null;
  return null;
}

export function actionListener(deps: SlackDeps, definition: SlackActionDefinition) {
  return async ({ body, ack }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    const metered = meter(deps, definition.actionId);
    await ack();
    metered.acked();
    const action = body.actions[0];
    if (!action) return;
    const channelId = body.channel?.id ?? (typeof body.container.channel_id === 'string' ? body.container.channel_id : null);
    const who: SlackWho = { teamId: body.team?.id ?? body.user.team_id ?? '', teamName: body.team?.domain, channelId, userId: body.user.id, userName: body.user.username ?? body.user.name };
    const state: TurnState = { language: 'en' };
    const responseUrl = body.response_url;
    const tell = async (answer: Answer) => {
      if (responseUrl) await postToResponseUrl(responseUrl, { response_type: 'ephemeral', replace_original: false, text: answer.text, ...(answer.blocks ? { blocks: answer.blocks } : {}) });
      else await tellPrivately(deps, body.user.id, body.view ? null : channelId, answer);
    };
    const replaceOriginal = async (answer: Answer) => {
      const messageTs = body.message?.ts;
      if (responseUrl) await postToResponseUrl(responseUrl, { replace_original: true, text: answer.text, ...(answer.blocks ? { blocks: answer.blocks } : {}) });
      else if (channelId && messageTs) await deps.client.chat.update({ channel: channelId, ts: messageTs, text: answer.text, ...(answer.blocks ? { blocks: answer.blocks } : {}) });
    };
    const where = { action: action.action_id, user: body.user.id, channel: channelId };
    const outcome = await withErrorBoundary(deps.log, state, tell, where, async () => {
      const place = await resolveSlackPlace(deps.ctx, who);
      state.language = place.language;
      const turn = {
        deps,
        body,
        value: valueOf(action),
        person: place.person,
        place,
        t: translator(place.language),
        async useBrand(brandId: number) {
          const switched = await placeForBrand(deps.ctx, place.person, brandId, who);
          state.language = switched.language;
          turn.place = switched;
          turn.t = translator(switched.language);
          return switched;
        },
        tell,
        replaceOriginal,
        openModal: (view: ModalView) => openModalWith(deps, body.trigger_id, view),
      };
      await definition.run(turn);
    });
    metered.done(outcome);
  };
}

export function shortcutListener(deps: SlackDeps, definition: SlackShortcutDefinition) {
  return async ({ shortcut, ack }: SlackShortcutMiddlewareArgs<SlackShortcut> & AllMiddlewareArgs): Promise<void> => {
    const metered = meter(deps, definition.callbackId);
    await ack();
    metered.acked();
    const message = shortcut.type === 'message_action' ? (shortcut as MessageShortcut) : null;
    const channelId = message?.channel.id ?? null;
    const userName = 'username' in shortcut.user ? shortcut.user.username : undefined;
    const who: SlackWho = { teamId: shortcut.team?.id ?? shortcut.user.team_id ?? '', teamName: shortcut.team?.domain, channelId, userId: shortcut.user.id, userName };
    const state: TurnState = { language: 'en' };
    const tell = (answer: Answer) => tellPrivately(deps, shortcut.user.id, channelId, answer);
    const outcome = await withErrorBoundary(deps.log, state, tell, { shortcut: definition.callbackId, user: shortcut.user.id }, async () => {
      const place = await resolveSlackPlace(deps.ctx, who);
      state.language = place.language;
      await definition.run({
        deps,
        person: place.person,
        place,
        t: translator(place.language),
        message: message
          ? { text: message.message.text ?? '', channelId: message.channel.id, ts: message.message.ts, user: message.message.user ?? null }
          : null,
        openModal: (view) => openModalWith(deps, shortcut.trigger_id, view),
        tell,
      });
    });
    metered.done(outcome);
  };
}
