import { z } from 'zod';
import { decisionSchema } from '../../core/approvals.js';
import { crisisMetadataSchema } from '../crisis/metadata.js';

/**
 * What a modal carries from where it was opened to its submission (Slack's
 * `private_metadata`, at most 3000 characters): the brand, the channel to answer in, and
 * for a decision modal the post and the version its opener saw.
 */
export const modalMetadataSchema = z.object({
  brandId: z.number().int().positive(),
  channelId: z.string().min(1).nullable().default(null),
  post: z.object({ number: z.number().int().positive(), version: z.number().int().positive(), decision: decisionSchema }).optional(),
  /** The edit form: the post, and the version its editor started from. */
  edit: z.object({ number: z.number().int().positive(), version: z.number().int().positive() }).optional(),
  /** Where the clicked message lives, to refresh an ephemeral list after the decision. */
  responseUrl: z.string().url().optional(),
  /** Crisis modals: what is being escalated (an interaction, a message), or the escalation acted on. */
  crisis: crisisMetadataSchema.optional(),
});
export type ModalMetadata = z.infer<typeof modalMetadataSchema>;

export function writeMetadata(metadata: z.input<typeof modalMetadataSchema>): string {
  return JSON.stringify(modalMetadataSchema.parse(metadata));
}

export function readMetadata(text: string | undefined): ModalMetadata {
  return modalMetadataSchema.parse(JSON.parse(text || '{}'));
}
