import type { assistant as en } from '../en/assistant.js';

export const assistant: Record<keyof typeof en, string> = {
  'assistant.offline': 'Nel frattempo risponde l’assistente offline.',
  'assistant.fallbackNote': 'Risposta offline: l’assistente IA era lento o non disponibile.',
  'assistant.draftTitle': 'Risposta suggerita',
  'assistant.copyCheckTitle': 'Controllo del testo',
  'assistant.copyCheckClean': 'Controllo del testo: niente da segnalare.',
  'assistant.copy.bannedWord': 'Usa la parola vietata «{word}».',
  'assistant.copy.tooLong': 'Troppo lungo per {network}: {length} caratteri, il limite è {limit}.',
  'assistant.copy.tooManyHashtags': '{count} hashtag: su {network} resta entro {limit}.',
  'assistant.copy.noHashtags': 'Nessun hashtag: su {network} aiutano a trovare il post.',
  'assistant.copy.noCallToAction': 'Nessuna call to action: di’ cosa deve fare chi legge (visitare, commentare, acquistare…).',
  'assistant.copy.toneMismatch': 'Tono: {note}',
  'assistant.copy.negativeTone': 'Il testo suona negativo. È voluto?',
  'assistant.copy.shouting': '{count} parole in maiuscolo sembrano urlate.',
  'assistant.copy.emojiAgainstVoice': 'Emoji ({count}) in una voce di marca che le evita.',
  'assistant.copy.slangAgainstVoice': 'Gergo ({words}) in una voce di marca formale.',
  'assistant.copy.exclamationsAgainstVoice': '{count} punti esclamativi per una voce di marca pacata.',
  'assistant.simpleReply': 'Grazie per il messaggio. Stiamo verificando e ti risponderemo presto.',
  'assistant.simpleDigest': '{brand}: {count} metriche in questo periodo.',
};
