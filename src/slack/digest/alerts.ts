import type { KnownBlock } from '@slack/types';
import type { BrandView } from '../../core/brands.js';
import type { PostView } from '../../core/postViews.js';
import type { SlaBreach } from '../../core/responseTimes.js';
import { postButtonValue } from '../buttonValues.js';
import type { Answer } from '../errorBoundary.js';
import { formatAge, formatDay } from '../blocks/format.js';
import { button, context, section } from '../blocks/kit.js';
import { networkLabel } from '../blocks/labels.js';
import { actionIds, blockIds } from '../ids.js';
import { translator } from '../turns.js';
import { quoteSnippet, snippet } from './figures.js';

// The jobs' reminders as Slack messages: approval nudges to the strategists, SLA breaches
// to the community managers. Mentions are Slack ids (<@U…>), so Slack notifies them.

const maxPosts = 8;
const maxBreaches = 8;

export function renderApprovalNudge(brand: BrandView, posts: PostView[], mentions: string): Answer {
  const t = translator(brand.settings.language);
  const language = brand.settings.language;
  const blocks: KnownBlock[] = [section(t('digest.nudge.title', { mentions, count: posts.length }))];
  for (const post of posts.slice(0, maxPosts)) {
    const text = t('digest.pending.item', {
      number: post.number,
      network: networkLabel(post.network, t),
      when: `${formatDay(post.localDate, language)}, ${post.localTime}`,
      given: post.approvalsGiven,
      needed: post.approvalsNeeded,
      copy: quoteSnippet(post.copy, 200),
    });
    // Same block ids as the digest's list: a click tells the clicker, the reminder stays.
    blocks.push(
      section(text, {
        blockId: `${blockIds.digestPending}_${post.number}`,
        accessory: button({ actionId: actionIds.approvePost, text: t('slack.button.approve'), value: postButtonValue(post), style: 'primary' }),
      }),
    );
  }
  if (posts.length > maxPosts) blocks.push(context(t('digest.pending.more', { count: posts.length - maxPosts })));
  return { text: t('digest.nudge.text', { count: posts.length, brand: brand.name }), blocks };
}

/** The alert itself: who must answer, and what has waited how long. The cards follow in its thread. */
export function renderSlaAlert(brand: BrandView, breaches: SlaBreach[], mentions: string): Answer {
  const t = translator(brand.settings.language);
  const lines = breaches.slice(0, maxBreaches).map((breach) =>
    t('digest.sla.item', {
      network: networkLabel(breach.network, t),
      kind: t(`slack.interactionKind.${breach.kind}`),
      author: snippet(breach.author, 60),
      age: formatAge(breach.ageMinutes),
      text: quoteSnippet(breach.text, 160),
    }),
  );
  const blocks: KnownBlock[] = [
    section(t('digest.sla.title', { mentions, count: breaches.length, brand: brand.name, sla: brand.settings.slaMinutes })),
    ...lines.map((line) => section(line)),
  ];
  if (breaches.length > maxBreaches) blocks.push(context(t('digest.sla.more', { count: breaches.length - maxBreaches })));
  return { text: t('digest.sla.text', { count: breaches.length, brand: brand.name }), blocks };
}
