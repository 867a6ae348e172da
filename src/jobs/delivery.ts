import type { Log } from '../core/log.js';
import type { PreparedDigest } from '../core/digestContent.js';
import type { DigestKind } from '../core/digestRuns.js';
import type { PlatformName } from '../core/people.js';
import type { PostView } from '../core/postViews.js';
import type { SlaBreach } from '../core/responseTimes.js';

/**
 * The jobs' way out to people: what a scheduled job asks a platform to post. Jobs stay
 * platform-free; each adapter implements this port (src/slack/digest/delivery.ts) and
 * app.ts hands the jobs the combination of the platforms that are on.
 */

export type DeliveredMessage = { platform: PlatformName; channelId: string; messageId: string };

export type DigestKey = { brandId: number; kind: DigestKind; localDate: string };

export type ApprovalNudge = { brandId: number; posts: PostView[] };

export type SlaAlert = { brandId: number; breaches: SlaBreach[] };

export type Delivery = {
  /** Whether the brand's digest has somewhere to go here: no destination, no claim. */
  hasDigestDestination(brandId: number): Promise<boolean>;
  /** Posts the digest; null when the brand has no destination on this platform. */
  postDigest(digest: PreparedDigest): Promise<DeliveredMessage | null>;
  /**
   * The digest already posted for this key since `since`, if any: a sender that posted
   * and then failed (or died) before recording it is found here instead of posting twice.
   */
  findPostedDigest(key: DigestKey & { since: Date }): Promise<DeliveredMessage | null>;
  /** Reminds the strategists of posts waiting for approval; false when nobody could be told. */
  nudgeApprovals(nudge: ApprovalNudge): Promise<boolean>;
  /** Tells the community managers about interactions unanswered past the SLA. */
  alertSlaBreaches(alert: SlaAlert): Promise<boolean>;
};

/** Nowhere to deliver (no platform on): jobs find no destination and claim nothing. */
export const noDelivery: Delivery = {
  hasDigestDestination: async () => false,
  postDigest: async () => null,
  findPostedDigest: async () => null,
  nudgeApprovals: async () => false,
  alertSlaBreaches: async () => false,
};

async function anyOf(deliveries: Delivery[], ask: (delivery: Delivery) => Promise<boolean>): Promise<boolean> {
  let told = false;
  for (const delivery of deliveries) told = (await ask(delivery)) || told;
  return told;
}

/**
 * Several platforms as one. A digest run records one message, so the first platform that
 * posts is the digest's reference; once it has posted, a later platform's failure is
 * logged, not thrown: a retry would post the first one again. A failure before anything
 * was posted is thrown, and the run is retried.
 */
export function combineDeliveries(deliveries: Delivery[], log: Log): Delivery {
  if (deliveries.length === 0) return noDelivery;
  if (deliveries.length === 1 && deliveries[0]) return deliveries[0];
  return {
    hasDigestDestination: (brandId) => anyOf(deliveries, (d) => d.hasDigestDestination(brandId)),
    async postDigest(digest) {
      let first: DeliveredMessage | null = null;
      for (const delivery of deliveries) {
        if (!first) {
          first = await delivery.postDigest(digest);
          continue;
        }
        await delivery.postDigest(digest).catch((error: unknown) => log.warn({ err: error, brandId: digest.brand.id }, 'digest posted on one platform, not on another'));
      }
      return first;
    },
    async findPostedDigest(key) {
      for (const delivery of deliveries) {
        const found = await delivery.findPostedDigest(key);
        if (found) return found;
      }
      return null;
    },
    nudgeApprovals: (nudge) => anyOf(deliveries, (d) => d.nudgeApprovals(nudge)),
    alertSlaBreaches: (alert) => anyOf(deliveries, (d) => d.alertSlaBreaches(alert)),
  };
}
