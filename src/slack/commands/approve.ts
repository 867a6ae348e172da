import { decidePost } from '../../core/approvals.js';
import { listPendingPosts } from '../../core/posts.js';
import { section } from '../blocks/kit.js';
import { renderPendingList } from '../blocks/pendingList.js';
import { statusText } from '../blocks/labels.js';
import { parseApproveText } from '../parse/approveText.js';
import type { SlackCommandDefinition } from '../turns.js';

export const approveCommand: SlackCommandDefinition = {
  key: 'approve',
  descriptionKey: 'slack.command.approve.description',
  usageHintKey: 'slack.command.approve.hint',
  usageKey: 'slack.command.approve.usage',
  exampleKey: 'slack.command.approve.example',
  async run(turn) {
    const { deps, place, t, command } = turn;
    const request = parseApproveText(command.text);
    if (request.kind === 'pending') {
      const posts = await listPendingPosts(deps.ctx, { brandId: place.brand.id, actorId: place.person.id });
      return turn.tell(renderPendingList(place.brand, posts, t));
    }
    const result = await decidePost(deps.ctx, {
      brandId: place.brand.id,
      actorId: place.person.id,
      postNumber: request.postNumber,
      decision: request.decision,
      comment: request.comment,
    });
    const text = t(`slack.approve.done.${result.decision}`, {
      number: result.post.number,
      given: result.post.approvalsGiven,
      needed: result.post.approvalsNeeded,
      status: statusText(result.post.status, t),
    });
    await turn.tell({ text, blocks: [section(text)] });
  },
};
