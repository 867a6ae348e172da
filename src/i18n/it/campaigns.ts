import type { campaigns as en } from '../en/campaigns.js';

export const campaigns: Record<keyof typeof en, string> = {
  'campaign.negativeBudget': 'Un budget non può essere negativo (ricevuto: {budget}).',
  'campaign.endsBeforeStart': 'La campagna finisce ({endsOn}) prima di iniziare ({startsOn}).',
  'campaign.nameTaken': 'Questo brand ha già una campagna chiamata "{name}". Scegli un altro nome.',
  'campaign.spendNotPositive': 'La spesa da aggiungere deve essere maggiore di zero (ricevuto: {amount}).',
  'campaign.notFound': 'Nessuna campagna #{campaign} in questo brand.',
};
