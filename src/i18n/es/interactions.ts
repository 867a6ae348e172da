import type { interactions as en } from '../en/interactions.js';

export const interactions: Record<keyof typeof en, string> = {
  'interaction.notFound': 'No hay ninguna interacción #{id} en esta marca.',
  'interaction.inFuture': '{when} está en el futuro: revisa la fecha y la hora.',
  'interaction.respondedBeforeReceived': 'La respuesta no puede ser anterior a la interacción (recibida {received}).',
  'interaction.alreadyResponded': 'Ya la respondió {who} el {when}.',
  'lead.illegalTransition': 'Un lead no puede pasar de {from} a {to}. Desde {from} puede pasar a: {allowed}.',
};
