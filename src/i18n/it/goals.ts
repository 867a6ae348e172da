import type { goals as en } from '../en/goals.js';

export const goals: Record<keyof typeof en, string> = {
  'goal.targetNotPositive': 'Il traguardo di un obiettivo deve essere maggiore di zero (ricevuto: {target}).',
  'goal.percentOver100': '{metric} è una percentuale: il traguardo deve essere 100 o meno (ricevuto: {target}).',
  'goal.deadlineInPast': 'La scadenza {deadline} è già passata (oggi è il {today} nel fuso orario del brand).',
  'goal.notFound': 'Nessun obiettivo #{goal} in questo brand. `/goals` li elenca.',
  'goal.alreadyArchived': 'L’obiettivo #{goal} è già archiviato.',
};
