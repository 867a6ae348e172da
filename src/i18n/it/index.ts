// Every message in this language, one file per area. Add an area here and in the other two.
import { brands } from './brands.js';
import { common } from './common.js';

export const it = {
  ...common,
  ...brands,
};
