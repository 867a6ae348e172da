import type { Client } from 'discord.js';
import type { Ctx } from '../core/context.js';
import { listGuildDigestChannels } from '../core/digestDestinations.js';
import type { DeliveredMessage, Delivery } from '../jobs/delivery.js';
import { digestFooter, renderDigestEmbeds } from './digestEmbeds.js';

async function textChannel(client: Client<true>, channelId: string) {
  const channel = await client.channels.fetch(channelId);
  return channel?.isTextBased() && 'send' in channel ? channel : null;
}

/**
 * The optional Discord digest: a brand's digest also goes to the digest channel of each
 * guild linked to it. Approval nudges and SLA alerts stay in Slack, where the strategists
 * and community managers work.
 */
export function createDiscordDelivery(ctx: Ctx, client: Client<true>): Delivery {
  return {
    async hasDigestDestination(brandId) {
      return (await listGuildDigestChannels(ctx, brandId)).length > 0;
    },
    async postDigest(digest) {
      let first: DeliveredMessage | null = null;
      for (const { guildId, channelId } of await listGuildDigestChannels(ctx, digest.brand.id)) {
        try {
          const channel = await textChannel(client, channelId);
          if (!channel) continue;
          const message = await channel.send({ embeds: renderDigestEmbeds(digest), allowedMentions: { parse: [] } });
          first ??= { platform: 'discord', channelId, messageId: message.id };
        } catch (error) {
          // One guild's broken channel must not cost the others their digest; with none posted, the run retries.
          if (!first) throw error;
          ctx.log.warn({ err: error, guildId, brandId: digest.brand.id }, 'could not post the digest in a guild');
        }
      }
      return first;
    },
    async findPostedDigest(key) {
      const footer = digestFooter({ kind: key.kind, localDate: key.localDate, brand: { id: key.brandId } });
      for (const { channelId } of await listGuildDigestChannels(ctx, key.brandId)) {
        const channel = await textChannel(client, channelId).catch(() => null);
        const recent = channel ? await channel.messages.fetch({ limit: 50 }).catch(() => null) : null;
        const found = recent?.find((message) => message.author.id === client.user.id && message.createdAt >= key.since && message.embeds.some((embed) => embed.footer?.text === footer));
        if (found) return { platform: 'discord', channelId, messageId: found.id };
      }
      return null;
    },
    nudgeApprovals: async () => false,
    alertSlaBreaches: async () => false,
  };
}
