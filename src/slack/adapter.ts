import type { AdapterDeps, RunningAdapter } from '../app.js';
import { buildSlackApp } from './app.js';

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
  });
  if (slack.route) deps.http.addRoute(slack.route);
  return {
    name: 'slack',
    status: () => (slack.isConnected() ? 'connected' : 'disconnected'),
    stop: () => slack.stop(),
  };
}
