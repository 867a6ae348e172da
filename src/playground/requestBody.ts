import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';

/** The browser sends small JSON bodies; anything larger than this is not from the playground. */
const maxBodyBytes = 256 * 1024;

export class BadRequest extends Error {}

/** Reads and validates a JSON body; a malformed one is the browser's mistake (400), not ours. */
export async function readJsonBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.infer<S>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new BadRequest('body too large');
    chunks.push(chunk as Buffer);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new BadRequest('body is not JSON');
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new BadRequest(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return result.data;
}
