import { createPrismaClient } from './src/db/prismaClient.js';
import { takeNextNumber } from './src/core/counters.js';
const db = createPrismaClient(process.argv[2]!, { poolSize: 10 });
const conc = Number(process.argv[3]);
let done = 0; const t = performance.now(); const total = 150;
await Promise.all(Array.from({ length: conc }, async () => {
  while (done < total) { done++; await db.$transaction(async (tx) => { await takeNextNumber(tx, 'x', 'y'); await tx.$queryRaw`SELECT 1`; await tx.$queryRaw`SELECT 2`; }); }
}));
console.log(process.pid, conc, (total / ((performance.now() - t) / 1000)).toFixed(1), 'tx/s');
await db.$disconnect();
