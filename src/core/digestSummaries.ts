import { compareValues, goalMetricKind, type GoalFacts, type NetworkName } from './digestKpis.js';
import type { DigestData, DigestInteraction, MetricDelta, MetricPoint, SentimentCounts } from './digestData.js';
import type {
  ActiveGoalRow,
  DayInteractionRow,
  DayStatsRow,
  GoalMetricRow,
  MetricPointRow,
  ModerationRow,
  PostRow,
  WeekSentimentRow,
} from './digestQueries.js';
import { addDays, localTimeOf } from './time.js';

// Pure functions that turn the digest's query rows into its sections.

export const digestMetricNames = ['followers', 'reach', 'impressions', 'engagements', 'clicks'] as const;
export const seriesDays = 30;

export type GoalInputs = {
  /** The day's rows by network, kind and sentiment. */
  mix: DayStatsRow[];
  week: WeekSentimentRow[];
  /** The day's rows by network, and overall. */
  byNetwork: DayStatsRow[];
  overall: DayStatsRow | undefined;
  goalMetrics: GoalMetricRow[];
  leadGoals: { id: number; value: number }[];
};

/** The measured value of one goal's metric, from whichever aggregate holds it. */
export function measureGoal(goal: ActiveGoalRow, inputs: GoalInputs): GoalFacts {
  const facts: GoalFacts = {
    goalId: goal.id,
    metric: goal.metric,
    network: goal.network,
    target: goal.target,
    baseline: goal.baseline,
    startsOn: goal.startsOn,
    deadline: goal.deadline,
    current: null,
    measuredAtStart: null,
  };
  const snapshot = inputs.goalMetrics.find((row) => row.id === goal.id);
  switch (goal.metric) {
    case 'followers':
      return { ...facts, current: snapshot?.followersNow ?? null, measuredAtStart: snapshot?.followersAtStart ?? null };
    case 'engagement_rate': {
      const impressions = snapshot?.impressions7 ?? 0;
      return { ...facts, current: impressions > 0 ? ((snapshot?.engagements7 ?? 0) / impressions) * 100 : null };
    }
    case 'leads':
      return { ...facts, current: inputs.leadGoals.find((row) => row.id === goal.id)?.value ?? 0 };
    case 'response_time':
      return { ...facts, current: (goal.network ? inputs.byNetwork.find((row) => row.network === goal.network) : inputs.overall)?.p50 ?? null };
    case 'positive_sentiment': {
      const mine = (row: { network: NetworkName | null }) => goal.network === null || row.network === goal.network;
      const today = inputs.mix.filter(mine);
      const recent = inputs.week.filter(mine);
      const total = sumOf(today, (row) => row.received) + sumOf(recent, (row) => row.recent);
      const positive =
        sumOf(today.filter((row) => row.sentiment === 'positive'), (row) => row.received) +
        sumOf(recent.filter((row) => row.sentiment === 'positive'), (row) => row.recent);
      return { ...facts, current: total > 0 ? (positive / total) * 100 : null };
    }
    default:
      if (goalMetricKind[goal.metric] !== 'flow') throw new Error(`no measure for goal metric ${goal.metric}`);
      return { ...facts, current: snapshot?.flow ?? 0 };
  }
}

export function fillSeries(rows: MetricPointRow[], localDate: string): MetricPoint[] {
  const byDate = new Map(rows.map((row) => [row.date, row]));
  return Array.from({ length: seriesDays }, (_, index) => {
    const date = addDays(localDate, index + 1 - seriesDays);
    const row = byDate.get(date);
    return {
      date,
      followers: row?.followers ?? null,
      reach: row?.reach ?? null,
      impressions: row?.impressions ?? null,
      engagements: row?.engagements ?? null,
      clicks: row?.clicks ?? null,
    };
  });
}

