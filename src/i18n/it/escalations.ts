import type { escalations as en } from '../en/escalations.js';

export const escalations: Record<keyof typeof en, string> = {
  'escalation.notFound': 'Non c’è nessuna escalation {id} in questo brand.',
  'escalation.alreadyAcknowledged': 'L’escalation #{number} è già stata presa in carico da {who} il {when}.',
  'escalation.alreadyResolved': 'L’escalation #{number} è già stata risolta da {who} il {when}.',
  'publishing.notFrozen': 'La pubblicazione di {brand} non è congelata: non c’è nulla da sbloccare.',
};
