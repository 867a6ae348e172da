import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { createAssistant } from './ai/createAssistant.js';
import { isDiscordOn, isPlaygroundOn, isSlackOn, type Config } from './config.js';
import { systemClock, type Clock } from './core/clock.js';
import type { Ctx } from './core/context.js';
import type { Log } from './core/log.js';
import { createNotifier, type DomainEventListener } from './core/notifier.js';
import { openDatabase, type Database } from './db/database.js';
import { healthRoute } from './http/health.js';
import { metricsRoute, readyRoute } from './http/operatorRoutes.js';
import { startHttpServer, type HttpServer } from './http/server.js';
import { startDiscordAdapter } from './discord/adapter.js';
import { translate } from './i18n/catalog.js';
import { embeddedMaintenanceJob } from './jobs/embeddedMaintenance.js';
import { combineDeliveries, type Delivery } from './jobs/delivery.js';
import { buildJobs } from './jobs/index.js';
import type { Job } from './jobs/job.js';
import { releaseJobLeasesOf } from './jobs/leases.js';
import { startScheduler } from './jobs/scheduler.js';
import { createInFlight, type InFlight } from './observability/inFlight.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { registerQueueMetrics } from './observability/queueMetrics.js';
import { startPlayground } from './playground/startPlayground.js';
import { startSlackAdapter } from './slack/adapter.js';

export type PlatformState = 'connected' | 'disconnected' | 'off';

/** What an adapter hands back to the wiring: how to report on it and how to stop it. */
export type RunningAdapter = {
  name: string;
  status(): PlatformState;
  stop(): Promise<void>;
  /** How scheduled jobs post through this platform (digests, nudges, alerts), if they can. */
  delivery?: Delivery;
};

/** What every adapter is started with. */
export type AdapterDeps = {
  config: Config;
  ctx: Ctx;
  http: HttpServer;
  metrics: Metrics;
  log: Log;
  /** Work accepted and not finished (handlers after their ack, interactions): a graceful stop waits for it. */
  inFlight: InFlight;
  /** Domain events, for adapters that keep messages in step with what changed (post #N's message). */
  events: { subscribe(listener: DomainEventListener): () => void };
};

export type Tandem = {
  ctx: Ctx;
  http: HttpServer;
  database: Database;
  metrics: Metrics;
  adapters: RunningAdapter[];
  /** Requests accepted and not finished (Slack work after its ack, Discord interactions). */
  inFlight: InFlight;
  /** Identifies this replica in job leases. */
  owner: string;
  /** Every job built for this replica, scheduled or not (tests run one at an injected time with runJobOnce). */
  jobs: Job[];
  stop(): Promise<void>;
};

export type StartOptions = {
  clock?: Clock;
  /** Scheduled jobs to run (default all; tests pass [] and call job.run themselves). */
  jobs?: Job[];
};

