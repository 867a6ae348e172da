import type { AdapterDeps, RunningAdapter } from '../app.js';
import { buildSlackApp } from './app.js';
import { createSlackDelivery } from './digest/delivery.js';
import { slackRequestScope } from './requestScope.js';
import { slackRetryGuard } from './retryGuard.js';

function slackErrorCode(error: unknown): string | null {
  const code = typeof error === 'object' && error !== null ? (error as { data?: { error?: unknown } }).data?.error : undefined;
  return typeof code === 'string' ? code : null;
}

/** Startup fails loudly and says which setting to fix: a wrong token is the usual cause. */
function describeStartFailure(error: unknown): string {
  const code = slackErrorCode(error);
  if (code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive' || code === 'token_revoked') {
    return `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page.`;
  }
  if (code === 'not_allowed_token_type') return `Slack refused SLACK_APP_TOKEN (${code}): it must be an app-level token (xapp-…) with connections:write.`;
  return `Slack could not be reached to verify the bot token: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Tandem's Slack adapter as the app starts it: credentials from the config, Bolt's
 * endpoint mounted on Tandem's own HTTP server (HTTP mode) or a socket (Socket Mode).
 */
export async function startSlackAdapter(deps: AdapterDeps): Promise<RunningAdapter> {
  const { config } = deps;
  if (!config.SLACK_BOT_TOKEN || !config.SLACK_SIGNING_SECRET) throw new Error('Slack needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
  const slack = await buildSlackApp({
    ctx: deps.ctx,
    subscribe: deps.events.subscribe,
    log: deps.log.child({ platform: 'slack' }),
    botToken: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    metrics: deps.metrics,
  }).catch((error: unknown) => {
    throw new Error(describeStartFailure(error), { cause: error });
  });
  // Request ids in the logs, and in-flight work a graceful stop waits for.
  slack.app.use(slackRequestScope(deps.inFlight));
  // Slack's retries of a request another replica is still handling are not done twice.
  slack.app.use(slackRetryGuard(deps.ctx, deps.log.child({ platform: 'slack' })));
  if (slack.route) deps.http.addRoute(slack.route);
  return {
    name: 'slack',
    status: () => (slack.isConnected() ? 'connected' : 'disconnected'),
    stop: () => slack.stop(),
    // Digests, approval nudges and SLA alerts from the scheduled jobs.
    delivery: createSlackDelivery({ ctx: deps.ctx, log: deps.log.child({ platform: 'slack' }), client: slack.app.client }),
  };
}
