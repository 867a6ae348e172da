// `npm run bench:ingest`: interactions logged per second, one by one (the /log path:
// assistant + validation + transaction + audit) and batched (the bulk import path),
// on embedded storage and, with TEST_DATABASE_URL, on PostgreSQL.
import { parseArgs } from 'node:util';
import { createOfflineAssistant } from '../src/ai/offline/offlineAssistant.js';
import { createBrand, setRole } from '../src/core/brands.js';
import { systemClock } from '../src/core/clock.js';
import type { Ctx } from '../src/core/context.js';
import { logInteraction } from '../src/core/interactions.js';
import { logInteractionsBatch } from '../src/core/interactionImport.js';
import { silentLog } from '../src/core/log.js';
import { resolvePerson } from '../src/core/people.js';
import { benchStores, openBenchDatabase } from './lib/benchDatabase.js';
import { printFigure, reportProgress } from './lib/figures.js';

const { values } = parseArgs({ options: { single: { type: 'string', default: '500' }, batch: { type: 'string', default: '20000' } } });
const singleCount = Number(values.single);
const batchCount = Number(values.batch);
const postgresUrl = process.env.TEST_DATABASE_URL || undefined;

const texts = [
  'Love the new colours, ordering two!',
  'My parcel is late again, third time this month',
  '¿Cuánto cuesta el envío a Valencia?',
  'Servicio pésimo, quiero un reembolso',
  'Quanto costa la versione grande?',
  'Grazie mille, prodotto perfetto',
  'Is this available in size M?',
  'Meh. It is ok I guess',
];
const networks = ['instagram', 'x', 'tiktok', 'facebook'] as const;

const ai = createOfflineAssistant({ preload: true });
for (const store of benchStores(postgresUrl)) {
  const database = await openBenchDatabase(store, postgresUrl);
  const ctx: Ctx = { db: database.db, clock: systemClock, log: silentLog, ai, notify: { publish: async () => {} } };
  const admin = await resolvePerson(ctx, { platform: 'slack', externalId: 'UADMIN' });
  const cm = await resolvePerson(ctx, { platform: 'slack', externalId: 'UCM' });
  const brand = await createBrand(ctx, { name: 'Bench', actorId: admin.id });
  await setRole(ctx, { brandId: brand.id, actorId: admin.id, targetPersonId: cm.id, role: 'community_manager' });

  let started = performance.now();
  for (let i = 0; i < singleCount; i++) {
    await logInteraction(ctx, {
      brandId: brand.id,
      actorId: cm.id,
      network: networks[i % networks.length]!,
      kind: 'comment',
      author: `@fan${i}`,
      text: texts[i % texts.length]!,
    });
    if (i % 50 === 49 || i === singleCount - 1) reportProgress(`[${store}] single`, i + 1, singleCount, started);
  }
  const singleSeconds = (performance.now() - started) / 1000;
  printFigure({ bench: 'ingest', figure: 'per_s', value: Math.round(singleCount / singleSeconds), unit: 'interactions/s', mode: 'single', store, count: singleCount });

  const rows = Array.from({ length: batchCount }, (_, i) => ({
    network: networks[i % networks.length]!,
    kind: 'comment' as const,
    author: `@bulk${i}`,
    text: texts[i % texts.length]!,
    receivedAt: new Date(Date.now() - (i + 1) * 1000),
    sourceRef: `bench-${i}`,
  }));
  started = performance.now();
  process.stderr.write(`[${store}] batch of ${batchCount}...\n`);
  const result = await logInteractionsBatch(ctx, { brandId: brand.id, actorId: cm.id, rows });
  const batchSeconds = (performance.now() - started) / 1000;
  printFigure({ bench: 'ingest', figure: 'per_s', value: Math.round(result.inserted / batchSeconds), unit: 'interactions/s', mode: 'batch', store, count: result.inserted });
  await database.close();
}
