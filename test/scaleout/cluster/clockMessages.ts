import { z } from 'zod';

/** What the test tells a clocked replica over IPC. */
export const clockCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('tick'), id: z.number().int(), at: z.iso.datetime() }),
  z.object({ type: z.literal('stop') }),
]);
export type ClockCommand = z.infer<typeof clockCommandSchema>;

/** What a clocked replica answers. */
export const clockReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), owner: z.string(), port: z.number().int() }),
  z.object({ type: z.literal('ticked'), id: z.number().int(), outcome: z.enum(['ran', 'skipped', 'failed']) }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type ClockReply = z.infer<typeof clockReplySchema>;
