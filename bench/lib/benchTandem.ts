// Tandem started in this process as `npm start` wires it (startTandem: HTTP server, Bolt
// on POST /slack/events, discord.js on the gateway, database, metrics), calling the
// stand-ins at the given URLs, with a brand whose #social channel has a strategist and a
// community manager.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTandem, type Tandem } from '../../src/app.js';
import { configSchema } from '../../src/config.js';
import { createBrand, setRole, useBrandInChannel } from '../../src/core/brands.js';
import { silentLog, type Log } from '../../src/core/log.js';
import { resolvePerson, type PersonRef } from '../../src/core/people.js';
import type { Store } from '../../src/db/database.js';
import type { SlackActor } from '../../src/playground/slack/payloads.js';
import { openBenchDatabase, type BenchDatabase } from './benchDatabase.js';

export const benchSigningSecret = 'bench-signing-secret-5b1c0f3e9a';
export const benchBotToken = 'xoxb-1111111111-2222222222-benchbenchbenchbench';
export const benchChannel = 'C0BENCHSOCIAL';

export type BenchTandem = {
  tandem: Tandem;
  endpoint: string;
  strategist: SlackActor;
  cm: SlackActor;
  close(): Promise<void>;
};

export type BenchTandemOptions = {
  store: Store;
  postgresUrl: string | undefined;
  /** The Slack Web API stand-in. */
  apiUrl: string;
  /** The Discord stand-in; unset, Discord is off. */
  discord?: { apiUrl: string; token: string };
  log?: Log;
};

/** Embedded: a fresh DATA_DIR (PGlite on disk, as in production). PostgreSQL: a throwaway database. */
export async function startBenchTandem(options: BenchTandemOptions): Promise<BenchTandem> {
  const { store, postgresUrl } = options;
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-bench-'));
  let postgres: BenchDatabase | null = null;
  if (store === 'postgres') {
    postgres = await openBenchDatabase('postgres', postgresUrl, 1);
    await postgres.db.$disconnect();
  }
  const config = configSchema.parse({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PLAYGROUND: '0',
    SLACK_BOT_TOKEN: benchBotToken,
    SLACK_SIGNING_SECRET: benchSigningSecret,
    SLACK_API_URL: options.apiUrl,
    ...(options.discord ? { DISCORD_TOKEN: options.discord.token, DISCORD_API_URL: options.discord.apiUrl } : {}),
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
  });
  const tandem = await startTandem(config, options.log ?? silentLog, { jobs: [] });
  const ctx = tandem.ctx;
  const person = (id: string, name: string): Promise<PersonRef> => resolvePerson(ctx, { platform: 'slack', externalId: id, displayName: name });
  const admin = await person('UBENCHADMIN', 'admin');
  const strategist = await person('UBENCHSTRAT', 'strategist');
  const cm = await person('UBENCHCM', 'cm');
  const brand = await createBrand(ctx, { name: 'Bench Coffee', actorId: admin.id });
  await setRole(ctx, { brandId: brand.id, actorId: admin.id, targetPersonId: strategist.id, role: 'strategist' });
  await setRole(ctx, { brandId: brand.id, actorId: admin.id, targetPersonId: cm.id, role: 'community_manager' });
  await useBrandInChannel(ctx, { slug: brand.slug, actorId: admin.id, platform: 'slack', channelId: benchChannel });
  return {
    tandem,
    endpoint: `http://127.0.0.1:${tandem.http.port}/slack/events`,
    strategist: { id: strategist.externalId, name: 'strategist' },
    cm: { id: cm.externalId, name: 'cm' },
    async close() {
      await tandem.stop();
      await postgres?.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
