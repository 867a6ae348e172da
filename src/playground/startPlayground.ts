import { randomBytes } from 'node:crypto';
import type { AdapterDeps, RunningAdapter } from '../app.js';
import { isDiscordOn, isSlackOn, type Config } from '../config.js';
import { listSlackCommands } from './commandCatalog.js';
import { startPlaygroundDiscord, type PlaygroundDiscord } from './discordDriver.js';
import { discordRoutes } from './discordRoutes.js';
import { getJsonRoute } from './jsonRoute.js';
import { createLiveEvents } from './liveEvents.js';
import { ensurePlaygroundTeam } from './playgroundTeam.js';
import { pageRoutes } from './playgroundRoutes.js';
import { seedRoutes } from './seedRoutes.js';
import { startPlaygroundSlack, type PlaygroundSlack } from './slackDriver.js';
import { slackRoutes } from './slackRoutes.js';
import { findWebRoot } from './staticFiles.js';

export type AdapterStarter = (deps: AdapterDeps) => Promise<RunningAdapter>;

/**
 * Promise.all that waits for every start to settle before failing: whatever did start is
 * then known, and stopped, instead of finishing in the background after the failure.
 */
async function settleAll<T extends readonly unknown[]>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = await Promise.allSettled(work);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** The real adapters, as app.ts starts them for real workspaces. */
export type PlaygroundAdapters = { slack?: AdapterStarter; discord?: AdapterStarter };

export type RunningPlayground = RunningAdapter & { url: string; slack: PlaygroundSlack | null; discord: PlaygroundDiscord | null };

/**
 * The playground: Slack's and Discord's side of the protocol, played in-process on
 * loopback, with Tandem's real adapters connected to them through internal credentials.
 * What works here works in a real workspace, because it is the same code path: Bolt gets
 * signed requests on POST /slack/events and calls the Web API; discord.js connects to a
 * gateway and calls REST. A platform connected for real is left alone (one adapter per
 * platform), and its pane says so.
 */
export async function startPlayground(deps: AdapterDeps, adapters: PlaygroundAdapters): Promise<RunningPlayground> {
  const { config, http, log } = deps;
  const live = createLiveEvents();
  const stops: (() => Promise<void>)[] = [];
  const running: RunningAdapter[] = [];
  const playSlack = !isSlackOn(config) && adapters.slack !== undefined;
  const playDiscord = !isDiscordOn(config) && adapters.discord !== undefined;
  /** Keeps what started, so a failure halfway stops it again. */
  const started = <T extends { close(): Promise<void> }>(side: T): T => {
    stops.push(() => side.close());
    return side;
  };

  try {
    // The stand-ins and the team do not depend on each other: start them side by side.
    const [team, slack, discord] = await settleAll([
      ensurePlaygroundTeam(deps.ctx),
      playSlack
        ? startPlaygroundSlack({ signingSecret: randomBytes(16).toString('hex'), log, commands: listSlackCommands, onChange: () => live.publish({ type: 'slack' }) }).then(started)
        : null,
      playDiscord ? startPlaygroundDiscord({ log, onChange: () => live.publish({ type: 'discord' }) }).then(started) : null,
    ]);
    // Internal credentials: they only ever reach the stand-ins on loopback.
    const adapterConfig = Object.freeze({
      ...config,
      ...(slack ? { SLACK_BOT_TOKEN: `xoxb-playground-${randomBytes(8).toString('hex')}`, SLACK_SIGNING_SECRET: slack.signingSecret, SLACK_APP_TOKEN: undefined, SLACK_API_URL: slack.api.apiUrl } : {}),
      ...(discord ? { DISCORD_TOKEN: discord.fake.token, DISCORD_APPLICATION_ID: discord.fake.applicationId, DISCORD_API_URL: discord.fake.apiUrl } : {}),
    }) satisfies Config;
    const startAdapter = async (starter: AdapterStarter | undefined, name: string) => {
      if (!starter) return;
      running.push(await starter({ ...deps, config: adapterConfig, log: log.child({ playground: name }) }));
    };
    await settleAll([slack ? startAdapter(adapters.slack, 'slack') : null, discord ? startAdapter(adapters.discord, 'discord') : null]);

    if (slack) {
      slack.setEndpoint(`http://127.0.0.1:${http.port}/slack/events`);
      for (const route of slackRoutes(slack)) http.addRoute(route);
    }
    if (discord) for (const route of discordRoutes(discord)) http.addRoute(route);
    const sides = { slack: slack ? 'played' : 'real', discord: discord ? 'played' : 'real' } as const;
    http.addRoute(getJsonRoute('/playground/api/status', () => ({ ...sides, brand: team.brand.name })));
    for (const route of seedRoutes(deps.ctx, team, live)) http.addRoute(route);
    for (const route of pageRoutes(findWebRoot(), live)) http.addRoute(route);

    const url = `http://localhost:${http.port}/`;
    log.info({ url }, `Playground: ${url} — try Tandem in your browser, no Slack or Discord needed`);
    return {
      name: 'playground',
      url,
      slack,
      discord,
      status: () => (running.every((a) => a.status() === 'connected') ? 'connected' : 'disconnected'),
      async stop() {
        // Live streams first: an open stream would keep the HTTP server from closing.
        live.close();
        await Promise.allSettled(running.map((a) => a.stop()));
        await Promise.allSettled(stops.map((stop) => stop()));
      },
    };
  } catch (error) {
    live.close();
    await Promise.allSettled(running.map((a) => a.stop()));
    await Promise.allSettled(stops.map((stop) => stop()));
    throw error;
  }
}
