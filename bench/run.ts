// `npm run bench`: every benchmark at a small default size, then a table of the figures.
// Sizes: a flag named after its benchmark goes to it alone, e.g.
// `npm run bench -- --digest.interactions 1000000 --ack.count 1000`; `--only ack,digest`
// runs some. Each benchmark's own flags are listed at the top of its file.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Figure } from './lib/figures.js';

const benches: { name: string; file: string; args: string[] }[] = [
  { name: 'startup', file: 'bench/startup.ts', args: ['--runs', '3'] },
  { name: 'digest', file: 'bench/digest.ts', args: ['--interactions', '100000'] },
  { name: 'ack', file: 'bench/ack.ts', args: ['--count', '200'] },
  { name: 'ingest', file: 'bench/ingest.ts', args: [] },
  { name: 'automod', file: 'bench/automod.ts', args: [] },
  { name: 'memory', file: 'bench/memory.ts', args: ['--commands', '2000', '--hour-seconds', '30'] },
];

/** `--<bench>.<flag> value` → that benchmark's `--<flag> value`; `--only a,b`. */
function routeFlags(argv: string[]): { only: Set<string> | null; flags: Map<string, string[]> } {
  const flags = new Map<string, string[]>();
  let only: Set<string> | null = null;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const [name, inline] = token.split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (name === '--only' && value) {
      only = new Set(value.split(','));
      continue;
    }
    const scoped = /^--([a-z]+)\.([a-z-]+)$/.exec(name);
    const bench = scoped ? benches.find((b) => b.name === scoped[1]) : undefined;
    if (!scoped || !bench || value === undefined) {
      process.stderr.write(`${token}: flags are --<bench>.<flag> value (benches: ${benches.map((b) => b.name).join(', ')}) or --only a,b\n`);
      process.exit(2);
    }
    flags.set(bench.name, [...(flags.get(bench.name) ?? []), `--${scoped[2]}`, value]);
  }
  return { only, flags };
}

const routed = routeFlags(process.argv.slice(2));

function runBench(file: string, args: string[]): Promise<Figure[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
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
  if (routed.only && !routed.only.has(bench.name)) continue;
  if (!existsSync(bench.file)) {
    process.stderr.write(`(skipping ${bench.name}: ${bench.file} not written yet)\n`);
    continue;
  }
  process.stderr.write(`== ${bench.name}\n`);
  try {
    // Later flags win in parseArgs: the routed ones override the small defaults.
    figures.push(...(await runBench(bench.file, [...bench.args, ...(routed.flags.get(bench.name) ?? [])])));
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
