import type { brands as en } from '../en/brands.js';

export const brands: Record<keyof typeof en, string> = {
  'brand.notFound': 'No existe la marca "{brand}". `/tandem help` muestra tus marcas.',
  'permission.denied': 'Esto requiere el rol {required} (tienes: {current}). Pide a un admin de la marca que ejecute `/tandem role @tú {required}`.',
  'role.lastAdmin': 'Es el último admin de la marca: nombra antes a otra persona admin.',
  'setting.unknown': 'Ajuste desconocido "{key}". Ajustes: {keys}.',
  'setting.invalid': 'El ajuste {key} {problem}.',
};
