import type { DailyDigest, WeeklySummary } from '../../src/core/digestContent.js';
import { summarizeWeek } from '../../src/core/digestContent.js';
import type { DigestData, MetricPoint } from '../../src/core/digestData.js';
import { assessGoal } from '../../src/core/digestKpis.js';
import { summarizeDeltas } from '../../src/core/digestSummaries.js';
import { addDays } from '../../src/core/time.js';
import type { Language } from '../../src/i18n/catalog.js';

// Fixed digest data for rendering tests: every section has something to say.

const localDate = '2026-03-10';

function series(): MetricPoint[] {
  return Array.from({ length: 30 }, (_, i) => {
    const date = addDays(localDate, i - 29);
    const gap = i === 12; // a day nothing was recorded
    return {
      date,
      followers: gap ? null : 11_000 + i * 40,
      reach: gap ? null : 20_000 + ((i * 1_700) % 9_000),
      impressions: gap ? null : 35_000 + ((i * 2_300) % 12_000),
      engagements: gap ? null : 900 + ((i * 130) % 700),
      clicks: gap ? null : 120 + ((i * 17) % 90),
    };
  });
}

export function buildDigestDataFixture(language: Language): DigestData {
  const points = series();
  const kpis = [
    assessGoal({ goalId: 1, metric: 'followers', network: 'instagram', target: 12_000, baseline: 10_000, startsOn: '2026-03-01', deadline: '2026-03-31', current: 11_160, measuredAtStart: null }, localDate),
    assessGoal({ goalId: 2, metric: 'response_time', network: null, target: 30, baseline: 90, startsOn: '2026-03-01', deadline: '2026-03-31', current: 42, measuredAtStart: null }, localDate),
    assessGoal({ goalId: 3, metric: 'engagement_rate', network: null, target: 5, baseline: null, startsOn: '2026-03-01', deadline: null, current: 4.8, measuredAtStart: null }, localDate),
    assessGoal({ goalId: 4, metric: 'leads', network: null, target: 10, baseline: null, startsOn: '2026-03-01', deadline: '2026-03-10', current: 12, measuredAtStart: null }, localDate),
  ];
  const at = (time: string) => new Date(`2026-03-10T${time}:00Z`);
  return {
    brand: { id: 7, name: 'Café Luna', slug: 'cafe-luna', timezone: 'Europe/Rome', language },
    localDate,
    generatedAt: new Date('2026-03-11T08:00:00Z'),
    day: { start: new Date('2026-03-09T23:00:00Z'), end: new Date('2026-03-10T23:00:00Z') },
    kpis,
    metrics: { deltas: summarizeDeltas(points), series: points },
    interactions: {
      total: 5,
      byNetwork: [
        { network: 'instagram', count: 3 },
        { network: 'x', count: 1 },
        { network: 'facebook', count: 1 },
      ],
      byKind: { comment: 3, dm: 1, mention: 1, review: 0 },
      bySentiment: { positive: 2, neutral: 1, negative: 2 },
      sentimentShift: {
        today: { total: 5, negativeShare: 0.4, positiveShare: 0.4 },
        previous7Days: { total: 10, negativeShare: 0.2, positiveShare: 0.5 },
        negativeShift: 0.2,
        positiveShift: -0.1,
      },
      quotes: {
        mostNegative: { id: 41, network: 'x', kind: 'mention', author: '@angry_fan', text: 'Worst launch ever <3 & the app crashed', link: 'https://x.com/a/1', sentiment: 'negative', sentimentScore: -0.95, leadStage: null, language: 'en', receivedAt: at('12:00') },
        mostPositive: { id: 42, network: 'instagram', kind: 'comment', author: '@luna_lover', text: '¡Me encanta el nuevo café!', link: null, sentiment: 'positive', sentimentScore: 0.9, leadStage: null, language: 'es', receivedAt: at('10:00') },
      },
    },
    responseTimes: {
      answered: 4,
      p50Minutes: 27.5,
      p90Minutes: 95,
      byNetwork: [{ network: 'instagram', answered: 3, p50Minutes: 20, p90Minutes: 40 }],
      slaMinutes: 60,
      lateToday: 2,
      breaches: 3,
      oldestBreachMinutes: 310,
    },
    leads: {
      count: 1,
      items: [{ id: 43, network: 'facebook', kind: 'dm', author: 'Maria Rossi', text: 'How much is the blue one?', link: null, sentiment: 'neutral', sentimentScore: 0, leadStage: 'new', language: 'en', receivedAt: at('14:00') }],
    },
    escalations: {
      count: 2,
      items: [
        { id: 5, number: 2, severity: 'sev1', status: 'open', summary: 'Recall rumour spreading on X', createdAt: at('12:00'), acknowledgedAt: null, ageMinutes: 1_260 },
        { id: 4, number: 1, severity: 'sev2', status: 'acknowledged', summary: 'Angry thread about delivery', createdAt: at('08:00'), acknowledgedAt: at('08:30'), ageMinutes: 1_500 },
      ],
    },
    posts: {
      pending: {
        count: 1,
        items: [{ id: 12, number: 12, network: 'instagram', status: 'pending_approval', scheduledAt: new Date('2026-03-11T17:00:00Z'), copy: 'Spring is here 🌸 New colours today', version: 2, authorId: 3, approvalsNeeded: 2, approvals: 1, localTime: '18:00' }],
      },
      scheduled: { count: 0, items: [] },
    },
    moderation: { cases: 3, automodCases: 2, byAction: [{ action: 'timeout', count: 2 }, { action: 'ban', count: 1 }], reportsToday: 1, reportsOpen: 2 },
  };
}