/** Whether `work` finished within `ms` (it goes on either way). */
function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work.then(() => true, () => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Lines saying which platforms are on, and which variables turn the others on. */
export function describePlatforms(config: Config): string[] {
  const slack = isSlackOn(config)
    ? translate('en', 'platform.on', { platform: 'Slack', mode: config.SLACK_APP_TOKEN ? 'Socket Mode' : 'HTTP, POST /slack/events' })
    : translate('en', 'platform.off', { platform: 'Slack', variables: 'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET' });
  const discord = isDiscordOn(config)
    ? translate('en', 'platform.on', { platform: 'Discord', mode: 'gateway' })
    : translate('en', 'platform.off', { platform: 'Discord', variables: 'DISCORD_TOKEN' });
  const ai = config.OPENAI_API_KEY
    ? translate('en', 'platform.on', { platform: 'OpenAI', mode: config.OPENAI_MODEL })
    : `${translate('en', 'platform.off', { platform: 'OpenAI', variables: 'OPENAI_API_KEY' })} ${translate('en', 'assistant.offline')}`;
  return [slack, discord, ai];
}

/** Starts the platform adapters that are configured. Each adds its routes and listeners. */
async function startAdapters(deps: AdapterDeps): Promise<RunningAdapter[]> {
  const adapters: RunningAdapter[] = [];
  if (isSlackOn(deps.config)) adapters.push(await startSlackAdapter(deps));
  if (isDiscordOn(deps.config)) adapters.push(await startDiscordAdapter(deps));
  return adapters;
}

/** Wires everything: config -> db -> core -> adapters -> scheduler. */
export async function startTandem(config: Config, log: Log, options: StartOptions = {}): Promise<Tandem> {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }, log);
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const metrics = createMetrics();
  registerQueueMetrics(metrics, database.db, (error) => log.warn({ err: error }, 'could not read queue metrics'));
  const inFlight = createInFlight((count) => metrics.requestsInFlight.set(count));
  const notify = createNotifier((error, event) => log.error({ err: error, event: event.type }, 'event listener failed'));
  const ctx: Ctx = { db: database.db, clock: options.clock ?? systemClock, log, ai: createAssistant(config, log, { preload: true }), notify };
  let http: HttpServer;
  try {
    http = await startHttpServer(config.PORT, (error) => log.error({ err: error }, 'http handler failed'));
  } catch (error) {
    await database.close();
    throw error;
  }
  let stopping = false;
  const adapters: RunningAdapter[] = [];
  const platformStates = () => Object.fromEntries(adapters.map((a) => [a.name, a.status()]));
  http.addRoute(healthRoute(database.db));
  http.addRoute(readyRoute(database.db, platformStates, () => stopping));
  http.addRoute(metricsRoute(metrics));
  let playground: RunningAdapter | null = null;
  try {
    adapters.push(...(await startAdapters({ config, ctx, http, metrics, log, inFlight, events: notify })));
    // No tokens yet (or PLAYGROUND=1): Slack and Discord played in the browser, at / (issue 9).
    if (isPlaygroundOn(config)) playground = await startPlayground({ config, ctx, http, metrics, log, inFlight, events: notify }, { slack: startSlackAdapter, discord: startDiscordAdapter });
  } catch (error) {
    await http.close(0);
    await database.close();
    throw error;
  }
  const allJobs = buildJobs({ delivery: combineDeliveries(adapters.flatMap((a) => (a.delivery ? [a.delivery] : [])), log), owner });
  const scheduler = startScheduler(ctx, options.jobs ?? (database.store === 'embedded' ? [...allJobs, embeddedMaintenanceJob] : allJobs), owner, (job, outcome) => metrics.jobs.inc({ job: job.name, outcome }));
  for (const line of describePlatforms(config)) log.info(line);
  return {
    ctx,
    http,
    database,
    metrics,
    adapters,
    inFlight,
    owner,
    jobs: allJobs,
    /**
     * Graceful: stop taking work (readyz turns 503, new Slack requests get 503 and are
     * retried elsewhere, cron stops), let in-flight commands and running jobs finish (up
     * to SHUTDOWN_GRACE_SECONDS), give back every job lease this replica holds, close the
     * platforms (the Discord gateway), then the database.
     */
    async stop() {
      if (stopping) return;
      stopping = true;
      const started = Date.now();
      const left = () => Math.max(0, config.SHUTDOWN_GRACE_SECONDS * 1000 - (Date.now() - started));
      http.refuseNewWork();
      const [jobsDone, requestsDone] = await Promise.all([
        settlesWithin(scheduler.stop(), left()),
        inFlight.drain(left()),
      ]);
      if (!jobsDone || !requestsDone) log.warn({ jobsDone, requestsDone, inFlight: inFlight.count() }, 'stopping before everything finished: grace period over');
      // A job still running past the grace must not keep its job from the other replicas.
      const released = await releaseJobLeasesOf(database.db, owner, ctx.clock.now()).catch((error: unknown) => {
        log.warn({ err: error }, 'could not release job leases');
        return 0;
      });
      // The playground first: its live streams to the browser would hold the server open.
      await playground?.stop().catch((error: unknown) => log.warn({ err: error }, 'playground stop failed'));
      await Promise.all(adapters.map((a) => a.stop().catch((error: unknown) => log.warn({ err: error, adapter: a.name }, 'adapter stop failed'))));
      // Interactions that arrived while the gateway was closing.
      await inFlight.drain(Math.min(left(), 2_000));
      await http.close(Math.min(left(), 2_000));
      await database.close();
      log.info({ releasedLeases: released, stopMs: Date.now() - started }, 'stopped');
    },
  };
}
