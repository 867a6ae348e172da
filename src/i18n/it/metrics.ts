import type { metrics as en } from '../en/metrics.js';

export const metrics: Record<keyof typeof en, string> = {
  'metrics.noValues': 'Indica almeno un numero da registrare: {metrics}.',
  'metrics.negative': '{metric} non può essere negativo (ricevuto: {value}).',
  'metrics.futureDate': 'Il {date} non è ancora arrivato (oggi è il {today} nel fuso orario del brand).',
  'metrics.badRange': 'Il periodo inizia dopo la fine ({from} → {to}).',
};
