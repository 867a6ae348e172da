import { requirePermission } from '../../core/brands.js';
import { prepareDigest } from '../../core/digestContent.js';
import { UserError } from '../../core/errors.js';
import { localDateOf } from '../../core/time.js';
import { deliverClaimedRun } from '../../jobs/digestSend.js';
import { claimDigestRun } from '../../core/digestRuns.js';
import { mentionChannel } from '../blocks/format.js';
import { section } from '../blocks/kit.js';
import { prepareDigestPicture } from '../digest/chart.js';
import { createSlackDelivery } from '../digest/delivery.js';
import { postDigestMessage } from '../digest/postDigest.js';
import { renderDigestMessage } from '../digest/renderDigest.js';
import { UsageError } from '../parse/usageError.js';
import { splitWords } from '../parse/words.js';
import type { CommandTurn, SlackCommandDefinition } from '../turns.js';

type DigestRequest = 'now' | 'preview';

/** `/digest now` · `/digest preview` (a bare `/digest` previews: it changes nothing). */
export function parseDigestText(text: string): DigestRequest {
  const first = splitWords(text).list[0]?.toLowerCase();
  if (!first || first === 'preview') return 'preview';
  if (first === 'now') return 'now';
  throw new UsageError('slack.parse.unknownSubcommand', { got: first });
}

/** Only the caller sees it, nothing is recorded: today's digest still goes out at its time. */
async function preview(turn: CommandTurn): Promise<void> {
  const { deps, place } = turn;
  await requirePermission(deps.ctx, place.brand.id, place.person.id, 'brand.view');
  const localDate = localDateOf(deps.ctx.clock.now(), place.timezone);
  const digest = await prepareDigest(deps.ctx, { brandId: place.brand.id, kind: 'daily', localDate });
  const picture = await prepareDigestPicture(deps.client, deps.log, digest.data);
  await turn.tell(renderDigestMessage(digest, { picture, buttons: true, preview: true, digestTime: place.brand.settings.digestTime }));
}

/**
 * Posts the digest in the digest channel. If today's has not gone out, this is it (the
 * job will not send another); if it has, a fresh one is posted and not recorded.
 */
async function sendNow(turn: CommandTurn): Promise<void> {
  const { deps, place, t } = turn;
  await requirePermission(deps.ctx, place.brand.id, place.person.id, 'digest.send');
  const channel = place.brand.settings.digestChannel;
  if (!channel) throw new UserError('digest.noChannel');
  const localDate = localDateOf(deps.ctx.clock.now(), place.timezone);
  const sender = { delivery: createSlackDelivery(deps), owner: `slack-command:${place.person.id}` };
  const run = await claimDigestRun(deps.ctx, { brandId: place.brand.id, kind: 'daily', localDate, owner: sender.owner });
  if (!run) {
    const digest = await prepareDigest(deps.ctx, { brandId: place.brand.id, kind: 'daily', localDate });
    const message = await postDigestMessage(deps, place.brand, channel, digest);
    return say(turn, t('digest.command.sentAgain', { channel: mentionChannel(message.channelId) }));
  }
  const outcome = await deliverClaimedRun(deps.ctx, sender, run);
  if (outcome.status === 'failed') throw new UserError('digest.sendFailed', { channel: mentionChannel(channel), reason: describeFailure(outcome.error) });
  if (outcome.status === 'taken') return;
  const key = outcome.status === 'recovered' ? 'digest.command.recovered' : 'digest.command.sent';
  await say(turn, t(key, { channel: mentionChannel(outcome.message.channelId) }));
}

function describeFailure(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { data?: { error?: unknown } }).data?.error : undefined;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

async function say(turn: CommandTurn, text: string): Promise<void> {
  await turn.tell({ text, blocks: [section(text)] });
}

export const digestCommand: SlackCommandDefinition = {
  key: 'digest',
  descriptionKey: 'slack.command.digest.description',
  usageHintKey: 'slack.command.digest.hint',
  usageKey: 'slack.command.digest.usage',
  exampleKey: 'slack.command.digest.example',
  async run(turn) {
    return parseDigestText(turn.command.text) === 'now' ? sendNow(turn) : preview(turn);
  },
};
