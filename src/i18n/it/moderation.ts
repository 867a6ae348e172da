import type { moderation as en } from '../en/moderation.js';

export const moderation: Record<keyof typeof en, string> = {
  'moderation.badDuration': '"{text}" non è una durata. Usa per esempio 10m, 1h, 1d o 1h30m.',
  'moderation.durationTooLong': '"{text}" è troppo lungo: il massimo è {max}.',
  'moderation.caseNotFound': 'Non esiste il caso #{number} in questo server.',
  'automod.badSetting': '"{text}" non è un valore valido per la regola {rule}. Esempio: {example}.',
  'automod.tooManyPunishments': 'Al massimo {max} livelli di sanzione: rimuovine uno prima (azione: off).',
  'report.notFound': 'La segnalazione #{id} non esiste qui.',
  'report.alreadyHandled': '<@{handledBy}> ha già gestito la segnalazione #{id} ({status}).',
  'guild.linkCodeUnknown': 'Quel codice di collegamento non esiste. In Slack, un admin del brand esegue `/tandem discord link` per ottenerne uno.',
  'guild.linkCodeUsed': 'Quel codice di collegamento è già stato usato. Chiedine uno nuovo con `/tandem discord link` in Slack.',
  'guild.linkCodeExpired': 'Quel codice di collegamento è scaduto (dura 30 minuti). Chiedine uno nuovo con `/tandem discord link` in Slack.',
  'guild.setupNeeded': 'Questo server non è ancora collegato a un brand. Un admin del server può eseguire `/setup code:…` con un codice da `/tandem discord link` in Slack.',
};
