import { createAssistant } from '../ai/createAssistant.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { systemClock } from '../core/clock.js';
import type { Ctx } from '../core/context.js';
import { silentLog } from '../core/log.js';
import { createNotifier } from '../core/notifier.js';
import { openDatabase } from '../db/database.js';
import { DataDirLockedError } from '../db/dataDirLock.js';
import { seedDemoBrand, type SeedProgress, type SeedSummary } from './demoSeed.js';
import { ensurePlaygroundTeam } from './playgroundTeam.js';

/**
 * `npm run demo:seed`: fills the playground's brand with a quarter of believable data.
 * When Tandem is running (the embedded database belongs to it then), it asks the running
 * playground to do it and shows the progress it streams; otherwise it opens the database
 * itself.
 */

type ProgressLine = SeedProgress & { finished: boolean; summary?: SeedSummary; error?: string };

const labels: Record<string, string> = {
  starting: 'Starting',
  metrics: '90 days of metrics on 4 networks',
  interactions: 'Interactions in English, Spanish and Italian',
  responses: 'Response times',
  goals: 'Goals',
  campaign: 'A running campaign',
  posts: 'Posts waiting for approval',
};

function showProgress(progress: SeedProgress): void {
  const width = 24;
  const filled = Math.round((progress.done / Math.max(progress.total, 1)) * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  process.stdout.write(`  ${bar} ${progress.done}/${progress.total}  ${labels[progress.step] ?? progress.step}\n`);
}

function showSummary(summary: SeedSummary): void {
  if (summary.alreadySeeded) {
    console.log('The demo brand already has its demo data: nothing to do.');
    return;
  }
  console.log(`Done: ${summary.metricDays} days of metrics, ${summary.interactions} interactions, ${summary.goals} goals, campaign "${summary.campaign}", ${summary.posts} posts planned.`);
}

/** Seeds through a running Tandem; false when none is listening with a playground. */
async function seedThroughRunningTandem(config: Config): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${config.PORT}/playground/api/seed`, { method: 'POST' });
  } catch {
    return false;
  }
  if (response.status === 404) return false;
  if (!response.ok || !response.body) throw new Error(`Tandem answered ${response.status}`);
  console.log(`Seeding through the running Tandem on port ${config.PORT}...`);
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body) {
    buffered += decoder.decode(chunk as Uint8Array, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter((l) => l.trim())) {
      const progress = JSON.parse(line) as ProgressLine;
      if (progress.error) throw new Error(progress.error);
      if (progress.summary) showSummary(progress.summary);
      else if (!progress.finished) showProgress(progress);
    }
  }
  return true;
}

async function seedDirectly(config: Config): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }, silentLog);
  try {
    const notify = createNotifier(() => {});
    const ctx: Ctx = { db: database.db, clock: systemClock, log: silentLog, ai: createAssistant(config, silentLog), notify };
    console.log(`Seeding the ${database.store === 'embedded' ? `embedded database in ${config.DATA_DIR}` : 'PostgreSQL database at DATABASE_URL'}...`);
    const team = await ensurePlaygroundTeam(ctx);
    showSummary(await seedDemoBrand(ctx, team, showProgress));
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (await seedThroughRunningTandem(config)) return;
  await seedDirectly(config);
  console.log('Start Tandem with `npm start` and open the playground to see it.');
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) console.error(`${error.message}\nTandem is running without its playground: start it with PLAYGROUND=1, or stop it, then seed again.`);
  else console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
