import { z } from 'zod';

const id = z.number().int().positive();

/**
 * What a crisis modal carries to its submission (inside the modal's private_metadata):
 * the interaction or Slack message being escalated, or the escalation a note or a
 * resolution is for. Ids only; the submission re-reads the current state.
 */
export const crisisMetadataSchema = z.object({
  raisedVia: z.enum(['slack_button', 'slack_shortcut', 'slack_command']).optional(),
  interactionId: id.optional(),
  /** The message a shortcut was used on: the alert links back to it. */
  message: z.object({ channelId: z.string().min(1), ts: z.string().min(1), userId: z.string().min(1).nullable() }).optional(),
  escalationId: id.optional(),
});
export type CrisisMetadata = z.infer<typeof crisisMetadataSchema>;
