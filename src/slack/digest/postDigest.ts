import type { MessageMetadata } from '@slack/types';
import { z } from 'zod';
import type { BrandView } from '../../core/brands.js';
import type { PreparedDigest } from '../../core/digestContent.js';
import type { DeliveredMessage, DigestKey } from '../../jobs/delivery.js';
import type { SlackDeps } from '../deps.js';
import { prepareDigestPicture } from './chart.js';
import type { DigestPicture } from './metricsSection.js';
import { renderDigestMessage } from './renderDigest.js';

/**
 * Every digest carries message metadata naming its brand, kind and day. It is how a
 * retry recognises a digest an earlier attempt posted without recording it (Slack took
 * the message, then the answer or the process was lost): one conversations.history read.
 */
export const digestEventType = 'tandem_digest';

const digestPayloadSchema = z.object({ brand_id: z.number(), kind: z.string(), local_date: z.string() });

function digestMetadata(key: DigestKey): MessageMetadata {
  return { event_type: digestEventType, event_payload: { brand_id: key.brandId, kind: key.kind, local_date: key.localDate } };
}

function slackErrorCode(error: unknown): string | null {
  const data = typeof error === 'object' && error !== null ? (error as { data?: { error?: unknown } }).data : undefined;
  return typeof data?.error === 'string' ? data.error : null;
}

async function postWith(deps: SlackDeps, brand: BrandView, channel: string, digest: PreparedDigest, picture: DigestPicture): Promise<DeliveredMessage> {
  const message = renderDigestMessage(digest, { picture, buttons: true, digestTime: brand.settings.digestTime });
  const key = { brandId: digest.brand.id, kind: digest.kind, localDate: digest.localDate };
  const result = await deps.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, metadata: digestMetadata(key) });
  if (!result.ts || !result.channel) throw new Error('chat.postMessage answered without ts or channel');
  return { platform: 'slack', channelId: result.channel, messageId: result.ts };
}

/** Posts the digest in `channel`, with its chart when the upload works. */
export async function postDigestMessage(deps: SlackDeps, brand: BrandView, channel: string, digest: PreparedDigest): Promise<DeliveredMessage> {
  const picture: DigestPicture = digest.kind === 'daily' ? await prepareDigestPicture(deps.client, deps.log, digest.data) : { kind: 'sparklines' };
  try {
    return await postWith(deps, brand, channel, digest, picture);
  } catch (error) {
    // Slack refuses an image it has not finished processing: the digest goes without it.
    if (picture.kind !== 'image' || slackErrorCode(error) !== 'invalid_blocks') throw error;
    deps.log.warn({ err: error, brandId: brand.id }, 'Slack refused the digest chart; posting with sparklines');
    return postWith(deps, brand, channel, digest, { kind: 'sparklines' });
  }
}

/**
 * The digest Tandem posted for `key` in `channel` since `since`, if any. When the channel
 * cannot be read (no channels:history scope, Tandem not a member) the answer is "not
 * found" and the digest is sent: a rare duplicate is better than a day without a digest.
 */
export async function findDigestMessage(deps: SlackDeps, channel: string, key: DigestKey & { since: Date }): Promise<DeliveredMessage | null> {
  try {
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const history = await deps.client.conversations.history({
        channel,
        oldest: (key.since.getTime() / 1000).toFixed(6),
        limit: 200,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      for (const message of history.messages ?? []) {
        if (message.metadata?.event_type !== digestEventType || !message.ts) continue;
        const payload = digestPayloadSchema.safeParse(message.metadata.event_payload);
        if (payload.success && payload.data.brand_id === key.brandId && payload.data.kind === key.kind && payload.data.local_date === key.localDate) {
          return { platform: 'slack', channelId: channel, messageId: message.ts };
        }
      }
      cursor = history.response_metadata?.next_cursor || undefined;
      if (!cursor) return null;
    }
    return null;
  } catch (error) {
    deps.log.warn({ err: error, channel, brandId: key.brandId }, 'could not check the channel for an earlier digest; sending it');
    return null;
  }
}
