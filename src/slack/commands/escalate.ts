import { requirePermission } from '../../core/brands.js';
import { liftFreeze } from '../../core/escalations.js';
import { escapeText } from '../blocks/format.js';
import { section } from '../blocks/kit.js';
import { raiseFromSlack } from '../crisis/raiseFromSlack.js';
import { parseEscalateText } from '../parse/escalateText.js';
import type { SlackCommandDefinition } from '../turns.js';
import { buildEscalateModal } from '../views/escalateModal.js';

/** `/escalate [sev1|sev2|sev3] <summary…>` raises a crisis; `/escalate unfreeze` lifts a sev1's publishing freeze; alone, it opens the form. */
export const escalateCommand: SlackCommandDefinition = {
  key: 'escalate',
  descriptionKey: 'crisis.command.description',
  usageHintKey: 'crisis.command.hint',
  usageKey: 'crisis.command.usage',
  exampleKey: 'crisis.command.example',
  async run(turn) {
    const { deps, place, t, command } = turn;
    const request = parseEscalateText(command.text);
    switch (request.kind) {
      case 'modal':
        await requirePermission(deps.ctx, place.brand.id, place.person.id, 'escalation.raise');
        return turn.openModal(buildEscalateModal(t, { brandId: place.brand.id, channelId: command.channel_id, crisis: { raisedVia: 'slack_command' } }, { severity: 'sev2' }));
      case 'unfreeze': {
        await liftFreeze(deps.ctx, { brandId: place.brand.id, actorId: place.person.id });
        const text = t('crisis.unfrozen.done', { brand: escapeText(place.brand.name) });
        return turn.tell({ text, blocks: [section(text)] });
      }
      case 'raise':
        return turn.tell(await raiseFromSlack(deps, place, { severity: request.severity, summary: request.summary, raisedVia: 'slack_command' }));
    }
  },
};
