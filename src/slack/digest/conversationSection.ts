import type { KnownBlock } from '@slack/types';
import type { DigestData, DigestInteraction } from '../../core/digestData.js';
import { interactionButtonValue } from '../buttonValues.js';
import { formatDay, formatNumber } from '../blocks/format.js';
import { button, section } from '../blocks/kit.js';
import { networkLabel } from '../blocks/labels.js';
import { actionIds, blockIds } from '../ids.js';
import { formatMinutes, formatShare, formatShift, quoteSnippet, snippet } from './figures.js';
import type { DigestView } from './view.js';

const maxLeads = 5;
const quoteLength = 280;

function quoteBlock(interaction: DigestInteraction, emoji: string, view: DigestView, escalate: boolean): KnownBlock {
  const text = view.t('digest.interactions.quote', {
    emoji,
    network: networkLabel(interaction.network, view.t),
    author: snippet(interaction.author, 60),
    quote: quoteSnippet(interaction.text, quoteLength),
  });
  // The most negative comment of the day is the one most likely to need a strategist.
  const accessory =
    escalate && view.buttons
      ? button({ actionId: actionIds.escalateInteraction, text: view.t('slack.button.escalate'), value: interactionButtonValue({ brandId: view.brandId, id: interaction.id }), style: 'danger' })
      : undefined;
  return section(text, { blockId: `${blockIds.digestInteraction}_${interaction.id}`, ...(accessory ? { accessory } : {}) });
}

/** Interactions by network and sentiment, the shift against the week before, and two quotes. */
export function renderInteractionsSection(data: DigestData, view: DigestView): KnownBlock[] {
  const { t, language } = view;
  const { interactions } = data;
  const day = formatDay(data.localDate, language);
  if (interactions.total === 0) return [section(t('digest.interactions.none', { day }))];
  const networks = interactions.byNetwork.map((row) => `${networkLabel(row.network, t)} ${formatNumber(row.count, language)}`).join(' · ');
  const shift = interactions.sentimentShift;
  const counts = { positive: interactions.bySentiment.positive, neutral: interactions.bySentiment.neutral, negative: interactions.bySentiment.negative };
  const sentiment =
    shift.negativeShift === null
      ? t('digest.interactions.sentimentNoBase', { ...counts, share: formatShare(shift.today.negativeShare, language) })
      : t('digest.interactions.sentiment', { ...counts, share: formatShare(shift.today.negativeShare, language), shift: formatShift(shift.negativeShift, language, t) });
  const blocks: KnownBlock[] = [section(`${t('digest.interactions.title', { count: interactions.total, day, networks })}\n${sentiment}`)];
  if (interactions.quotes.mostNegative) blocks.push(quoteBlock(interactions.quotes.mostNegative, '😠', view, true));
  if (interactions.quotes.mostPositive) blocks.push(quoteBlock(interactions.quotes.mostPositive, '😊', view, false));
  return blocks;
}

/** Median and 90th percentile response time of the day, answered late, and the unanswered backlog. */
export function renderResponseSection(data: DigestData, view: DigestView): KnownBlock[] {
  const { t, language } = view;
  const times = data.responseTimes;
  const first =
    times.answered === 0
      ? t('digest.response.noneAnswered', { day: formatDay(data.localDate, language) })
      : t('digest.response.line', { p50: formatMinutes(times.p50Minutes), p90: formatMinutes(times.p90Minutes), answered: times.answered, late: times.lateToday, sla: times.slaMinutes });
  const second = times.breaches > 0 ? t('digest.response.breaches', { count: times.breaches, age: formatMinutes(times.oldestBreachMinutes) }) : t('digest.response.noBreaches');
  return [section(`${first}\n${second}`)];
}

export function renderLeadsSection(data: DigestData, view: DigestView): KnownBlock[] {
  const { t } = view;
  if (data.leads.count === 0) return [section(t('digest.leads.none'))];
  const items = data.leads.items
    .slice(0, maxLeads)
    .map((lead) => t('digest.leads.item', { network: networkLabel(lead.network, t), author: snippet(lead.author, 60), text: snippet(lead.text, 100) }));
  return [section([t('digest.leads.title', { count: data.leads.count }), ...items].join('\n'))];
}
