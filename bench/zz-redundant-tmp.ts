import { lookUpValence } from '../src/ai/offline/lexicons.js';
import { socialValence } from '../src/ai/offline/socialLexicon.js';
for (const lang of ['en', 'es', 'it'] as const) {
  const redundant: string[] = []; const conflicting: string[] = [];
  for (const [word, value] of socialValence[lang]) {
    if (word.includes(' ') || value === 0) continue;
    const n = lookUpValence(word, lang);
    if (n && Math.sign(n) === Math.sign(value) && Math.abs(n) >= 1) redundant.push(`${word}(${value}/${n.toFixed(1)})`);
    else if (n && Math.sign(n) !== Math.sign(value)) conflicting.push(`${word}(${value}/${n.toFixed(1)})`);
  }
  console.log(lang, 'REDUNDANT', redundant.join(' '));
  console.log(lang, 'CONFLICT', conflicting.join(' '));
}
