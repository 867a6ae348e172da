import { section } from '../blocks/kit.js';
import { interactionButtonSchema, readButton } from '../buttonValues.js';
import { actionIds } from '../ids.js';
import type { SlackActionDefinition } from '../turns.js';

/** Draft reply: the assistant's reply drafts come with their own issue; until then, say so. */
export const draftReplyAction: SlackActionDefinition = {
  actionId: actionIds.draftReply,
  async run(turn) {
    const button = readButton(interactionButtonSchema, turn.value);
    await turn.useBrand(button.brandId);
    const text = turn.t('slack.comingSoon.draftReply');
    await turn.tell({ text, blocks: [section(text)] });
  },
};
