import type { metrics as en } from '../en/metrics.js';

export const metrics: Record<keyof typeof en, string> = {
  'metrics.noValues': 'Indica al menos un número que registrar: {metrics}.',
  'metrics.negative': '{metric} no puede ser negativo (recibido: {value}).',
  'metrics.futureDate': 'El {date} todavía no ha llegado (hoy es {today} en la zona horaria de la marca).',
  'metrics.badRange': 'El periodo empieza después de terminar ({from} → {to}).',
};
