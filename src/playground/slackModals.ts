import type { HomeView, ModalView } from '@slack/types';
import type { FakeSlackApi, Recorded } from './slack/fakeSlackApi.js';
import type { SlackView } from './slack/fakeSlackWorkspace.js';

/**
 * Which modals each person has open, as Slack's client keeps them: a stack per person
 * (views.open starts one, views.push adds to it, submitting closes the top one), and the
 * validation errors the app answered for a view. The stand-in records views; this is the
 * screen's side of the story.
 */
export type ModalStacks = {
  /** The modal on top of this person's screen, with the errors shown in it. */
  top(userId: string): { view: SlackView; errors: Record<string, string> } | null;
  /** What Slack does with the app's answer to a view_submission. */
  applySubmissionAnswer(userId: string, viewId: string, answer: unknown): SubmissionOutcome;
  close(userId: string, viewId: string): void;
  /** Follows views.open / views.push / views.update made by the app. */
  observe(entry: Recorded): void;
};

export type SubmissionOutcome =
  | { kind: 'closed' }
  | { kind: 'errors'; errors: Record<string, string> }
  | { kind: 'updated' }
  | { kind: 'pushed' }
  | { kind: 'cleared' };

type ResponseAction =
  | { response_action: 'errors'; errors: Record<string, string> }
  | { response_action: 'update' | 'push'; view: ModalView }
  | { response_action: 'clear' };

function isResponseAction(answer: unknown): answer is ResponseAction {
  return typeof answer === 'object' && answer !== null && 'response_action' in answer;
}

export function createModalStacks(api: FakeSlackApi): ModalStacks {
  const stacks = new Map<string, string[]>();
  const errors = new Map<string, Record<string, string>>();
  const stackOf = (userId: string) => stacks.get(userId) ?? [];

  const remove = (userId: string, viewId: string) => {
    stacks.set(userId, stackOf(userId).filter((id) => id !== viewId));
    errors.delete(viewId);
    api.workspace.views.delete(viewId);
  };

  const materialize = (view: ModalView | HomeView, userId: string, previous: SlackView | null) => {
    const stored = api.workspace.materializeView(view, userId, previous);
    api.workspace.views.set(stored.id, stored);
    return stored;
  };

  return {
    top(userId) {
      const id = stackOf(userId).at(-1);
      const view = id ? api.workspace.views.get(id) : undefined;
      return view ? { view, errors: errors.get(view.id) ?? {} } : null;
    },

    applySubmissionAnswer(userId, viewId, answer) {
      if (!isResponseAction(answer)) {
        remove(userId, viewId);
        return { kind: 'closed' };
      }
      switch (answer.response_action) {
        case 'errors':
          errors.set(viewId, answer.errors);
          return { kind: 'errors', errors: answer.errors };
        case 'update': {
          errors.delete(viewId);
          materialize(answer.view, userId, api.workspace.views.get(viewId) ?? null);
          return { kind: 'updated' };
        }
        case 'push': {
          const pushed = materialize(answer.view, userId, null);
          stacks.set(userId, [...stackOf(userId), pushed.id]);
          return { kind: 'pushed' };
        }
        case 'clear':
          for (const id of stackOf(userId)) remove(userId, id);
          return { kind: 'cleared' };
      }
    },

    close: remove,

    observe(entry) {
      if (entry.kind !== 'api' || !entry.answer?.ok) return;
      const view = entry.answer.view as { id?: string } | undefined;
      if (!view?.id) return;
      const stored = api.workspace.views.get(view.id);
      if (!stored?.user || stored.type !== 'modal') return;
      if (entry.method === 'views.open') stacks.set(stored.user, [stored.id]);
      else if (entry.method === 'views.push') stacks.set(stored.user, [...stackOf(stored.user), stored.id]);
      else if (entry.method === 'views.update') errors.delete(stored.id);
    },
  };
}
