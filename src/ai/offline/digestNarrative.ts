import { digestFactsSchema, type DigestFacts, type Narrative } from '../../core/assistant.js';
import type { Language } from '../../i18n/catalog.js';
import { digestTemplates, metricLabels, networkLabels } from './templates.js';

const locales: Record<Language, string> = { en: 'en-GB', es: 'es-ES', it: 'it-IT' };

/** Changes smaller than this are noise, not news. */
const notableChangePercent = 5;

/** Quotes longer than this are cut at a word boundary, so a narrative stays three sentences. */
const quoteLength = 160;

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 0 }).format(value);
}

export function shortenQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= quoteLength) return flat;
  return `${flat.slice(0, quoteLength).replace(/\s+\S*$/, '')}…`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type DigestData = ReturnType<typeof digestFactsSchema.parse>;

/** Sentence one: the metric that moved most, relative to its previous value. */
function describeBiggestChange(data: DigestData): string {
  const t = digestTemplates[data.language];
  if (data.metrics.length === 0) return t.noMetrics(data.brandName);
  const changes = data.metrics
    .filter((m) => m.previous !== null && m.previous !== 0)
    .map((m) => ({ ...m, percent: ((m.current - (m.previous ?? 0)) / Math.abs(m.previous ?? 1)) * 100 }))
    .sort((a, b) => Math.abs(b.percent) - Math.abs(a.percent));
  const biggest = changes[0];
  if (!biggest || Math.abs(biggest.percent) < notableChangePercent) return t.steady(data.brandName, data.period);
  const label = metricLabels[data.language][biggest.metric] ?? biggest.metric.replace(/_/g, ' ');
  return t.change({
    metric: data.language === 'en' ? capitalize(label) : label,
    network: biggest.network ? networkLabels[biggest.network] || null : null,
    percent: formatNumber(Math.round(Math.abs(biggest.percent)), data.language),
    value: formatNumber(biggest.current, data.language),
    rose: biggest.percent > 0,
    period: data.period,
  });
}

/** Sentence two: what people said (and how much went out), the likely why. */
function describeConversation(data: DigestData): string {
  const counts = data.interactions ?? { total: 0, positive: 0, negative: 0, leads: 0 };
  return digestTemplates[data.language].conversation({ ...counts, posts: data.postsPublished });
}

/** Sentence three: a quote, or the open escalations, or that nothing stood out. */
function describeVoices(data: DigestData): string {
  const t = digestTemplates[data.language];
  const quote = data.quotes[0];
  return quote ? t.quote(shortenQuote(quote.text), data.openEscalations) : t.noQuote(data.openEscalations);
}

/** Three sentences on what changed and why, with a quote, from the digest's facts. */
export function narrateDigestOffline(facts: DigestFacts): Narrative {
  const data = digestFactsSchema.parse(facts);
  const text = [describeBiggestChange(data), describeConversation(data), describeVoices(data)].join(' ');
  return { text, language: data.language, fallback: false };
}
