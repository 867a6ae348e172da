import { z } from 'zod';

/** What the global setup hands each test file: where to clone a migrated database from. */
export const databaseTemplateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded'), dumpPath: z.string() }),
  z.object({ kind: z.literal('postgres'), adminUrl: z.string(), templateName: z.string(), runId: z.string() }),
]);
export type DatabaseTemplate = z.infer<typeof databaseTemplateSchema>;

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
