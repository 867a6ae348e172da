// `npm run bench:startup`: time from `npm start` to a healthy /healthz on embedded storage,
// cold (empty DATA_DIR: initdb + migrations) and warm (existing DATA_DIR). Median of N runs.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timeStartToHealthy(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    // what a new user runs: `npm start` with no settings (the playground comes up too)
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error('not healthy after 120 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    // npm may exit before Tandem has released the data dir: wait for the lock to go, or
    // the next start on this DATA_DIR would be (rightly) refused.
    for (let i = 0; i < 300 && existsSync(join(dataDir, 'tandem.lock')); i++) await new Promise((r) => setTimeout(r, 100));
  }
}

const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-bench-start-'));
  cold.push(await timeStartToHealthy(dataDir, 3950 + i));
  warm.push(await timeStartToHealthy(dataDir, 3960 + i));
  await rm(dataDir, { recursive: true, force: true });
  process.stderr.write(`run ${i + 1}/${runs}: cold ${cold.at(-1)!.toFixed(0)} ms, warm ${warm.at(-1)!.toFixed(0)} ms\n`);
}
for (const [figure, samples] of [['cold_start_ms', cold], ['warm_start_ms', warm]] as const) {
  console.log(JSON.stringify({ bench: 'startup', figure, value: Math.round(median(samples)), unit: 'ms', runs, store: 'embedded', samples: samples.map(Math.round) }));
}
