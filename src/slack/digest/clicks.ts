import type { BlockAction } from '@slack/bolt';
import { blockIds } from '../ids.js';

/**
 * A click on one of the digest's (or a nudge's) shortcut buttons. Those messages list many
 * things, so a click must not replace them with the one thing clicked: the clicker is
 * told the outcome instead.
 */
export function isDigestClick(body: BlockAction): boolean {
  const blockId = body.actions[0]?.block_id ?? '';
  return [blockIds.digestPending, blockIds.digestEscalation, blockIds.digestInteraction].some((prefix) => blockId.startsWith(`${prefix}_`));
}
