import type { Route } from '../http/server.js';
import type { LiveEvents } from './liveEvents.js';
import { sendStaticFile } from './staticFiles.js';

/** The page, its files, and the live stream every pane listens to. */
export function pageRoutes(webRoot: string, live: LiveEvents): Route[] {
  return [
    { method: 'GET', path: '/', handler: (_req, res) => sendStaticFile(res, webRoot, 'index.html') },
    {
      method: 'GET',
      path: /^\/playground\/web\/[\w./-]+$/,
      handler: (req, res) => sendStaticFile(res, webRoot, new URL(req.url ?? '/', 'http://localhost').pathname.slice('/playground/web/'.length)),
    },
    { method: 'GET', path: '/playground/api/events', handler: (req, res) => live.serve(req, res) },
  ];
}
