import { createBrand, type BrandView } from '../../src/core/brands.js';
import type { Clock } from '../../src/core/clock.js';
import type { Ctx } from '../../src/core/context.js';
import type { PreparedDigest } from '../../src/core/digestContent.js';
import type { ApprovalNudge, DeliveredMessage, Delivery, SlaAlert } from '../../src/jobs/delivery.js';
import type { BrandSettings } from '../../src/core/brandSettings.js';
import { createPerson } from '../helpers/fixtures.js';

export type PostedDigest = { at: Date; brandId: number; kind: PreparedDigest['kind']; localDate: string; late: boolean; messageId: string; digest: PreparedDigest };

export type RecordingDelivery = Delivery & {
  posted: PostedDigest[];
  nudges: (ApprovalNudge & { at: Date })[];
  alerts: (SlaAlert & { at: Date })[];
  /** The next `times` posts throw before posting anything (Slack said no). */
  failNext(times?: number): void;
  /** The next post is made, then throws (the answer was lost, or the process died right after). */
  postThenThrowNext(): void;
  /** Brands with nowhere to post their digest. */
  withoutDestination: Set<number>;
  /** Only these brands have a destination (other tests' brands share the database). */
  onlyBrands: Set<number> | null;
};

/**
 * A delivery that keeps what it was asked to post, like a platform would: one shared
 * list, so several "replicas" using it at once show every digest actually posted.
 */
export function createRecordingDelivery(clock: Clock, brandIds?: number[]): RecordingDelivery {
  let failures = 0;
  let postThenThrow = false;
  let counter = 0;
  const delivery: RecordingDelivery = {
    posted: [],
    nudges: [],
    alerts: [],
    withoutDestination: new Set(),
    onlyBrands: brandIds ? new Set(brandIds) : null,
    failNext(times = 1) {
      failures += times;
    },
    postThenThrowNext() {
      postThenThrow = true;
    },
    async hasDigestDestination(brandId) {
      return !delivery.withoutDestination.has(brandId) && (delivery.onlyBrands?.has(brandId) ?? true);
    },
    async postDigest(digest): Promise<DeliveredMessage | null> {
      if (!(await delivery.hasDigestDestination(digest.brand.id))) return null;
      if (failures > 0) {
        failures -= 1;
        throw new Error('channel_not_found');
      }
      counter += 1;
      const message: DeliveredMessage = { platform: 'slack', channelId: 'CDIGEST', messageId: `m${counter}` };
      delivery.posted.push({ at: clock.now(), brandId: digest.brand.id, kind: digest.kind, localDate: digest.localDate, late: digest.late, messageId: message.messageId, digest });
      if (postThenThrow) {
        postThenThrow = false;
        throw new Error('socket hang up');
      }
      return message;
    },
    async findPostedDigest(key) {
      const found = delivery.posted.find((p) => p.brandId === key.brandId && p.kind === key.kind && p.localDate === key.localDate && p.at >= key.since);
      return found ? { platform: 'slack', channelId: 'CDIGEST', messageId: found.messageId } : null;
    },
    async nudgeApprovals(nudge) {
      delivery.nudges.push({ ...nudge, at: clock.now() });
      return true;
    },
    async alertSlaBreaches(alert) {
      delivery.alerts.push({ ...alert, at: clock.now() });
      return true;
    },
  };
  return delivery;
}

let brandSeq = 0;

/** A brand with an admin and the given settings (time zone, digest time, channels...). */
export async function createBrandWith(ctx: Ctx, name: string, settings: Partial<BrandSettings>): Promise<BrandView> {
  const seq = ++brandSeq;
  const admin = await createPerson(ctx, `admin${seq}`);
  const brand = await createBrand(ctx, { name: `${name} ${seq}`, actorId: admin.id });
  await ctx.db.brand.update({ where: { id: brand.id }, data: { settings: { ...brand.settings, ...settings } } });
  return { ...brand, settings: { ...brand.settings, ...settings } };
}
