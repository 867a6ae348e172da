import type { interactions as en } from '../en/interactions.js';

export const interactions: Record<keyof typeof en, string> = {
  'interaction.notFound': 'Non c’è nessuna interazione #{id} in questo brand.',
  'interaction.inFuture': '{when} è nel futuro: controlla data e ora.',
  'interaction.respondedBeforeReceived': 'La risposta non può essere precedente all’interazione (ricevuta {received}).',
  'interaction.alreadyResponded': 'Ha già risposto {who} il {when}.',
  'lead.illegalTransition': 'Un lead non può passare da {from} a {to}. Da {from} può passare a: {allowed}.',
};
