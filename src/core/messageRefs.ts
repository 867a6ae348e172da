import { z } from 'zod';
import type { Ctx } from './context.js';
import { platformSchema, type PlatformName } from './people.js';
import { idSchema, parseInput } from './validation.js';

export type MessageRefView = { platform: PlatformName; subjectType: string; subjectId: number; channelId: string; messageId: string };

export const rememberMessageSchema = z.object({
  platform: platformSchema,
  /** What the message is about: 'post', 'escalation', 'digest' ... */
  subjectType: z.string().trim().min(1).max(40),
  /** The subject's database id (Post.id, not its per-brand number). */
  subjectId: idSchema,
  channelId: z.string().trim().min(1).max(200),
  /** Slack message ts, Discord message id. */
  messageId: z.string().trim().min(1).max(200),
});

function toView(ref: MessageRefView): MessageRefView {
  return { platform: ref.platform, subjectType: ref.subjectType, subjectId: ref.subjectId, channelId: ref.channelId, messageId: ref.messageId };
}

/**
 * Remembers a message an adapter posted about something, so every message about post #N
 * can be updated in place when it changes. Idempotent: remembering the same message again
 * is harmless. Not audited: it records where the bot wrote, not a decision of anyone.
 */
export async function rememberMessage(ctx: Ctx, input: z.input<typeof rememberMessageSchema>): Promise<MessageRefView> {
  const data = parseInput(rememberMessageSchema, input);
  const ref = await ctx.db.messageRef.upsert({
    where: { platform_channelId_messageId: { platform: data.platform, channelId: data.channelId, messageId: data.messageId } },
    create: data,
    update: { subjectType: data.subjectType, subjectId: data.subjectId },
  });
  return toView(ref);
}

/** Every message about one subject, oldest first. */
export async function listMessages(ctx: Ctx, subjectType: string, subjectId: number): Promise<MessageRefView[]> {
  const refs = await ctx.db.messageRef.findMany({ where: { subjectType, subjectId }, orderBy: { id: 'asc' } });
  return refs.map(toView);
}

export const forgetMessageSchema = rememberMessageSchema.pick({ platform: true, channelId: true, messageId: true });

/** Drops a reference to a message that no longer exists (deleted by someone on the platform). */
export async function forgetMessage(ctx: Ctx, input: z.input<typeof forgetMessageSchema>): Promise<void> {
  const data = parseInput(forgetMessageSchema, input);
  await ctx.db.messageRef.deleteMany({ where: data });
}
