import type { KnownBlock } from '@slack/types';
import type { GoalView } from '../../core/goals.js';
import type { Language } from '../../i18n/catalog.js';
import type { Answer } from '../errorBoundary.js';
import type { Translate } from '../turns.js';
import { formatNumber, progressBar } from './format.js';
import { context, header, section } from './kit.js';
import { networkLabel } from './labels.js';

const healthEmoji = { on_track: '🟢', at_risk: '🟠', off_track: '🔴' } as const;

function unitOf(goal: GoalView): string {
  if (goal.metric === 'response_time') return ' min';
  if (goal.metric === 'engagement_rate' || goal.metric === 'positive_sentiment') return '%';
  return '';
}

export function goalTitle(goal: GoalView, t: Translate): string {
  const metric = t(`slack.metric.${goal.metric}`);
  return goal.network ? t('slack.goal.titleOn', { metric, network: networkLabel(goal.network, t) }) : metric;
}

/** One goal: what, target, a progress bar, where it stands now and whether it is on track. */
export function goalLine(goal: GoalView, t: Translate, language: Language): string {
  const unit = unitOf(goal);
  const target = `${formatNumber(goal.target, language)}${unit}`;
  const { progress } = goal;
  const percent = progress.percent === null ? '—' : `${formatNumber(Math.round(progress.percent), language, 0)}%`;
  const parts = [
    t('slack.goal.now', { value: progress.current === null ? '—' : `${formatNumber(progress.current, language)}${unit}` }),
    `${healthEmoji[progress.status]} ${t(`slack.goal.status.${progress.status}`)}`,
    progress.daysLeft === null ? t('slack.goal.noDeadline') : t('slack.goal.daysLeft', { days: progress.daysLeft }),
  ];
  const deadline = goal.deadline ? t('slack.goal.by', { date: goal.deadline }) : '';
  return `*${goalTitle(goal, t)}* → ${target}${deadline} · #${goal.id}\n\`${progressBar(progress.percent)}\` ${percent} · ${parts.join(' · ')}`;
}

export function renderGoalBlocks(goals: GoalView[], t: Translate, language: Language): KnownBlock[] {
  if (goals.length === 0) return [section(t('slack.goal.none'))];
  return goals.slice(0, 45).map((goal) => section(goalLine(goal, t, language)));
}

export function renderGoalList(brandName: string, goals: GoalView[], t: Translate, language: Language): Answer {
  return {
    text: t('slack.goal.listTitle', { brand: brandName }),
    blocks: [header(t('slack.goal.listTitle', { brand: brandName })), ...renderGoalBlocks(goals, t, language), context(t('slack.goal.listHint'))],
  };
}
