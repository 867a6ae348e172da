import { foldAccents } from './tokens.js';

/**
 * Signals that a comment could hurt the brand beyond one unhappy customer, written
 * accent-free in the three languages. Weights say how much one signal alone should worry
 * the team; several signals add up (1 - Π(1 - w)).
 */
const crisisSignals: { name: string; weight: number; pattern: RegExp }[] = [
  {
    name: 'harm',
    weight: 0.55,
    pattern:
      /\b(sick|got sick|poison\w*|hospital\w*|injur\w*|(got|was|were|been) hurt|burn(ed|t|s)?|allergic reaction|rash|chok\w*|unsafe|dangerous|food poisoning|intoxicacion|intoxicad[oa]|enferm[oa]s?|herid[oa]s?|quemadura|peligros[oa]|reaccion alergica|intossicazione|intossicat[oa]|ospedale|ferit[oa]|ustion\w*|pericolos[oa]|reazione allergica|emergency|urgencias|pronto soccorso)\b/,
  },
  { name: 'legal', weight: 0.6, pattern: /\b(lawsuit|sue (you|them|the company)|(going to|will|gonna) sue|suing|lawyer|attorney|legal action|small claims|demanda judicial|demandar\w*|abogad[oa]|denunci\w*|tribunal\w*|avvocat[oa]|querela|causa legale|tribunale|class action)\b/ },
  { name: 'boycott', weight: 0.6, pattern: /\b(boycott\w*|boicot\w*|boicott\w*)\b/ },
  { name: 'fraud', weight: 0.35, pattern: /\b(scam|fraud\w*|stole|stolen|chargeback|estafa\w*|fraude|timo|robo|truffa\w*|frode|rubat[oa])\b/ },
  { name: 'refund', weight: 0.2, pattern: /\b(refund\w*|money back|reembols\w*|devolucion del dinero|rimbors\w*|rivoglio i (miei )?soldi)\b/ },
  {
    name: 'exposure',
    weight: 0.4,
    pattern: /\b(viral|trending|the press|journalist\w*|reporter|the news|going public|tell everyone|prensa|periodista\w*|noticias|virale|giornalist\w*|giornali|telegiornale|striscia la notizia|tutti sapranno)\b/,
  },
  { name: 'discrimination', weight: 0.5, pattern: /\b(racis\w*|sexis\w*|homophob\w*|discriminat\w*|racista\w*|machista\w*|discriminacion|homofob\w*|razzis\w*|sessis\w*|discriminazione|omofob\w*)\b/ },
  { name: 'privacy', weight: 0.45, pattern: /\b(data breach|leak(ed)? (my )?data|hacked|privacy|filtracion|hackead[oa]|datos personales|violazione dei dati|hackerat[oa]|dati personali)\b/ },
  { name: 'regulator', weight: 0.45, pattern: /\b(trading standards|ftc|consumer protection|ombudsman|oficina del consumidor|omic|facua|ocu|codacons|agcm|antitrust|garante della privacy)\b/ },
];

export type CrisisReading = { risk: number; signals: string[] };

/**
 * How likely the comment is to grow into a crisis, 0..1: the signals found plus anger
 * (negative sentiment, shouting) which makes any of them likelier to spread.
 */
export function rateCrisisRisk(text: string, sentimentScore: number): CrisisReading {
  const folded = foldAccents(text);
  const signals = crisisSignals.filter((signal) => signal.pattern.test(folded));
  let calm = signals.reduce((rest, signal) => rest * (1 - signal.weight), 1);
  if (sentimentScore < 0) calm *= 1 - 0.25 * -sentimentScore;
  // A thank-you that mentions a refund is not a threat.
  else if (sentimentScore > 0) calm = 1 - (1 - calm) * (1 - 0.5 * sentimentScore);
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 12 && letters === letters.toUpperCase()) calm *= 0.85;
  const risk = Math.round((1 - calm) * 100) / 100;
  return { risk: Math.min(1, Math.max(0, risk)), signals: signals.map((s) => s.name) };
}
