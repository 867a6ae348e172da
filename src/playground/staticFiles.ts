import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { findProjectRoot } from '../db/projectRoot.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Where the browser files are. tsc compiles only .ts, so the build copies web/ beside the
 * compiled server (dist/playground/web); under tsx and vitest they sit beside this file;
 * a build without the copy still finds them in the source tree.
 */
export function findWebRoot(): string {
  const beside = join(dirname(fileURLToPath(import.meta.url)), 'web');
  if (existsSync(join(beside, 'index.html'))) return beside;
  return join(findProjectRoot(), 'src', 'playground', 'web');
}

/** Sends one file under `root`; anything that would leave it (../) is a 404. */
export async function sendStaticFile(res: ServerResponse, root: string, relativePath: string): Promise<void> {
  const base = resolve(root);
  const path = resolve(base, relativePath);
  if (!path.startsWith(base + sep) || !contentTypes[extname(path)]) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  // No caching: the files change while someone develops, and they are tiny.
  res.writeHead(200, { 'content-type': contentTypes[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  res.end(body);
}
