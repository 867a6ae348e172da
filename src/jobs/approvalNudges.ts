import type { Ctx } from '../core/context.js';
import { expireOverduePosts, findPostsNeedingNudge, markNudged } from '../core/posts.js';
import type { PostView } from '../core/postViews.js';
import type { Delivery } from './delivery.js';
import type { Job } from './job.js';

export type NudgeOutcome = { nudged: PostView[]; expired: PostView[] };

function groupByBrand(posts: PostView[]): Map<number, PostView[]> {
  const groups = new Map<number, PostView[]>();
  for (const post of posts) groups.set(post.brandId, [...(groups.get(post.brandId) ?? []), post]);
  return groups;
}

/**
 * Posts still waiting for approval within their brand's nudge window (nudgeHoursBefore)
 * get one reminder to the strategists; posts whose time passed unapproved expire (their
 * messages update through the post.changed event).
 *
 * Each nudge is claimed (markNudged) before it is sent, so two replicas never remind
 * twice. The price: a send that fails loses that reminder. A reminder is worth less
 * than the annoyance of a duplicate, and the post's own message still shows it waiting.
 */
export async function runApprovalNudges(ctx: Ctx, delivery: Delivery, now: Date): Promise<NudgeOutcome> {
  const nudged: PostView[] = [];
  for (const [brandId, posts] of groupByBrand(await findPostsNeedingNudge(ctx, { now }))) {
    const claimed: PostView[] = [];
    for (const post of posts) if (await markNudged(ctx, { brandId, postId: post.id })) claimed.push(post);
    if (claimed.length === 0) continue;
    try {
      if (!(await delivery.nudgeApprovals({ brandId, posts: claimed }))) ctx.log.info({ brandId, posts: claimed.length }, 'approval nudge: nobody to tell');
      nudged.push(...claimed);
    } catch (error) {
      ctx.log.warn({ err: error, brandId }, 'approval nudge could not be sent');
    }
  }
  const expired = await expireOverduePosts(ctx, { now });
  return { nudged, expired };
}

export function createApprovalNudgesJob(delivery: Delivery): Job {
  return {
    name: 'approval-nudges',
    cron: '* * * * *',
    async run(ctx, now) {
      await runApprovalNudges(ctx, delivery, now);
    },
  };
}
