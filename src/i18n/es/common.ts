import type { common as en } from '../en/common.js';

export const common: Record<keyof typeof en, string> = {
  'error.unexpected': 'Algo salió mal por nuestra parte. Si vuelve a ocurrir, cita el id de error {errorId}.',
  'error.invalidInput': '{problems}',
  'error.databaseUnavailable': 'La base de datos no está disponible ahora; no se guardó nada. Inténtalo de nuevo en un minuto.',
  'platform.off': '{platform}: desactivado — define {variables} para activarlo.',
  'platform.on': '{platform}: activado ({mode}).',
};
