import type { Language } from '../../i18n/catalog.js';
import { foldAccents } from './tokens.js';

// Buying signals, written accent-free (text is folded before matching). Questions about
// price, stock, where to buy, shipping to a place, sizes, discounts, wholesale and quotes.
const leadPatterns: Record<Language, RegExp[]> = {
  en: [
    /\bhow much\b/, /\bprices?\b/, /\bpricing\b/, /\bcost(s)?\b.*\?/, /\bquote\b/, /\bwholesale\b/, /\bbulk\b/,
    /\b(where|how) (can|do|could) i (buy|get|order|purchase|find)\b/, /\b(want|like|love|going|looking) to (buy|order|purchase|get one)\b/,
    /\b(buy|order|purchase)\b.*\?/, /\b(in stock|available|availability|restock|back in stock|sold out)\b.*\?/, /\bdo you (ship|deliver)\b/,
    /\bship(ping)? to\b/, /\b(sizes?|colou?rs?)\b.*\?/, /\bdiscount code\b/, /\bpromo code\b/, /\binterested in\b/, /\bdm (me )?(the )?price\b/, /\blink to buy\b/, /\bpre-?order\b/,
  ],
  es: [
    /\bcuanto (cuesta|vale|cuestan|valen|sale|es)\b/, /\bprecios?\b/, /\bpresupuesto\b/, /\bal por mayor\b/, /\bmayorista\b/,
    /\bdonde (lo |la |los |las )?(puedo |se puede |se pueden )?(compr|consig|adquir|vend)\w*/, /\b(quiero|quisiera|me gustaria) (comprar|pedir|encargar)\b/,
    /\b(comprar|pedir|encargar)\b.*\?/, /\b(hay stock|teneis stock|disponible|disponibles|reposicion|agotado)\b.*\?/, /\b(haceis|hacen) envios\b/, /\benvi(ais|an|os) a\b/,
    /\b(lo|la|los|las) (teneis|tienen) en\b/, /\btallas?\b.*\?/, /\bcodigo de descuento\b/, /\bme interesa\b/, /\bpreventa\b/,
  ],
  it: [
    /\bquanto (costa|costano|viene|vengono)\b/, /\bprezz[oi]\b/, /\bpreventivo\b/, /\ball'ingrosso\b/, /\bingrosso\b/,
    /\bdove (lo |la |li |le )?(posso |si puo |si possono )?(compr|acquist|trov|vend)\w*/, /\b(vorrei|voglio) (comprare|ordinare|acquistare|prendere)\b/,
    /\b(comprare|ordinare|acquistare)\b.*\?/, /\b(disponibile|disponibili|riassortimento|esaurit[oa])\b.*\?/, /\bspedite (anche )?in\b/, /\bspedizion[ei] (in|per|verso)\b/,
    /\bc'e la taglia\b/, /\btaglie?\b.*\?/, /\bcodice sconto\b/, /\bmi interessa\b/, /\bpreordine\b/,
  ],
};

// A buying word inside a complaint ("I want a refund for what I bought") is not a lead.
const notLeadPatterns = /\b(refund|reembolso|devolucion|rimborso|reso|return|money back|cancel|cancelar|disdire)\b/;

/** True when the text asks how to buy, how much, or whether something is in stock. */
export function detectLeadIntent(text: string, language: Language | null): boolean {
  const folded = foldAccents(text).replace(/’/g, "'");
  if (notLeadPatterns.test(folded)) return false;
  const languages: Language[] = language ? [language] : ['en', 'es', 'it'];
  return languages.some((lang) => leadPatterns[lang].some((pattern) => pattern.test(folded)));
}
