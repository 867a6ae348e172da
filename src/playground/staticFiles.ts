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
 * Where the browser files are: the source tree when there is one (so an edit shows on the
 * next reload, even under a stale build), else the copy the build puts beside the compiled
 * server (dist/playground/web, the production image has no src/).
 */
export function findWebRoot(): string {
  const source = join(findProjectRoot(), 'src', 'playground', 'web');
  if (existsSync(join(source, 'index.html'))) return source;
  return join(dirname(fileURLToPath(import.meta.url)), 'web');
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
