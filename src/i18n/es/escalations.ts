import type { escalations as en } from '../en/escalations.js';

export const escalations: Record<keyof typeof en, string> = {
  'escalation.notFound': 'No hay ninguna escalada {id} en esta marca.',
  'escalation.alreadyAcknowledged': 'La escalada #{number} ya la atendió {who} el {when}.',
  'escalation.alreadyResolved': 'La escalada #{number} ya la resolvió {who} el {when}.',
  'publishing.notFrozen': 'La publicación de {brand} no está congelada: no hay nada que levantar.',
};