export function buildDailyFixture(language: Language, options: { late?: boolean; narrative?: string | null } = {}): DailyDigest {
  const data = buildDigestDataFixture(language);
  return {
    kind: 'daily',
    brand: data.brand,
    localDate: '2026-03-11',
    late: options.late ?? false,
    data,
    schedule: {
      count: 2,
      items: [
        { number: 12, network: 'instagram', status: 'pending_approval', localTime: '18:00', copy: 'Spring is here 🌸 New colours today' },
        { number: 11, network: 'linkedin', status: 'approved', localTime: '09:30', copy: 'We are hiring a barista' },
      ],
    },
    narrative: options.narrative === undefined ? 'Reach rose 20% on Instagram after the spring post.' : options.narrative,
  };
}

/** A brand's first morning: nothing recorded, nothing open. Every section is one line. */
export function buildQuietFixture(language: Language): DailyDigest {
  const full = buildDigestDataFixture(language);
  const empty: MetricPoint[] = full.metrics.series.map((p) => ({ date: p.date, followers: null, reach: null, impressions: null, engagements: null, clicks: null }));
  const data: DigestData = {
    ...full,
    kpis: [],
    metrics: { deltas: summarizeDeltas(empty), series: empty },
    interactions: {
      total: 0,
      byNetwork: [],
      byKind: { comment: 0, dm: 0, mention: 0, review: 0 },
      bySentiment: { positive: 0, neutral: 0, negative: 0 },
      sentimentShift: { today: { total: 0, negativeShare: null, positiveShare: null }, previous7Days: { total: 0, negativeShare: null, positiveShare: null }, negativeShift: null, positiveShift: null },
      quotes: { mostNegative: null, mostPositive: null },
    },
    responseTimes: { answered: 0, p50Minutes: null, p90Minutes: null, byNetwork: [], slaMinutes: 60, lateToday: 0, breaches: 0, oldestBreachMinutes: null },
    leads: { count: 0, items: [] },
    escalations: { count: 0, items: [] },
    posts: { pending: { count: 0, items: [] }, scheduled: { count: 0, items: [] } },
    moderation: { cases: 0, automodCases: 0, byAction: [], reportsToday: 0, reportsOpen: 0 },
  };
  return { kind: 'daily', brand: data.brand, localDate: '2026-03-11', late: false, data, schedule: { count: 0, items: [] }, narrative: null };
}

export function buildWeeklyFixture(language: Language): WeeklySummary {
  const data = { ...buildDigestDataFixture(language), localDate: '2026-03-09' };
  return {
    kind: 'weekly',
    brand: data.brand,
    localDate: '2026-03-09',
    late: false,
    week: { start: '2026-03-02', end: '2026-03-08' },
    data,
    metrics: summarizeWeek(data),
    interactions: { total: 10, negativeShare: 0.2, positiveShare: 0.5 },
    narrative: 'A steady week: followers up 280.',
  };
}
