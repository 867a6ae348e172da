// `npm run bench:digest`: how long buildDigestData takes for a brand with 1M interactions
// over a year (en/es/it), 3 years of daily metrics for 8 networks and 50 goals.
// Embedded PGlite by default (seeded once under bench/.cache/digest, reused after);
// with TEST_DATABASE_URL, the database tandem_bench_digest on that server.
// Flags: --interactions N (default 1000000), --runs N (default 15), --warmup N (default 3).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { simpleAssistant } from '../src/core/assistant.js';
import type { Ctx } from '../src/core/context.js';
import type { DailyDigest } from '../src/core/digestContent.js';
import { buildDigestData } from '../src/core/digestData.js';
import { silentLog } from '../src/core/log.js';
import { addDays, localDayBounds } from '../src/core/time.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { findProjectRoot } from '../src/db/projectRoot.js';
import { renderDigestChart } from '../src/slack/digest/chart.js';
import { renderDigestMessage } from '../src/slack/digest/renderDigest.js';
import { median, printFigure } from './lib/figures.js';
import { ensureDigestSeed, type SeedPlan } from './lib/seedDigest.js';

// `npm run bench` passes every flag to every bench: ignore the ones that are not ours.
const { values } = parseArgs({ options: { interactions: { type: 'string' }, runs: { type: 'string' }, warmup: { type: 'string' } }, strict: false });
const options = z
  .object({
    interactions: z.coerce.number().int().min(1_000).default(1_000_000),
    runs: z.coerce.number().int().min(1).default(15),
    warmup: z.coerce.number().int().min(0).default(3),
  })
  .parse(values);

const adminUrl = process.env.TEST_DATABASE_URL || undefined;
const benchDatabase = 'tandem_bench_digest';

// A fixed day, so a seeded database stays valid whatever day the bench runs.
const plan: SeedPlan = { interactions: options.interactions, localDate: '2026-06-30', timezone: 'Europe/Rome' };
const day = localDayBounds(plan.localDate, plan.timezone);
const historyStart = localDayBounds(addDays(plan.localDate, -364), plan.timezone).start;
// The digest goes out the next morning at 09:00 in Rome.
const now = new Date(day.end.getTime() + 9 * 3_600_000);

async function ensurePostgresDatabase(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [benchDatabase]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${benchDatabase}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${benchDatabase}`;
  return target.toString();
}

async function openBenchDatabase(): Promise<Database> {
  if (adminUrl) return openDatabase({ databaseUrl: await ensurePostgresDatabase(adminUrl), dataDir: '' }, silentLog);
  return openDatabase({ dataDir: join(findProjectRoot(), 'bench', '.cache', 'digest') }, silentLog);
}

const database = await openBenchDatabase();
try {
  const seed = await ensureDigestSeed(database.url, plan, { dayStart: day.start, dayEnd: day.end, historyStart });
  if (seed.reused) process.stderr.write(`reusing the seeded brand (${options.interactions.toLocaleString('en')} interactions)\n`);
  const ctx: Ctx = { db: database.db, clock: { now: () => now }, log: silentLog, ai: simpleAssistant, notify: { publish: async () => {} } };
  const input = { brandId: seed.brandId, localDate: plan.localDate };
  for (let i = 0; i < options.warmup; i++) await buildDigestData(ctx, input);
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    await buildDigestData(ctx, input);
    const used = process.cpuUsage(cpu);
    samples.push(performance.now() - started);
    cpuSamples.push((used.user + used.system) / 1000);
  }
  const digest = await buildDigestData(ctx, input);
  process.stderr.write(
    `digest of ${plan.localDate}: ${digest.interactions.total} interactions, ${digest.kpis.length} KPIs, ` +
      `${digest.posts.scheduled.count} posts scheduled, ${digest.escalations.count} open escalations; ` +
      `min ${Math.min(...samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms; ` +
      // On embedded storage PGlite runs in this process, so its work shows here too: a
      // steadier figure than wall time when the machine is busy (GC threads included).
      `this process's CPU time: median ${median(cpuSamples).toFixed(1)} ms\n`,
  );
  printFigure({
    bench: 'digest',
    figure: 'build_ms',
    value: Math.round(median(samples) * 10) / 10,
    unit: 'ms',
    interactions: options.interactions,
    store: database.store,
    runs: options.runs,
  });
  // Rendering the message the team sees: Block Kit in the brand's language, and the
  // 30-day chart drawn to PNG (Vega-Lite + resvg), the part that costs.
  const daily: DailyDigest = { kind: 'daily', brand: digest.brand, localDate: addDays(plan.localDate, 1), late: false, data: digest, schedule: { count: 0, items: [] }, narrative: null };
  const renderOnce = async () => {
    const blocksStarted = performance.now();
    renderDigestMessage(daily, { picture: { kind: 'image', fileId: 'F0BENCH' } });
    const blocksMs = performance.now() - blocksStarted;
    const chartStarted = performance.now();
    const png = await renderDigestChart(digest);
    return { blocksMs, chartMs: performance.now() - chartStarted, pngBytes: png?.length ?? 0 };
  };
  await renderOnce();
  const renders: Awaited<ReturnType<typeof renderOnce>>[] = [];
  for (let i = 0; i < Math.min(options.runs, 5); i++) renders.push(await renderOnce());
  const round = (ms: number) => Math.round(ms * 10) / 10;
  printFigure({
    bench: 'digest',
    figure: 'render_ms',
    value: round(median(renders.map((r) => r.blocksMs + r.chartMs))),
    unit: 'ms',
    blocks_ms: round(median(renders.map((r) => r.blocksMs))),
    chart_ms: round(median(renders.map((r) => r.chartMs))),
    png_bytes: renders[0]?.pngBytes ?? 0,
    runs: renders.length,
  });
} finally {
  await database.close();
}
