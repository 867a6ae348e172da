// Builds dist/ when it is missing or older than the sources, so that a fresh clone runs
// with `npm install && npm start` and a warm start does not pay for tsc.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.build-stamp');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const sources = ['src', 'prisma/schema.prisma', 'tsconfig.json', 'tsconfig.build.json', 'package.json'].map((p) => join(root, p));
const sourceTime = Math.max(...sources.map(newestMtime));
const builtTime = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (builtTime >= sourceTime) process.exit(0);

const started = Date.now();
process.stdout.write('Building Tandem (tsc -> dist/)... ');
if (!existsSync(join(root, 'src/generated/prisma/client.ts'))) {
  const generated = spawnSync(process.execPath, [join(root, 'scripts/generate.mjs')], { cwd: root, stdio: 'inherit' });
  if (generated.status !== 0) process.exit(generated.status ?? 1);
}
const tsc = join(root, 'node_modules/typescript/bin/tsc');
if (!existsSync(tsc)) {
  if (existsSync(join(root, 'dist/main.js'))) process.exit(0); // production image: built already
  console.error('\nTypeScript is not installed: run `npm install` first.');
  process.exit(1);
}
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stamp, new Date().toISOString());
console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
