import { getBrand } from '../../core/brands.js';
import type { DomainEvent, DomainEventListener } from '../../core/notifier.js';
import { buildPostView } from '../../core/postViews.js';
import { postButtonValue } from '../buttonValues.js';
import { mentionUser, quote } from '../blocks/format.js';
import { actions, button, context, section } from '../blocks/kit.js';
import { networkLabel } from '../blocks/labels.js';
import { postWhen } from '../blocks/postCard.js';
import type { SlackDeps } from '../deps.js';
import type { Answer } from '../errorBoundary.js';
import { actionIds, blockIds } from '../ids.js';
import { translator } from '../turns.js';

type Decided = Extract<DomainEvent, { type: 'post.decided' }>;

/**
 * The author of a post hears about its outcome in their direct message with Tandem: a
 * strategist asked for changes (with the note, and a button to revise it), rejected it
 * (with the reason), or gave its last approval. An approval that is not yet the last one
 * is not news for the author. Authors outside Slack, or deciding on their own post (which
 * the core refuses anyway), are not told here.
 */
export async function tellAuthor(deps: SlackDeps, event: Decided): Promise<void> {
  if (event.decision === 'approved' && !event.final) return;
  // Events carry ids: the row by id, viewed in the brand's timezone (one read of each).
  const brand = await getBrand(deps.ctx, event.brandId);
  const row = await deps.ctx.db.post.findUnique({ where: { id: event.postId } });
  if (!row) return;
  const post = await buildPostView(deps.ctx.db, row, brand.settings.timezone);
  const decision = post.approvals.filter((a) => a.decision === event.decision).at(-1);
  if (!decision || post.author.platform !== 'slack' || decision.decider.id === post.author.id) return;
  const t = translator(brand.settings.language);
  const line = t(`slack.authorNotice.${event.decision}`, {
    who: mentionUser(decision.decider.externalId),
    number: post.number,
    network: networkLabel(post.network, t),
    when: postWhen(post, t, brand.settings.language),
    note: decision.comment ?? '',
  });
  const notice: Answer = {
    text: line,
    blocks: [
      section(line),
      section(quote(post.copy)),
      ...(event.decision === 'changes_requested'
        ? [context(t('slack.authorNotice.reviseHint', { number: post.number })), actions(`${blockIds.postActions}_${post.number}`, [button({ actionId: actionIds.revisePost, text: t('slack.button.revise'), value: postButtonValue(post), style: 'primary' })])]
        : []),
    ],
  };
  try {
    await deps.client.chat.postMessage({ channel: post.author.externalId, text: notice.text, blocks: notice.blocks });
  } catch (error) {
    // The author left the workspace, or blocked the app: the approval message still shows it.
    deps.log.warn({ err: error, postId: post.id }, 'could not tell the author about the decision');
  }
}

/** Follows decisions on posts, whoever took them (a button, a command, another replica's job). */
export function authorNoticeSync(deps: SlackDeps): DomainEventListener {
  return async (event) => {
    if (event.type === 'post.decided') await tellAuthor(deps, event);
  };
}
