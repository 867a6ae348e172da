import { analyzeOffline } from '../src/ai/offline/analyzeText.js';
import { loadBrandComments, loadTweets } from './sentimentSets.js';
for (const i of [...loadBrandComments(), ...loadTweets('en'), ...loadTweets('es')].filter((i) => i.half === 'dev')) { const d = analyzeOffline(i.text).language; if (d !== i.lang) console.log(i.set, i.lang, d, i.text.slice(0, 120)); }
