import { z } from 'zod';
import { sendJson, type Route } from '../http/server.js';
import { BadRequest, readJsonBody } from './requestBody.js';

/** A POST route taking a zod-checked JSON body and answering JSON; bad input is a 400. */
export function postJsonRoute<S extends z.ZodType>(path: string, schema: S, handle: (body: z.infer<S>) => Promise<unknown> | unknown): Route {
  return {
    method: 'POST',
    path,
    async handler(req, res) {
      try {
        const body = await readJsonBody(req, schema);
        sendJson(res, 200, (await handle(body)) ?? { ok: true });
      } catch (error) {
        if (error instanceof BadRequest) return sendJson(res, 400, { ok: false, error: error.message });
        throw error;
      }
    },
  };
}

/** A GET route answering JSON from the query string. */
export function getJsonRoute(path: string, handle: (query: URLSearchParams) => Promise<unknown> | unknown): Route {
  return {
    method: 'GET',
    path,
    async handler(req, res) {
      const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
      try {
        sendJson(res, 200, await handle(query));
      } catch (error) {
        if (error instanceof BadRequest) return sendJson(res, 400, { ok: false, error: error.message });
        throw error;
      }
    },
  };
}
