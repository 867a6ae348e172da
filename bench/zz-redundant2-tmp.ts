import { readFileSync, writeFileSync } from 'node:fs';
import { lookUpValence } from '../src/ai/offline/lexicons.js';
import { socialValence } from '../src/ai/offline/socialLexicon.js';
const path = 'src/ai/offline/socialLexicon.ts';
let source = readFileSync(path, 'utf8');
const sections = source.split(/\n  (?=en: new Map|es: new Map|it: new Map)/);
for (const lang of ['en', 'es', 'it'] as const) {
  const idx = sections.findIndex((s) => s.startsWith(`${lang}: new Map`));
  let section = sections[idx]!;
  const removed: string[] = [];
  for (const [word, value] of socialValence[lang]) {
    if (word.includes(' ') || value === 0) continue;
    const n = lookUpValence(word, lang);
    if (n && Math.sign(n) === Math.sign(value) && Math.abs(n) >= 0.6 * Math.abs(value)) {
      const re = new RegExp(`\\['${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}', -?\\d\\], ?`);
      if (!re.test(section)) { console.log('!! not found', word); continue; }
      section = section.replace(re, '');
      removed.push(word);
    }
  }
  sections[idx] = section;
  console.log(lang, removed.length, removed.join(' '));
}
writeFileSync(path, sections.join('\n  '));
