import { z } from 'zod';

/**
 * What a button carries back when clicked (its `value`, at most 2000 characters): ids, not
 * state. The handler re-reads the current state, so an old message cannot act on old data.
 */
const id = z.coerce.number().int().positive();

function numbers(text: string): number[] {
  return text.split(':').map(Number);
}

/** A post button: the brand, the post's number, and the version the reader saw. */
export const postButtonSchema = z
  .string()
  .regex(/^[1-9]\d*:[1-9]\d*:[1-9]\d*$/)
  .transform((text) => {
    const [brandId = 0, number = 0, version = 0] = numbers(text);
    return { brandId, number, version };
  });
export type PostButton = z.infer<typeof postButtonSchema>;

export function postButtonValue(post: { brandId: number; number: number; version: number }): string {
  return `${post.brandId}:${post.number}:${post.version}`;
}

/** An interaction button: its brand and the interaction's id. */
export const interactionButtonSchema = z
  .string()
  .regex(/^[1-9]\d*:[1-9]\d*$/)
  .transform((text) => {
    const [brandId = 0, interactionId = 0] = numbers(text);
    return { brandId, interactionId };
  });
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

/** A crisis alert button (Acknowledge, Add note, Resolve, Timeline, Lift freeze): its brand and the escalation's id. */
export const escalationButtonSchema = z
  .string()
  .regex(/^[1-9]\d*:[1-9]\d*$/)
  .transform((text) => {
    const [brandId = 0, escalationId = 0] = numbers(text);
    return { brandId, escalationId };
  });
export type EscalationButton = z.infer<typeof escalationButtonSchema>;

export function escalationButtonValue(escalation: { brandId: number; id: number }): string {
  return `${escalation.brandId}:${escalation.id}`;
}
