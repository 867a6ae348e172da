import { tokenize } from '/work/main/src/ai/offline/tokens.js';
import { lookUpValence } from '/work/main/src/ai/offline/lexicons.js';
import { readSentiment } from '/work/main/src/ai/offline/sentiment.js';
import { detectLanguage } from '/work/main/src/ai/offline/language.js';
import { socialValence } from '/work/main/src/ai/offline/socialLexicon.js';
for (const text of process.argv.slice(2)) {
  const tokens = tokenize(text);
  const lang = detectLanguage(text, tokens).language ?? 'en';
  console.log(lang, JSON.stringify(readSentiment(tokens, lang)), text);
  console.log('   ', tokens.map((t) => `${t.text}:${(socialValence[lang].get(t.text) ?? lookUpValence(t.text, lang)).toFixed(1)}`).join(' '));
}
