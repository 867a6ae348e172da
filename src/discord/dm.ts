import type { DiscordDeps } from './types.js';

/**
 * Tells a member by DM. Many members close DMs from server members (Discord answers
 * 50007): that is normal, so a failure is reported as false, never thrown.
 */
export async function sendDirectMessage(deps: DiscordDeps, userId: string, content: string): Promise<boolean> {
  try {
    await deps.client.users.send(userId, { content, allowedMentions: { parse: [] } });
    return true;
  } catch (error) {
    deps.ctx.log.debug({ err: error, user: userId }, 'direct message not delivered');
    return false;
  }
}
