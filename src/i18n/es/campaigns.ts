import type { campaigns as en } from '../en/campaigns.js';

export const campaigns: Record<keyof typeof en, string> = {
  'campaign.negativeBudget': 'Un presupuesto no puede ser negativo (recibido: {budget}).',
  'campaign.endsBeforeStart': 'La campaña termina ({endsOn}) antes de empezar ({startsOn}).',
  'campaign.nameTaken': 'Esta marca ya tiene una campaña llamada "{name}". Elige otro nombre.',
  'campaign.spendNotPositive': 'El gasto que se añade debe ser mayor que cero (recibido: {amount}).',
  'campaign.notFound': 'No existe la campaña #{campaign} en esta marca.',
};
