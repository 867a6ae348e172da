import { z } from 'zod';
import { languageSchema } from '../i18n/catalog.js';
import type { ReplyDraft } from './assistant.js';
import { recordAudit } from './audit.js';
import { getBrand, requirePermission } from './brands.js';
import type { Ctx } from './context.js';
import { findBrandInteraction, type Interaction } from './interactions.js';
import { idSchema, parseInput } from './validation.js';

export const draftInteractionReplySchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  interactionId: idSchema,
});

export type DraftedReply = { interaction: Interaction; draft: ReplyDraft };

/**
 * The assistant's reply to an interaction, in the brand voice and the language the author
 * wrote in. Nothing is stored: the community manager edits it first, and only what they
 * send is kept (`saveReplyDraft`). Slow: call it after the platform has been answered.
 */
export async function draftInteractionReply(ctx: Ctx, input: z.input<typeof draftInteractionReplySchema>): Promise<DraftedReply> {
  const data = parseInput(draftInteractionReplySchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'interaction.respond');
  const brand = await getBrand(ctx, data.brandId);
  const interaction = await findBrandInteraction(ctx.db, data.brandId, data.interactionId);
  // A language the team does not write in (or none detected): the assistant reads the text itself.
  const language = languageSchema.safeParse(interaction.language).data ?? null;
  const draft = await ctx.ai.draftReply({
    text: interaction.text,
    language,
    brandVoice: brand.settings.brandVoice,
    author: interaction.author,
    brandName: brand.name,
  });
  return { interaction, draft };
}

export const saveReplyDraftSchema = z.object({
  brandId: idSchema,
  actorId: idSchema,
  interactionId: idSchema,
  /** The reply as the community manager sent it: the assistant's draft after their edits. */
  text: z.string().trim().min(1, 'the reply is empty').max(10_000),
});

/**
 * Keeps the reply that was sent with the interaction (the last one saved wins). Marking the
 * interaction answered is `markResponded`'s, so the first-answer-counts rule lives in one place.
 */
export async function saveReplyDraft(ctx: Ctx, input: z.input<typeof saveReplyDraftSchema>): Promise<Interaction> {
  const data = parseInput(saveReplyDraftSchema, input);
  await requirePermission(ctx, data.brandId, data.actorId, 'interaction.respond');
  return ctx.db.$transaction(async (tx) => {
    const current = await findBrandInteraction(tx, data.brandId, data.interactionId);
    const updated = await tx.interaction.update({ where: { id: current.id }, data: { replyDraft: data.text } });
    await recordAudit(tx, {
      brandId: data.brandId,
      actorId: data.actorId,
      action: 'interaction.replySaved',
      subjectType: 'interaction',
      subjectId: current.id,
      before: { replyDraft: current.replyDraft },
      after: { replyDraft: data.text },
    });
    return updated;
  });
}
