import type { KnownBlock } from '@slack/types';
import type { GoalProgress } from '../../core/digestKpis.js';
import { progressBar } from '../blocks/format.js';
import { context, section } from '../blocks/kit.js';
import { networkLabel } from '../blocks/labels.js';
import { formatGoalValue, formatPerDay } from './figures.js';
import type { DigestView } from './view.js';

/** Goals shown one by one; the rest are counted (a message holds 50 blocks). */
const maxGoals = 6;

function daysLeftText(goal: GoalProgress, view: DigestView): string {
  if (goal.daysLeft === null) return view.t('digest.goals.noDeadline');
  if (goal.daysLeft === 0) return view.t('digest.goals.deadlineToday');
  return view.t('digest.goals.daysLeft', { count: goal.daysLeft });
}

function paceText(goal: GoalProgress, view: DigestView): string {
  const left = daysLeftText(goal, view);
  const { actualPerDay, requiredPerDay } = goal.pace;
  // Rate goals without a baseline have no pace: a share is not something that adds up per day.
  if (actualPerDay === null) return left;
  const actual = formatPerDay(goal.metric, actualPerDay, view.language);
  if (requiredPerDay === null || goal.status === 'achieved') return view.t('digest.goals.paceNoNeed', { actual, left });
  return view.t('digest.goals.pace', { actual, required: formatPerDay(goal.metric, requiredPerDay, view.language), left });
}

/** One goal: progress bar, % of target, current value, pace against what the deadline needs, status. */
export function renderGoalLine(goal: GoalProgress, view: DigestView): string {
  const { t, language } = view;
  return t('digest.goals.line', {
    metric: t(`slack.metric.${goal.metric}`),
    network: goal.network ? ` · ${networkLabel(goal.network, t)}` : '',
    status: t(`digest.status.${goal.status}`),
    // The bar shows the way from start to target; without a start, the share of target.
    bar: progressBar(goal.progress !== null ? goal.progress * 100 : goal.percentOfTarget),
    percent: goal.percentOfTarget === null ? '—' : `${Math.round(goal.percentOfTarget)}%`,
    target: formatGoalValue(goal.metric, goal.target, language),
    current: formatGoalValue(goal.metric, goal.current, language),
    pace: paceText(goal, view),
  });
}

export function renderGoalsSection(goals: GoalProgress[], view: DigestView): KnownBlock[] {
  if (goals.length === 0) return [section(view.t('digest.goals.none'))];
  const blocks: KnownBlock[] = [section(view.t('digest.goals.title'))];
  for (const goal of goals.slice(0, maxGoals)) blocks.push(section(renderGoalLine(goal, view)));
  if (goals.length > maxGoals) blocks.push(context(view.t('digest.goals.more', { count: goals.length - maxGoals })));
  return blocks;
}
