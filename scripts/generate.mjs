// Generates the Prisma client offline. `prisma generate` insists on a schema-engine binary
// it does not use for generation; any existing file satisfies it, and nothing is downloaded.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve('prisma/build/index.js', { paths: [root] });
} catch {
  // Production installs (npm ci --omit=dev) have no prisma CLI: the client was generated
  // and compiled at build time.
  if (existsSync(new URL('../src/generated/prisma/client.ts', import.meta.url))) process.exit(0);
  console.error('prisma CLI not installed and no generated client: run `npm install` first.');
  process.exit(1);
}
const result = spawnSync(process.execPath, [cli, 'generate', '--schema', 'prisma/schema.prisma'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
if (result.status !== 0) {
  process.stdout.write(result.stdout ?? '');
  process.exit(result.status ?? 1);
}
console.log('Prisma client generated (offline) in src/generated/prisma');