export function summarizeDeltas(points: MetricPoint[]): MetricDelta[] {
  const today = points.at(-1);
  const yesterday = points.at(-2);
  const weekAgo = points.at(-8);
  return digestMetricNames.map((metric) => {
    const values = { today: today?.[metric] ?? null, yesterday: yesterday?.[metric] ?? null, weekAgo: weekAgo?.[metric] ?? null };
    return {
      metric,
      ...values,
      dayOverDay: compareValues(values.today, values.yesterday),
      weekOverWeek: compareValues(values.today, values.weekAgo),
    };
  });
}

function share(part: number, total: number): number | null {
  return total > 0 ? part / total : null;
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

export function withoutList({ list: _list, ...row }: DayInteractionRow): DigestInteraction {
  return row;
}

function sumOf<T>(rows: T[], value: (row: T) => number): number {
  return rows.reduce((sum, row) => sum + value(row), 0);
}

function countSentiments<T extends { sentiment: keyof SentimentCounts | null }>(rows: T[], value: (row: T) => number): SentimentCounts {
  const counts: SentimentCounts = { positive: 0, neutral: 0, negative: 0 };
  for (const row of rows) if (row.sentiment) counts[row.sentiment] += value(row);
  return counts;
}

export function summarizeInteractions(mix: DayStatsRow[], week: WeekSentimentRow[], dayRows: DayInteractionRow[]): DigestData['interactions'] {
  const byKind = { comment: 0, dm: 0, mention: 0, review: 0 };
  const networks = new Map<NetworkName, number>();
  for (const row of mix) {
    if (row.kind) byKind[row.kind] += row.received;
    if (row.network) networks.set(row.network, (networks.get(row.network) ?? 0) + row.received);
  }
  const byNetwork = [...networks].map(([network, count]) => ({ network, count })).sort((a, b) => b.count - a.count || a.network.localeCompare(b.network));
  const bySentiment = countSentiments(mix, (row) => row.received);
  const before = countSentiments(week, (row) => row.count);
  const total = sumOf(mix, (row) => row.received);
  const previousTotal = sumOf(week, (row) => row.count);
  const todayShares = { total, negativeShare: share(bySentiment.negative, total), positiveShare: share(bySentiment.positive, total) };
  const previousShares = { total: previousTotal, negativeShare: share(before.negative, previousTotal), positiveShare: share(before.positive, previousTotal) };
  const quote = (list: DayInteractionRow['list']) => {
    const row = dayRows.find((r) => r.list === list);
    return row ? withoutList(row) : null;
  };
  return {
    total,
    byNetwork,
    byKind,
    bySentiment,
    sentimentShift: {
      today: todayShares,
      previous7Days: previousShares,
      negativeShift: difference(todayShares.negativeShare, previousShares.negativeShare),
      positiveShift: difference(todayShares.positiveShare, previousShares.positiveShare),
    },
    quotes: { mostNegative: quote('negative'), mostPositive: quote('positive') },
  };
}

export function summarizePosts(rows: PostRow[], timezone: string): DigestData['posts'] {
  const pick = (list: PostRow['list']) => {
    const items = rows.filter((row) => row.list === list);
    return {
      count: items[0]?.total ?? 0,
      items: items.map(({ list: _list, total: _total, ...post }) => ({ ...post, localTime: localTimeOf(post.scheduledAt, timezone) })),
    };
  };
  return { pending: pick('pending'), scheduled: pick('scheduled') };
}

export function summarizeModeration(rows: ModerationRow[]): DigestData['moderation'] {
  const byAction = new Map<string, number>();
  let cases = 0;
  let automodCases = 0;
  for (const row of rows) {
    if (row.row !== 'case' || !row.action) continue;
    cases += row.count;
    if (row.source === 'automod') automodCases += row.count;
    byAction.set(row.action, (byAction.get(row.action) ?? 0) + row.count);
  }
  const reports = rows.find((row) => row.row === 'reports');
  return {
    cases,
    automodCases,
    byAction: [...byAction].map(([action, count]) => ({ action, count })).sort((a, b) => b.count - a.count || a.action.localeCompare(b.action)),
    reportsToday: reports?.count ?? 0,
    reportsOpen: reports?.open ?? 0,
  };
}
