import type { ApprovalDecision, Post, PostStatus, Prisma } from '../generated/prisma/client.js';
import { readCopyReview, type CopyReview } from './copyReview.js';
import type { Network } from './networkRules.js';
import type { PlatformName } from './people.js';
import { localDateOf, localTimeOf } from './time.js';

type Reader = Pick<Prisma.TransactionClient, 'postApproval' | 'person'>;

/** Enough of a person to name or mention them on any platform. */
export type PersonLabel = { id: number; displayName: string | null; platform: PlatformName; externalId: string };

export type ApprovalView = {
  decider: PersonLabel;
  decision: ApprovalDecision;
  comment: string | null;
  version: number;
  decidedAt: Date;
};

/** A post as adapters render it: times also in the brand's timezone, decisions on this version. */
export type PostView = {
  id: number;
  brandId: number;
  number: number;
  network: Network;
  status: PostStatus;
  scheduledAt: Date;
  localDate: string;
  localTime: string;
  timezone: string;
  copy: string;
  campaignId: number | null;
  author: PersonLabel;
  approvalsNeeded: number;
  /** Approvals on the current version: earlier versions no longer count. */
  approvalsGiven: number;
  version: number;
  /** Decisions on the current version, oldest first. */
  approvals: ApprovalView[];
  nudgedAt: Date | null;
  decidedAt: Date | null;
  /** The assistant's check of this version's copy, once it has answered. */
  copyReview: CopyReview | null;
  createdAt: Date;
  updatedAt: Date;
};

function unknownPerson(id: number): PersonLabel {
  return { id, displayName: null, platform: 'web', externalId: String(id) };
}

/** Display name, else the platform id: what an error message can say "decided by". */
export function nameOf(person: PersonLabel): string {
  return person.displayName ?? person.externalId;
}

/** Views of several posts with two queries, whatever their number (week view, lists). */
export async function buildPostViews(db: Reader, posts: Post[], timezone: string): Promise<PostView[]> {
  if (posts.length === 0) return [];
  const approvals = await db.postApproval.findMany({ where: { postId: { in: posts.map((p) => p.id) } }, orderBy: { id: 'asc' } });
  const personIds = [...new Set([...posts.map((p) => p.authorId), ...approvals.map((a) => a.deciderId)])];
  const people = new Map(
    (await db.person.findMany({ where: { id: { in: personIds } } })).map((p) => [
      p.id,
      { id: p.id, displayName: p.displayName, platform: p.platform, externalId: p.externalId } satisfies PersonLabel,
    ]),
  );
  const personLabel = (id: number) => people.get(id) ?? unknownPerson(id);
  return posts.map((post) => {
    const current = approvals
      .filter((a) => a.postId === post.id && a.postVersion === post.version)
      .map((a) => ({ decider: personLabel(a.deciderId), decision: a.decision, comment: a.comment, version: a.postVersion, decidedAt: a.createdAt }));
    return {
      id: post.id,
      brandId: post.brandId,
      number: post.number,
      network: post.network,
      status: post.status,
      scheduledAt: post.scheduledAt,
      localDate: localDateOf(post.scheduledAt, timezone),
      localTime: localTimeOf(post.scheduledAt, timezone),
      timezone,
      copy: post.copy,
      campaignId: post.campaignId,
      author: personLabel(post.authorId),
      approvalsNeeded: post.approvalsNeeded,
      approvalsGiven: current.filter((a) => a.decision === 'approved').length,
      version: post.version,
      approvals: current,
      nudgedAt: post.nudgedAt,
      decidedAt: post.decidedAt,
      copyReview: readCopyReview(post.copyCheck, post.version),
      createdAt: post.createdAt,
      updatedAt: post.updatedAt,
    };
  });
}

export async function buildPostView(db: Reader, post: Post, timezone: string): Promise<PostView> {
  const [view] = await buildPostViews(db, [post], timezone);
  if (!view) throw new Error(`post ${post.id} produced no view`);
  return view;
}
