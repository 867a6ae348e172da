import type { Ctx } from '../../core/context.js';
import { findPersonByRef, loadPeople } from '../../core/escalationLookups.js';
import type { EscalationActor } from '../../core/escalationTimeline.js';
import { escapeText } from '../blocks/format.js';
import { personText } from '../blocks/labels.js';
import type { Translate } from '../turns.js';

/** Names an actor in Slack text: a Slack person is mentioned, anyone else is named. */
export type ActorText = (actor: EscalationActor | null) => string;

/**
 * Loads everyone a crisis message names in two queries' worth of reads, then names them
 * without touching the database again. A Discord moderator is known by their platform
 * ref ("discord:123"), automod and the pager by theirs.
 */
export async function loadActorText(ctx: Ctx, actors: readonly (EscalationActor | null)[], t: Translate): Promise<ActorText> {
  const people = await loadPeople(ctx, actors.map((a) => a?.personId));
  const refs = [...new Set(actors.filter((a) => a && a.personId === null && a.ref?.includes(':')).map((a) => a?.ref ?? ''))];
  const refNames = new Map<string, string>();
  for (const ref of refs) {
    const found = await findPersonByRef(ctx, ref);
    if (found?.displayName) refNames.set(ref, found.displayName);
  }
  return (actor) => {
    if (!actor) return t('crisis.actor.someone');
    if (actor.personId !== null) {
      const person = people.get(actor.personId);
      return person ? personText(person) : escapeText(actor.name ?? `#${actor.personId}`);
    }
    const ref = actor.ref ?? '';
    if (ref === 'automod') return t('crisis.actor.automod');
    if (ref.startsWith('discord:')) return t('crisis.actor.discord', { name: escapeText(refNames.get(ref) ?? ref.slice('discord:'.length)) });
    // The pager's ref is the replica that paged: people need to know it was Tandem, not which host.
    return t('crisis.actor.tandem');
  };
}
