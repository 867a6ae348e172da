import type { RespondArguments } from '@slack/bolt';
import type { SlackDeps } from './deps.js';
import type { Answer } from './errorBoundary.js';

/**
 * Posts to a response_url (JSON, as Bolt's respond() does). Used for answers that come
 * after the request that carried the URL has been handled (a modal's after-work).
 */
export async function postToResponseUrl(url: string, message: RespondArguments): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) });
  if (!response.ok) throw new Error(`response_url answered ${response.status}`);
}

/** An ephemeral answer in a channel, or in the app's direct message when there is no channel. */
export async function tellPrivately(deps: SlackDeps, userId: string, channelId: string | null, answer: Answer): Promise<void> {
  if (channelId) await deps.client.chat.postEphemeral({ channel: channelId, user: userId, text: answer.text, ...(answer.blocks ? { blocks: answer.blocks } : {}) });
  else await deps.client.chat.postMessage({ channel: userId, text: answer.text, ...(answer.blocks ? { blocks: answer.blocks } : {}) });
}
