import type { Interaction } from 'discord.js';
import type { InFlight } from '../observability/inFlight.js';
import type { Metrics } from '../observability/metrics.js';
import { newRequestId, runInRequestScope } from '../observability/requestScope.js';
import type { Outcome } from './errorBoundary.js';
import { parseCustomId } from './ids.js';

export type InteractionObservers = { metrics?: Metrics; inFlight?: InFlight };

/** A label with few values: the command's name, or a button's kind and action (never its ids). */
export function labelOfInteraction(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return `/${interaction.commandName}`;
  if (interaction.isCommand()) return interaction.commandName;
  if (interaction.isButton()) {
    const parsed = parseCustomId(interaction.customId);
    return parsed ? `button:${parsed.kind}:${parsed.action}` : 'button:unknown';
  }
  return 'other';
}

/**
 * Wraps the interaction router: each interaction gets its own request scope (request id,
 * interaction, guild, user on every log line), is counted and timed for GET /metrics, and
 * counts as in flight until answered, so a graceful stop waits for it.
 */
export function observeInteractions(
  route: (interaction: Interaction) => Promise<Outcome | null>,
  observers: InteractionObservers,
): (interaction: Interaction) => Promise<Outcome | null> {
  return (interaction) => {
    const started = performance.now();
    const command = labelOfInteraction(interaction);
    const bindings = { requestId: newRequestId(), interaction: interaction.id, guild: interaction.guildId ?? undefined, user: interaction.user.id, discord: command };
    const record = (outcome: Outcome) => {
      observers.metrics?.commands.inc({ platform: 'discord', command, outcome });
      observers.metrics?.commandSeconds.observe({ platform: 'discord', command }, (performance.now() - started) / 1000);
    };
    const work = runInRequestScope(bindings, () => route(interaction)).then(
      (outcome) => {
        if (outcome) record(outcome);
        return outcome;
      },
      (error: unknown) => {
        record('failed');
        throw error;
      },
    );
    return observers.inFlight ? observers.inFlight.track(work) : work;
  };
}
