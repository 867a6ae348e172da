import type {
  AllMiddlewareArgs,
  BlockAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackShortcut,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { isUserError, UserError } from '../core/errors.js';
import type { SlackDeps } from './deps.js';
import { answerForError, withErrorBoundary, type Answer, type Outcome, type TurnState } from './errorBoundary.js';
import { placeForBrand, resolveSlackPerson, resolveSlackPlace, type SlackWho } from './place.js';
import { postToResponseUrl, tellPrivately } from './replies.js';
import { translator, type SlackActionDefinition, type SlackCommandDefinition, type SlackShortcutDefinition, type SlackViewDefinition } from './turns.js';
import { readMetadata } from './views/metadata.js';

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
function meter(deps: SlackDeps, command: string) {
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

export function viewListener(deps: SlackDeps, definition: SlackViewDefinition) {
  return async ({ body, view, ack }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const state: TurnState = { language: 'en' };
    const where = { view: definition.callbackId, user: body.user.id };
    const metered = meter(deps, definition.callbackId);
    let acknowledged = false;
    try {
      const metadata = readMetadata(view.private_metadata);
      const who: SlackWho = { teamId: body.team?.id ?? body.user.team_id ?? '', teamName: body.team?.domain, channelId: metadata.channelId, userId: body.user.id, userName: body.user.name };
      const person = await resolveSlackPerson(deps.ctx, who);
      const place = await placeForBrand(deps.ctx, person, metadata.brandId, who);
      state.language = place.language;
      const outcome = await definition.submit({ deps, body, view, metadata, person, place, t: translator(place.language) });
      acknowledged = true;
      if (outcome.kind === 'errors') {
        await ack({ response_action: 'errors', errors: outcome.errors });
        metered.acked();
        return void metered.done('refused');
      }
      if (outcome.kind === 'update') await ack({ response_action: 'update', view: outcome.view });
      else await ack();
      metered.acked();
      if (outcome.kind === 'update' || !outcome.after) return void metered.done('ok');
      const after = outcome.after;
      const tell = (answer: Answer) => tellPrivately(deps, body.user.id, metadata.channelId, answer);
      metered.done(await withErrorBoundary(deps.log, state, tell, where, () => after(tell)));
    } catch (error) {
      // Before the modal closes, the answer belongs in the modal itself, under its main field.
      const answer = answerForError(error, state, deps.log, where);
      const field = (isUserError(error) && definition.fieldForError?.[error.code]) || definition.errorBlockId;
      if (!acknowledged) await ack({ response_action: 'errors', errors: { [field]: answer.text } });
      else deps.log.error({ err: error, errorId: answer.errorId, ...where }, 'view submission failed after ack');
      metered.done(answer.errorId ? 'failed' : 'refused');
    }
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
