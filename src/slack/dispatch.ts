import type { App, BlockAction, MessageShortcut, SlackShortcut, ViewSubmitAction } from '@slack/bolt';
import type { SlackDeps } from './deps.js';
import { commandNames } from './ids.js';
import { actionListener, commandListener, shortcutListener } from './listeners.js';
import { viewListener } from './viewListener.js';
import { slackActions, slackCommands, slackShortcuts, slackViews } from './registry.js';

/**
 * Registers Tandem's commands, actions, modals and shortcuts as one Bolt listener per kind
 * that looks the id up in a table. Bolt runs the matching middleware of every listener
 * for every request, before anything acknowledges it: with one listener per id (about 40)
 * that work made each acknowledgement cost a third more than a bare app's (measured with
 * 45 listeners against one, same machine). What matches is unchanged: the exact command
 * name, action_id, callback_id and type Bolt compared before.
 *
 * An id with no entry (a button or modal from an older version of Tandem, a command the
 * manifest still lists) is acknowledged and logged: left alone, Bolt would answer 404
 * after 3 s and the person would see an error. So every handler must be in the registry:
 * a listener added beside these for the same kind would be acknowledged twice.
 */
export function registerDispatchers(app: App, deps: SlackDeps): void {
  const commands = tableOf(slackCommands().map((c) => [commandNames[c.key], commandListener(deps, c)]));
  const actions = tableOf(slackActions.map((a) => [a.actionId, actionListener(deps, a)]));
  const views = tableOf(slackViews.map((v) => [v.callbackId, viewListener(deps, v)]));
  const shortcuts = tableOf(slackShortcuts.map((s) => [`${s.type}:${s.callbackId}`, shortcutListener(deps, s)]));
  const unknown = async (kind: string, id: string | undefined, ack: () => Promise<void>) => {
    deps.log.warn({ kind, id }, 'Slack sent an id Tandem does not handle: acknowledged and ignored');
    await ack();
  };
  app.command(/^\//, async (args) => {
    const listener = commands.get(args.command.command);
    await (listener ? listener(args) : unknown('command', args.command.command, () => args.ack()));
  });
  app.action<BlockAction>({ type: 'block_actions' }, async (args) => {
    const actionId = args.body.actions?.[0]?.action_id;
    const listener = actionId === undefined ? undefined : actions.get(actionId);
    await (listener ? listener(args) : unknown('action', actionId, () => args.ack()));
  });
  app.view<ViewSubmitAction>({ type: 'view_submission' }, async (args) => {
    const listener = views.get(args.view.callback_id);
    await (listener ? listener(args) : unknown('view', args.view.callback_id, () => args.ack()));
  });
  for (const type of ['shortcut', 'message_action'] as const) {
    app.shortcut<SlackShortcut>({ type }, async (args) => {
      const shortcut: SlackShortcut | MessageShortcut = args.shortcut;
      const listener = shortcuts.get(`${type}:${shortcut.callback_id}`);
      await (listener ? listener(args) : unknown('shortcut', shortcut.callback_id, () => args.ack()));
    });
  }
}

/** A lookup table; two handlers for one id is a wiring mistake, caught at startup. */
function tableOf<T>(entries: [string, T][]): Map<string, T> {
  const table = new Map<string, T>();
  for (const [id, handler] of entries) {
    if (table.has(id)) throw new Error(`two Slack handlers for "${id}"`);
    table.set(id, handler);
  }
  return table;
}
