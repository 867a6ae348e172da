import { getBrand, listPeopleWithRole, type BrandView } from '../../core/brands.js';
import type { Role } from '../../core/permissions.js';
import type { Delivery, DeliveredMessage, DigestKey } from '../../jobs/delivery.js';
import { mentionUser } from '../blocks/format.js';
import { renderInteractionCard } from '../blocks/interactionCard.js';
import type { SlackDeps } from '../deps.js';
import type { Answer } from '../errorBoundary.js';
import { translator } from '../turns.js';
import { renderApprovalNudge, renderSlaAlert } from './alerts.js';
import { postDigestMessage, findDigestMessage } from './postDigest.js';

/** Cards posted in an SLA alert's thread, each with its own Responded button. */
const maxCards = 5;

/** Slack ids of the people holding `roles` first found (strategists, else admins). */
async function slackIdsFor(deps: SlackDeps, brandId: number, roleChoices: Role[][]): Promise<string[]> {
  for (const roles of roleChoices) {
    const members = await listPeopleWithRole(deps.ctx, brandId, roles, 'slack');
    if (members.length > 0) return members.map((m) => m.person.externalId);
  }
  return [];
}

/**
 * Posts an alert in the brand's channel for it (mentioning the people), or, without one,
 * in each person's direct message with Tandem. The ts of the channel message, if any.
 */
async function postAlert(deps: SlackDeps, channel: string | null, people: string[], answer: (mentions: string) => Answer): Promise<{ posted: boolean; channel?: string; ts?: string }> {
  const mentions = people.map(mentionUser).join(' ');
  if (channel) {
    const message = answer(mentions);
    const result = await deps.client.chat.postMessage({ channel, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
    return { posted: true, ...(result.channel ? { channel: result.channel } : {}), ...(result.ts ? { ts: result.ts } : {}) };
  }
  for (const person of people) {
    const message = answer(mentionUser(person));
    await deps.client.chat.postMessage({ channel: person, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
  }
  return { posted: people.length > 0 };
}

/** Tandem's scheduled messages in Slack: the port the jobs deliver through. */
export function createSlackDelivery(deps: SlackDeps): Delivery {
  const digestChannel = (brand: BrandView) => brand.settings.digestChannel;
  return {
    async hasDigestDestination(brandId) {
      return digestChannel(await getBrand(deps.ctx, brandId)) !== null;
    },

    async postDigest(digest): Promise<DeliveredMessage | null> {
      const brand = await getBrand(deps.ctx, digest.brand.id);
      const channel = digestChannel(brand);
      if (!channel) return null;
      return postDigestMessage(deps, brand, channel, digest);
    },

    async findPostedDigest(key: DigestKey & { since: Date }) {
      const channel = digestChannel(await getBrand(deps.ctx, key.brandId));
      return channel ? findDigestMessage(deps, channel, key) : null;
    },

    async nudgeApprovals({ brandId, posts }) {
      const brand = await getBrand(deps.ctx, brandId);
      const strategists = await slackIdsFor(deps, brandId, [['strategist'], ['admin']]);
      const channel = brand.settings.approvalsChannel ?? brand.settings.digestChannel;
      const sent = await postAlert(deps, channel, strategists, (mentions) => renderApprovalNudge(brand, posts, mentions));
      return sent.posted;
    },

    async alertSlaBreaches({ brandId, breaches }) {
      const brand = await getBrand(deps.ctx, brandId);
      const managers = await slackIdsFor(deps, brandId, [['community_manager'], ['strategist', 'admin']]);
      const channel = brand.settings.communityChannel ?? brand.settings.digestChannel;
      const sent = await postAlert(deps, channel, managers, (mentions) => renderSlaAlert(brand, breaches, mentions));
      if (sent.channel && sent.ts) {
        // The cards in the thread carry Responded / Draft reply: answering is one click away.
        const t = translator(brand.settings.language);
        for (const breach of breaches.slice(0, maxCards)) {
          const card = renderInteractionCard(breach, { t, language: brand.settings.language, timezone: brand.settings.timezone, respondedBy: null });
          await deps.client.chat.postMessage({ channel: sent.channel, thread_ts: sent.ts, text: card.text, ...(card.blocks ? { blocks: card.blocks } : {}) });
        }
      }
      return sent.posted;
    },
  };
}
