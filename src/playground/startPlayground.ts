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
  const team = await ensurePlaygroundTeam(deps.ctx);
  const stops: (() => Promise<void>)[] = [async () => live.close()];
  const running: RunningAdapter[] = [];
  let slack: PlaygroundSlack | null = null;
  let discord: PlaygroundDiscord | null = null;

  try {
    const playedConfig: Record<string, unknown> = { ...config };
    if (!isSlackOn(config) && adapters.slack) {
      slack = await startPlaygroundSlack({
        signingSecret: randomBytes(16).toString('hex'),
        log,
        commands: listSlackCommands,
        onChange: () => live.publish({ type: 'slack' }),
      });
      const played = slack;
      stops.push(() => played.close());
      // Internal credentials: they only ever reach the stand-in on loopback.
      Object.assign(playedConfig, {
        SLACK_BOT_TOKEN: `xoxb-playground-${randomBytes(8).toString('hex')}`,
        SLACK_SIGNING_SECRET: slack.signingSecret,
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: slack.api.apiUrl,
      });
    }
    if (!isDiscordOn(config) && adapters.discord) {
      discord = await startPlaygroundDiscord({ log, onChange: () => live.publish({ type: 'discord' }) });
      const played = discord;
      stops.push(() => played.close());
      Object.assign(playedConfig, { DISCORD_TOKEN: discord.fake.token, DISCORD_APPLICATION_ID: discord.fake.applicationId, DISCORD_API_URL: discord.fake.apiUrl });
    }
    const adapterConfig = Object.freeze(playedConfig) as Config;
    if (slack && adapters.slack) {
      running.push(await adapters.slack({ ...deps, config: adapterConfig, log: log.child({ playground: 'slack' }) }));
      slack.setEndpoint(`http://127.0.0.1:${http.port}/slack/events`);
      for (const route of slackRoutes(slack)) http.addRoute(route);
    }
    if (discord && adapters.discord) {
      running.push(await adapters.discord({ ...deps, config: adapterConfig, log: log.child({ playground: 'discord' }) }));
      for (const route of discordRoutes(discord)) http.addRoute(route);
    }
    const sides = { slack: slack ? 'played' : 'real', discord: discord ? 'played' : 'real' } as const;
    http.addRoute(getJsonRoute('/playground/api/status', () => ({ ...sides, brand: team.brand.name })));
    for (const route of seedRoutes(deps.ctx, team, live)) http.addRoute(route);
    for (const route of pageRoutes(findWebRoot(), live)) http.addRoute(route);
  } catch (error) {
    await Promise.allSettled([...running.map((a) => a.stop()), ...stops.map((stop) => stop())]);
    throw error;
  }

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
      for (const stop of stops.slice(0, 1)) await stop();
      await Promise.allSettled(running.map((a) => a.stop()));
      await Promise.allSettled(stops.slice(1).map((stop) => stop()));
    },
  };
}
