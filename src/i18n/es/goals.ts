import type { goals as en } from '../en/goals.js';

export const goals: Record<keyof typeof en, string> = {
  'goal.targetNotPositive': 'El objetivo de una meta debe ser mayor que cero (recibido: {target}).',
  'goal.percentOver100': '{metric} es un porcentaje: el objetivo debe ser 100 o menos (recibido: {target}).',
  'goal.deadlineInPast': 'La fecha límite {deadline} ya ha pasado (hoy es {today} en la zona horaria de la marca).',
  'goal.notFound': 'No existe la meta #{goal} en esta marca. `/goals` las muestra.',
  'goal.alreadyArchived': 'La meta #{goal} ya está archivada.',
};
