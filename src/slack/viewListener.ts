import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { isUserError } from '../core/errors.js';
import { context, modal, section } from './blocks/kit.js';
import type { SlackDeps } from './deps.js';
import { answerForError, withErrorBoundary, type Answer, type TurnState } from './errorBoundary.js';
import { meter } from './listeners.js';
import { placeForBrand, resolveSlackPerson, type SlackWho } from './place.js';
import { tellPrivately } from './replies.js';
import { translator, type SlackViewDefinition, type Translate, type ViewOutcome } from './turns.js';
import { readMetadata } from './views/metadata.js';

/**
 * How long a modal's submission may take before Slack is answered anyway. Slack shows the
 * person an error if it has no answer within 3 s; this leaves room for the network and a
 * busy event loop.
 */
export const viewAnswerWithinMs = 2_000;

type Submitted = { ok: true; outcome: ViewOutcome } | { ok: false; error: unknown };

/** Where the answers go once the modal is no longer the place (the modal's channel, else a DM). */
type Reply = { tell(answer: Answer): Promise<void> };

/** A modal with only a message and a Close button: what the person sees while, or after, it is saved late. */
function renderNotice(view: ViewOutput, t: Translate, lines: string[]): ModalView {
  // The submitted view is what Slack sent: read it as untrusted, like any payload.
  const title: unknown = (view as { title?: { text?: unknown } }).title?.text;
  return modal({
    callbackId: `${view.callback_id}_notice`,
    title: typeof title === 'string' && title ? title : 'Tandem',
    close: t('slack.modal.close'),
    blocks: lines.map((line, i) => (i === 0 ? section(line) : context(line))),
  });
}

/**
 * Modal submissions are answered in the modal: its errors under the fields, or it closes.
 * That answer needs the work done, so the work runs before Slack is answered; when it takes
 * longer than Slack waits (a database under a flood of requests), the modal says it is still
 * saving, the work goes on, and the outcome comes in the modal if it is still open and, for a
 * refusal, in a message too (the form's answers are gone by then, so it says what to fix).
 */
export function viewListener(deps: SlackDeps, definition: SlackViewDefinition) {
  const answerWithinMs = deps.viewAnswerWithinMs ?? viewAnswerWithinMs;
  return async ({ body, view, ack }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const state: TurnState = { language: 'en' };
    const where = { view: definition.callbackId, user: body.user.id };
    const metered = meter(deps, definition.callbackId);
    let channelId: string | null = null;
    const reply: Reply = { tell: (answer) => tellPrivately(deps, body.user.id, channelId, answer) };
    const submitted: Promise<Submitted> = (async () => {
      try {
        const metadata = readMetadata(view.private_metadata);
        channelId = metadata.channelId;
        const who: SlackWho = { teamId: body.team?.id ?? body.user.team_id ?? '', teamName: body.team?.domain, channelId: metadata.channelId, userId: body.user.id, userName: body.user.name };
        const person = await resolveSlackPerson(deps.ctx, who);
        const place = await placeForBrand(deps.ctx, person, metadata.brandId, who);
        state.language = place.language;
        return { ok: true, outcome: await definition.submit({ deps, body, view, metadata, person, place, t: translator(place.language) }) };
      } catch (error) {
        return { ok: false, error };
      }
    })();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), answerWithinMs)));
    const inTime = await Promise.race([submitted, late]);
    clearTimeout(timer);

    if (inTime) {
      const answer = answerInModal(deps, definition, state, where, inTime);
      await ack(answer.ack);
      metered.acked();
      const { after } = answer;
      if (after) return void metered.done(await withErrorBoundary(deps.log, state, reply.tell, where, () => after(reply.tell)));
      return void metered.done(answer.outcome);
    }

    const t = translator(state.language);
    await ack({ response_action: 'update', view: renderNotice(view, t, [t('slack.modal.stillSaving')]) });
    metered.acked();
    deps.log.warn({ ...where, afterMs: answerWithinMs }, 'modal submission answered before its work was done');
    const result = await submitted;
    metered.done(await answerAfterModal(deps, state, where, view, reply, result));
  };
}

type InModal = { ack: Parameters<SlackViewMiddlewareArgs<ViewSubmitAction>['ack']>[0]; outcome: 'ok' | 'refused' | 'failed'; after?: NonNullable<Extract<ViewOutcome, { kind: 'close' }>['after']> };

function answerInModal(deps: SlackDeps, definition: SlackViewDefinition, state: TurnState, where: Record<string, unknown>, submitted: Submitted): InModal {
  if (!submitted.ok) {
    // Before the modal closes, the answer belongs in the modal itself, under its main field.
    const { error } = submitted;
    const answer = answerForError(error, state, deps.log, where);
    const field = (isUserError(error) && definition.fieldForError?.[error.code]) || definition.errorBlockId;
    return { ack: { response_action: 'errors', errors: { [field]: answer.text } }, outcome: answer.errorId ? 'failed' : 'refused' };
  }
  const { outcome } = submitted;
  if (outcome.kind === 'errors') return { ack: { response_action: 'errors', errors: outcome.errors }, outcome: 'refused' };
  if (outcome.kind === 'update') return { ack: { response_action: 'update', view: outcome.view }, outcome: 'ok' };
  return { ack: undefined, outcome: 'ok', ...(outcome.after ? { after: outcome.after } : {}) };
}

/** The outcome of a submission Slack was already answered for: in the modal if it is still open, and privately. */
async function answerAfterModal(
  deps: SlackDeps,
  state: TurnState,
  where: Record<string, unknown>,
  view: ViewOutput,
  reply: Reply,
  submitted: Submitted,
): Promise<'ok' | 'refused' | 'failed'> {
  const t = translator(state.language);
  const showInModal = async (next: ModalView) => {
    // Closed meanwhile: nothing to update, the message tells it.
    await deps.client.views.update({ view_id: view.id, view: next }).catch((error: unknown) => deps.log.debug({ err: error, ...where }, 'the modal is gone'));
  };
  const problems = !submitted.ok ? [answerForError(submitted.error, state, deps.log, where).text] : submitted.outcome.kind === 'errors' ? Object.values(submitted.outcome.errors) : null;
  if (problems) {
    const text = t('slack.modal.notSaved', { problems: problems.join(' ') });
    await showInModal(renderNotice(view, t, [text]));
    await reply.tell({ text, blocks: [section(text)] }).catch((error: unknown) => deps.log.error({ err: error, ...where }, 'could not tell the person their form was not saved'));
    return !submitted.ok && !isUserError(submitted.error) ? 'failed' : 'refused';
  }
  if (!submitted.ok) return 'failed';
  const { outcome } = submitted;
  if (outcome.kind === 'update') {
    await showInModal(outcome.view);
    return 'ok';
  }
  await showInModal(renderNotice(view, t, [t('slack.modal.savedLate')]));
  const after = outcome.kind === 'close' ? outcome.after : undefined;
  return after ? withErrorBoundary(deps.log, state, reply.tell, where, () => after(reply.tell)) : 'ok';
}
