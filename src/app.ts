import { isDiscordOn, isSlackOn, type Config } from './config.js';
import { simpleAssistant } from './core/assistant.js';
import { systemClock, type Clock } from './core/clock.js';
import type { Ctx } from './core/context.js';
import type { Log } from './core/log.js';
import { createNotifier } from './core/notifier.js';
import { openDatabase, type Database } from './db/database.js';
import { healthRoute } from './http/health.js';
import { startHttpServer, type HttpServer } from './http/server.js';
import { translate } from './i18n/catalog.js';

export type Tandem = {
  ctx: Ctx;
  http: HttpServer;
  database: Database;
  stop(): Promise<void>;
};

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
    : translate('en', 'platform.off', { platform: 'OpenAI', variables: 'OPENAI_API_KEY' }) + ' The offline assistant answers meanwhile.';
  return [slack, discord, ai];
}

/** Wires everything: config -> db -> core -> adapters -> scheduler. */
export async function startTandem(config: Config, log: Log, clock: Clock = systemClock): Promise<Tandem> {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }, log);
  const notify = createNotifier((error, event) => log.error({ err: error, event: event.type }, 'event listener failed'));
  const ctx: Ctx = { db: database.db, clock, log, ai: simpleAssistant, notify };
  let http: HttpServer;
  try {
    http = await startHttpServer(config.PORT, (error) => log.error({ err: error }, 'http handler failed'));
  } catch (error) {
    await database.close();
    throw error;
  }
  http.addRoute(healthRoute(database.db));
  for (const line of describePlatforms(config)) log.info(line);
  return {
    ctx,
    http,
    database,
    async stop() {
      await http.close();
      await database.close();
    },
  };
}
