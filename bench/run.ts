// `npm run bench`: every benchmark at a small default size, then a table of the figures.
// Sizes: pass flags through, e.g. `npm run bench -- --interactions 1000000`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Figure } from './lib/figures.js';

const benches: { name: string; file: string; args: string[] }[] = [
  { name: 'startup', file: 'bench/startup.ts', args: ['--runs', '3'] },
  { name: 'digest', file: 'bench/digest.ts', args: ['--interactions', '100000'] },
  { name: 'ack', file: 'bench/ack.ts', args: [] },
  { name: 'ingest', file: 'bench/ingest.ts', args: [] },
  { name: 'automod', file: 'bench/automod.ts', args: [] },
  { name: 'memory', file: 'bench/memory.ts', args: [] },
];

function runBench(file: string, args: string[]): Promise<Figure[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args, ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${file} exited with ${code}`));
      resolve(out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Figure));
    });
  });
}

const figures: Figure[] = [];
for (const bench of benches) {
  if (!existsSync(bench.file)) {
    process.stderr.write(`(skipping ${bench.name}: ${bench.file} not written yet)\n`);
    continue;
  }
  process.stderr.write(`== ${bench.name}\n`);
  try {
    figures.push(...(await runBench(bench.file, bench.args)));
  } catch (error) {
    process.stderr.write(`${bench.name} failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
const extras = (f: Figure) =>
  Object.entries(f)
    .filter(([k]) => !['bench', 'figure', 'value', 'unit', 'samples'].includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
process.stderr.write('\n| bench | figure | value | unit | context |\n| --- | --- | --- | --- | --- |\n');
for (const f of figures) process.stderr.write(`| ${f.bench} | ${f.figure} | ${f.value} | ${f.unit} | ${extras(f)} |\n`);
