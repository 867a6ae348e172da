import { App, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Ctx } from '../core/context.js';
import type { Log } from '../core/log.js';
import type { DomainEventListener } from '../core/notifier.js';
import type { Route } from '../http/server.js';
import type { Metrics } from '../observability/metrics.js';
import { toBoltLogger } from './boltLogger.js';
import { followCrisis } from './crisis/follow.js';
import type { SlackDeps } from './deps.js';
import { homeOpenedListener } from './home.js';
import { registerDispatchers } from './dispatch.js';
import { eventNames } from './ids.js';
import { slackFrontDoor } from './afterAck.js';
import { refuseReplays } from './replayGuard.js';
import { authorNoticeSync } from './sync/authorNotices.js';
import { postMessageSync } from './sync/postMessages.js';

export const slackEventsPath = '/slack/events';

/**
 * Interactive answers are worth retrying briefly, not for the web client's default half
 * hour: a person is waiting, and a reply that arrives 20 minutes late is worse than an
 * error they can see.
 */
export const defaultSlackRetries: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000, randomize: true };

export type SlackAppOptions = {
  ctx: Ctx;
  /** The notifier's subscribe: post messages follow the post whoever changes it. */
  subscribe: (listener: DomainEventListener) => () => void;
  log: Log;
  botToken: string;
  signingSecret: string;
  /** Set: Socket Mode (development, no public URL). Unset: HTTP on POST /slack/events. */
  appToken?: string;
  /** The Web API base; tests and the playground point it at the stand-in. */
  apiUrl?: string;
  retryConfig?: webApi.RetryOptions;
  metrics?: Metrics;
  /** See viewListener.ts; tests shorten it to see what a slow submission gets. */
  viewAnswerWithinMs?: number;
};

export type SlackApp = {
  app: App;
  mode: 'http' | 'socket';
  /** Mounted on Tandem's HTTP server in HTTP mode, so one port serves Slack and /healthz. */
  route: Route | null;
  /** HTTP: always (Slack calls us). Socket Mode: while the socket is open. */
  isConnected(): boolean;
  stop(): Promise<void>;
};

function register(app: App, deps: SlackDeps): void {
  // One listener per kind, dispatching by id: cheaper acknowledgements (see dispatch.ts).
  registerDispatchers(app, deps);
  app.event(eventNames.appHomeOpened, homeOpenedListener(deps));
  // Listeners answer through the error boundary; this only sees errors outside them (middleware).
  app.error(async (error) => {
    deps.log.error({ err: error }, 'slack app error outside a handler');
  });
}

/**
 * Builds Tandem's Bolt app, verifies the bot token (Bolt calls auth.test, so the Web API —
 * or its stand-in — must be up), registers every listener and starts following post
 * events. In HTTP mode the caller mounts `route`; in Socket Mode the app connects itself.
 */
export async function buildSlackApp(options: SlackAppOptions): Promise<SlackApp> {
  const logger = toBoltLogger(options.log);
  const clientOptions: webApi.WebClientOptions = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: options.retryConfig ?? defaultSlackRetries,
  };
  const http = options.appToken ? null : new HTTPReceiver({ signingSecret: options.signingSecret, endpoints: slackEventsPath, logger });
  const socket = options.appToken ? new SocketModeReceiver({ appToken: options.appToken, logger, installerOptions: { clientOptions } }) : null;
  let socketOpen = false;
  socket?.client.on('connected', () => (socketOpen = true));
  socket?.client.on('disconnected', () => (socketOpen = false));
  const receiver = http ?? socket;
  if (!receiver) throw new Error('no Slack receiver');
  const app = new App({ token: options.botToken, logger, clientOptions, deferInitialization: true, receiver });
  await app.init();
  const deps: SlackDeps = {
    ctx: options.ctx,
    log: options.log,
    client: app.client,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.viewAnswerWithinMs !== undefined ? { viewAnswerWithinMs: options.viewAnswerWithinMs } : {}),
  };
  register(app, deps);
  const unsubscribePosts = options.subscribe(postMessageSync(deps));
  const unsubscribeAuthors = options.subscribe(authorNoticeSync(deps));
  const crisis = followCrisis(deps, options.subscribe);
  if (socket) await app.start();
  return {
    app,
    mode: socket ? 'socket' : 'http',
    route: http
      ? {
          method: 'POST',
          path: slackEventsPath,
          // Bolt's own listener: signature check, body parsing, ack timing, all as Bolt does
          // them; a request replayed unchanged is refused first (replayGuard.ts).
          handler: refuseReplays((req, res) => {
            // Counted until answered, so the work after earlier acks lets this one go first.
            res.once('close', slackFrontDoor.enter());
            return http.requestListener(req, res);
          }),
        }
      : null,
    isConnected: () => (socket ? socketOpen : true),
    async stop() {
      unsubscribePosts();
      unsubscribeAuthors();
      await crisis.stop();
      if (socket) await app.stop();
    },
  };
}
