import { z } from 'zod';

/**
 * What a button carries back when clicked (its `value`, at most 2000 characters): ids, not
 * state. The handler re-reads the current state, so an old message cannot act on old data.
 */
const id = z.coerce.number().int().positive();

/** A post button: the brand, the post's number, and the version the reader saw. */
export const postButtonSchema = z
  .string()
  .transform((text) => text.split(':'))
  .pipe(z.tuple([id, id, id]))
  .transform(([brandId, number, version]) => ({ brandId, number, version }));
export type PostButton = z.infer<typeof postButtonSchema>;

export function postButtonValue(post: { brandId: number; number: number; version: number }): string {
  return `${post.brandId}:${post.number}:${post.version}`;
}

/** An interaction button: its brand and the interaction's id. */
export const interactionButtonSchema = z
  .string()
  .transform((text) => text.split(':'))
  .pipe(z.tuple([id, id]))
  .transform(([brandId, interactionId]) => ({ brandId, interactionId }));
export type InteractionButton = z.infer<typeof interactionButtonSchema>;

export function interactionButtonValue(interaction: { brandId: number; id: number }): string {
  return `${interaction.brandId}:${interaction.id}`;
}

/** A brand button on App Home (Plan a post, Log an interaction). */
export const brandButtonSchema = id.transform((brandId) => ({ brandId }));

/** A value that does not parse came from a message Tandem did not write, or an old format. */
export function readButton<T>(schema: z.ZodType<T>, value: string | null): T {
  const parsed = schema.safeParse(value ?? '');
  if (!parsed.success) throw new Error(`unreadable button value ${JSON.stringify(value)}`);
  return parsed.data;
}
