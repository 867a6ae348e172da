import { createPrismaClient } from './src/db/prismaClient.js';
import { takeNextNumber } from './src/core/counters.js';
import { createScratchDatabase } from './test/scaleout/cluster/scratchDatabase.js';
const database = await createScratchDatabase('postgresql://postgres@127.0.0.1:5432/test', 'dbg3');
const db = createPrismaClient(database.url, { poolSize: 20 });
try {
  for (const conc of [1, 4, 12]) {
    let done = 0; const t = performance.now(); const total = 200;
    await Promise.all(Array.from({ length: conc }, async () => {
      while (done < total) { done++; await db.$transaction(async (tx) => { await takeNextNumber(tx, 'x', 'y'); await tx.$queryRaw`SELECT 1`; await tx.$queryRaw`SELECT 2`; }); }
    }));
    console.log(conc, (total / ((performance.now() - t) / 1000)).toFixed(1), 'tx/s');
  }
} finally { await db.$disconnect(); await database.drop(); }
