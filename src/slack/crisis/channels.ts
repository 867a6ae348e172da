import type { BrandView } from '../../core/brands.js';
import type { Ctx } from '../../core/context.js';
import { listBrandChannels } from '../../core/escalationLookups.js';

/**
 * Where a brand's crisis alerts go: its crisis channel, else its approvals channel (where
 * the strategists already look), else the channel it was raised in, else the first
 * channel bound to the brand. Null only for a brand with no Slack channel at all.
 */
export async function crisisChannelFor(ctx: Ctx, brand: BrandView, raisedIn: string | null): Promise<string | null> {
  const { crisisChannel, approvalsChannel } = brand.settings;
  return crisisChannel ?? approvalsChannel ?? raisedIn ?? (await listBrandChannels(ctx, brand.id, 'slack'))[0] ?? null;
}

/** Where Discord moderation news goes: the community channel, else the crisis or approvals channel, else the brand's first channel. */
export async function communityChannelFor(ctx: Ctx, brand: BrandView): Promise<string | null> {
  const { communityChannel, crisisChannel, approvalsChannel } = brand.settings;
  return communityChannel ?? crisisChannel ?? approvalsChannel ?? (await listBrandChannels(ctx, brand.id, 'slack'))[0] ?? null;
}
