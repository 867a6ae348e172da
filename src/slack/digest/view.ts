import type { Language } from '../../i18n/catalog.js';
import type { Translate } from '../turns.js';

/** What every part of a rendered digest needs: the brand's words, zone, and whether buttons belong. */
export type DigestView = {
  t: Translate;
  language: Language;
  timezone: string;
  brandId: number;
  /** Shortcut buttons (Approve, Acknowledge, Escalate); off where nobody can click (Discord text, tests of text). */
  buttons: boolean;
};
