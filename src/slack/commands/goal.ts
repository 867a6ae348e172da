import { requirePermission } from '../../core/brands.js';
import { archiveGoal, listGoals, setGoal } from '../../core/goals.js';
import { goalLine, goalTitle, renderGoalList } from '../blocks/goalList.js';
import { section } from '../blocks/kit.js';
import { parseGoalText } from '../parse/goalText.js';
import type { SlackCommandDefinition } from '../turns.js';
import { buildGoalModal } from '../views/goalModal.js';

export const goalCommand: SlackCommandDefinition = {
  key: 'goal',
  descriptionKey: 'slack.command.goal.description',
  usageHintKey: 'slack.command.goal.hint',
  usageKey: 'slack.command.goal.usage',
  exampleKey: 'slack.command.goal.example',
  async run(turn) {
    const { deps, place, t, command } = turn;
    const request = parseGoalText(command.text);
    const ids = { brandId: place.brand.id, actorId: place.person.id };
    switch (request.kind) {
      case 'modal':
        await requirePermission(deps.ctx, place.brand.id, place.person.id, 'goal.manage');
        return turn.openModal(buildGoalModal(t, { brandId: place.brand.id, channelId: command.channel_id }));
      case 'list':
        return turn.tell(renderGoalList(place.brand.name, await listGoals(deps.ctx, ids), t, place.language));
      case 'archive': {
        const goal = await archiveGoal(deps.ctx, { ...ids, goalId: request.goalId });
        const text = t('slack.goal.archived', { id: goal.id, title: goalTitle(goal, t) });
        return turn.tell({ text, blocks: [section(text)] });
      }
      case 'set': {
        const goal = await setGoal(deps.ctx, { ...ids, metric: request.metric, target: request.target, network: request.network, deadline: request.deadline });
        // A new goal is team news: the channel sees it.
        const text = t('slack.goal.setBy', { id: goal.id, who: `<@${command.user_id}>` });
        return turn.announce({ text, blocks: [section(`${text}\n${goalLine(goal, t, place.language)}`)] });
      }
    }
  },
};
