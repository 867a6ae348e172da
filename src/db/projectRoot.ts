import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, whether we run from src/ (tsx, vitest) or dist/. */
export function findProjectRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'prisma'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No Tandem project root above ${from}`);
    dir = parent;
  }
}

export function prismaDir(): string {
  return join(findProjectRoot(), 'prisma');
}
