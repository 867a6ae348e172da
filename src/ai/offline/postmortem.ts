import { postmortemFactsSchema, type Narrative, type PostmortemFacts } from '../../core/assistant.js';
import type { Language } from '../../i18n/catalog.js';
import { shortenQuote } from './digestNarrative.js';
import { postmortemTemplates } from './templates.js';

/** "12 minutes", "3 hours 5 minutes", "2 days 4 hours": the two largest units are enough. */
export function formatDuration(ms: number, language: Language): string {
  const units = postmortemTemplates[language].units;
  const totalMinutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const part = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (days > 0) return [part(days, units.day, units.days), hours ? part(hours, units.hour, units.hours) : ''].filter(Boolean).join(' ');
  if (hours > 0) return [part(hours, units.hour, units.hours), minutes ? part(minutes, units.minute, units.minutes) : ''].filter(Boolean).join(' ');
  return part(minutes, units.minute, units.minutes);
}

type PostmortemData = ReturnType<typeof postmortemFactsSchema.parse>;

/** Time publishing stayed frozen: each freeze until the next unfreeze (or the resolution). */
function frozenMs(data: PostmortemData): number {
  let total = 0;
  let frozenAt: Date | null = null;
  for (const event of [...data.events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (event.type === 'frozen' && !frozenAt) frozenAt = event.at;
    if (event.type === 'unfrozen' && frozenAt) {
      total += event.at.getTime() - frozenAt.getTime();
      frozenAt = null;
    }
  }
  if (frozenAt) total += data.resolvedAt.getTime() - frozenAt.getTime();
  return total;
}

function withPeriod(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** A postmortem of a resolved escalation: what, how fast, how it ended, what people said. */
export function summarizePostmortemOffline(facts: PostmortemFacts): Narrative {
  const data = postmortemFactsSchema.parse(facts);
  const t = postmortemTemplates[data.language];
  const lang = data.language;
  const sentences: string[] = [];
  sentences.push(t.opening(data.number, data.severity, data.brandName, data.summary.replace(/[.!?…]+$/, '')));
  sentences.push(
    t.timing({
      acknowledged: data.acknowledgedAt ? formatDuration(data.acknowledgedAt.getTime() - data.raisedAt.getTime(), lang) : null,
      resolved: formatDuration(data.resolvedAt.getTime() - data.raisedAt.getTime(), lang),
      pages: data.pageCount,
    }),
  );
  sentences.push(withPeriod(t.resolution(data.resolution)));
  if (data.interactions.length) {
    const negative = data.interactions.filter((i) => i.sentiment === 'negative');
    const loudest = negative[0] ?? data.interactions[0];
    sentences.push(t.interactions(data.interactions.length, negative.length, loudest ? shortenQuote(loudest.text) : null));
  }
  const frozen = frozenMs(data);
  if (frozen > 0) sentences.push(t.frozen(formatDuration(frozen, lang)));
  const notes = data.events.filter((e) => e.type === 'note').length;
  if (notes > 0) sentences.push(t.notes(notes));
  return { text: sentences.join(' '), language: lang, fallback: false };
}
