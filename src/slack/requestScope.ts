import type { AllMiddlewareArgs, AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { InFlight } from '../observability/inFlight.js';
import { newRequestId, requestBindings, runInRequestScope, type RequestBindings } from '../observability/requestScope.js';

type Fields = Record<string, unknown>;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Fields)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** What a Slack request is about, for its log lines: the command, action, view or event, and who. */
export function describeSlackRequest(body: unknown): RequestBindings {
  const user = field(body, 'user');
  const event = field(body, 'event');
  const view = field(body, 'view');
  const action = field(field(body, 'actions'), '0');
  const what =
    text(field(body, 'command')) ??
    text(field(action, 'action_id')) ??
    text(field(view, 'callback_id')) ??
    text(field(body, 'callback_id')) ??
    text(field(event, 'type')) ??
    text(field(body, 'type'));
  // The adapter's logger already says platform: slack.
  return {
    slack: what,
    user: text(field(body, 'user_id')) ?? text(field(user, 'id')) ?? text(field(event, 'user')),
    team: text(field(body, 'team_id')) ?? text(field(field(body, 'team'), 'id')),
  };
}

/**
 * Bolt global middleware: each request runs in its own request scope (the HTTP request's
 * id, or a new one in Socket Mode) and counts as in flight until its listener is done —
 * well after the acknowledgement Slack got — so a graceful stop waits for it.
 */
export function slackRequestScope(inFlight: InFlight): Middleware<AnyMiddlewareArgs> {
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    const bindings = { requestId: requestBindings().requestId ?? newRequestId(), ...describeSlackRequest(args.body) };
    await inFlight.track(runInRequestScope(bindings, () => args.next()));
  };
}
