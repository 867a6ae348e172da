import { analyzeOffline } from '../src/ai/offline/analyzeText.js';
import { loadBrandComments, loadTweets, macroF1 } from './sentimentSets.js';
const brand = loadBrandComments().filter((i) => i.half === 'dev');
const tweets = [...loadTweets('en'), ...loadTweets('es')].filter((i) => i.half === 'dev');
const f = (items: typeof brand) => macroF1(items.map((i) => i.label), items.map((i) => analyzeOffline(i.text).sentiment));
console.log(process.argv[2], 'brand', f(brand), 'b-en', f(brand.filter(i=>i.lang==='en')), 'b-es', f(brand.filter(i=>i.lang==='es')), 'b-it', f(brand.filter(i=>i.lang==='it')), 'tweets', f(tweets), 'tw-en', f(tweets.filter(i=>i.lang==='en')), 'tw-es', f(tweets.filter(i=>i.lang==='es')));
