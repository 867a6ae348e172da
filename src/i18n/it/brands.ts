import type { brands as en } from '../en/brands.js';

export const brands: Record<keyof typeof en, string> = {
  'brand.notFound': 'Nessun brand "{brand}". `/tandem help` elenca i tuoi brand.',
  'permission.denied': 'Serve il ruolo {required} (hai: {current}). Chiedi a un admin del brand di eseguire `/tandem role @te {required}`.',
  'role.lastAdmin': 'È l’ultimo admin del brand: nomina prima un altro admin.',
  'setting.unknown': 'Impostazione sconosciuta "{key}". Impostazioni: {keys}.',
  'setting.invalid': 'L’impostazione {key} {problem}.',
};
