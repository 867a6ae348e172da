import type { common as en } from '../en/common.js';

export const common: Record<keyof typeof en, string> = {
  'error.unexpected': 'Qualcosa è andato storto da parte nostra. Se succede ancora, cita l’id di errore {errorId}.',
  'error.invalidInput': '{problems}',
  'error.databaseUnavailable': 'Il database non è raggiungibile in questo momento: non è stato salvato nulla. Riprova tra un minuto.',
  'platform.off': '{platform}: spento — imposta {variables} per attivarlo.',
  'platform.on': '{platform}: attivo ({mode}).',
};
