import type { KnownBlock } from '@slack/types';
import { setTimeout as sleep } from 'node:timers/promises';
import { getBrand, type BrandView } from '../../core/brands.js';
import { getEscalation } from '../../core/escalations.js';
import { claimCasesForBridge } from '../../core/moderationBridge.js';
import type { DomainEventListener } from '../../core/notifier.js';
import { getReport } from '../../core/reports.js';
import { context, header, messageBlocks, section } from '../blocks/kit.js';
import { communityChannelFor, crisisChannelFor } from '../crisis/channels.js';
import type { SlackDeps } from '../deps.js';
import { translator, type Translate } from '../turns.js';
import { burstLine, caseLine, reportLine } from './moderationLines.js';

type BridgeItem = { kind: 'case'; caseId: number } | { kind: 'report'; guildId: string; reportId: number } | { kind: 'burst'; escalationId: number };

export type ModerationBridge = {
  listener: DomainEventListener;
  /** Waits for what is queued to be posted (graceful stop, tests). */
  drain(): Promise<void>;
};

export type ModerationBridgeOptions = {
  /**
   * Least time between two bridge messages to one brand's channel. Slack takes about one
   * message a second per channel; events arriving meanwhile share the next message, so a
   * raid of fifty automod warnings is two messages, not fifty.
   */
  minGapMs?: number;
};

/** Lines one message shows; the rest are counted. */
const maxLines = 30;
const linesPerSection = 10;

async function linesFor(deps: SlackDeps, brand: BrandView, items: readonly BridgeItem[], t: Translate): Promise<string[]> {
  const caseIds = items.flatMap((item) => (item.kind === 'case' ? [item.caseId] : []));
  const cases = caseIds.length ? await claimCasesForBridge(deps.ctx, { caseIds }) : [];
  const lines: string[] = cases.map((kase) => caseLine(kase, t));
  for (const item of items) {
    if (item.kind === 'report') {
      const report = await getReport(deps.ctx, { guildId: item.guildId, reportId: item.reportId });
      // A report's decision arrives as a case of its own (or a dismissal, which is no news to the team).
      if (report.status === 'open') lines.push(reportLine(report, t));
    }
    if (item.kind === 'burst') lines.push(burstLine(await getEscalation(deps.ctx, { escalationId: item.escalationId }), await crisisChannelFor(deps.ctx, brand, null), t));
  }
  return lines;
}

function batchBlocks(lines: readonly string[], t: Translate): KnownBlock[] {
  const shown = lines.slice(0, maxLines);
  const blocks: KnownBlock[] = [header(t('bridge.batchTitle', { count: lines.length }))];
  for (let i = 0; i < shown.length; i += linesPerSection) blocks.push(section(shown.slice(i, i + linesPerSection).join('\n')));
  if (lines.length > maxLines) blocks.push(context(t('bridge.more', { count: lines.length - maxLines })));
  return messageBlocks(blocks);
}

async function postLines(deps: SlackDeps, brandId: number, items: readonly BridgeItem[]): Promise<void> {
  const brand = await getBrand(deps.ctx, brandId);
  const channel = await communityChannelFor(deps.ctx, brand);
  if (!channel) return deps.log.debug({ brandId }, 'no Slack channel for moderation news');
  const t = translator(brand.settings.language);
  const lines = await linesFor(deps, brand, items, t);
  if (lines.length === 0) return;
  const [only] = lines;
  if (lines.length === 1 && only) await deps.client.chat.postMessage({ channel, text: only, blocks: [section(only)] });
  else await deps.client.chat.postMessage({ channel, text: `${t('bridge.batchTitle', { count: lines.length })}\n${lines.slice(0, maxLines).join('\n')}`, blocks: batchBlocks(lines, t) });
}

/**
 * Discord moderation, told to the brand's team in Slack: each case, each new report and
 * each automod burst is one line in the community channel, and lines that arrive close
 * together share one message. The first event after a quiet spell goes out at once.
 */
export function createModerationBridge(deps: SlackDeps, options: ModerationBridgeOptions = {}): ModerationBridge {
  const minGapMs = options.minGapMs ?? 1000;
  const queues = new Map<number, BridgeItem[]>();
  const running = new Map<number, Promise<void>>();
  const lastPostAt = new Map<number, number>();

  async function flush(brandId: number): Promise<void> {
    for (;;) {
      const wait = (lastPostAt.get(brandId) ?? 0) + minGapMs - Date.now();
      if (wait > 0) await sleep(wait);
      const items = queues.get(brandId)?.splice(0) ?? [];
      if (items.length === 0) return;
      try {
        await postLines(deps, brandId, items);
      } catch (error) {
        deps.log.warn({ err: error, brandId, items: items.length }, 'could not bridge moderation news to Slack');
      }
      lastPostAt.set(brandId, Date.now());
    }
  }

  function enqueue(brandId: number, item: BridgeItem): void {
    const queue = queues.get(brandId) ?? [];
    queue.push(item);
    queues.set(brandId, queue);
    if (running.has(brandId)) return;
    const run = flush(brandId).finally(() => running.delete(brandId));
    running.set(brandId, run);
  }

  return {
    async listener(event) {
      // Nobody waits on this: the moderator's Discord answer must not wait for Slack.
      if (event.type === 'moderation.case' && event.brandId) enqueue(event.brandId, { kind: 'case', caseId: event.caseId });
      if (event.type === 'moderation.report' && event.brandId) enqueue(event.brandId, { kind: 'report', guildId: event.guildId, reportId: event.reportId });
      if (event.type === 'escalation.raised') {
        const escalation = await getEscalation(deps.ctx, { escalationId: event.escalationId });
        if (escalation.raisedVia === 'automod') enqueue(escalation.brandId, { kind: 'burst', escalationId: escalation.id });
      }
    },
    async drain() {
      while (running.size) await Promise.all([...running.values()]);
    },
  };
}
