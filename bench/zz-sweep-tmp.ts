import { analyzeOffline } from '../src/ai/offline/analyzeText.js';
import { sentimentTuning } from '../src/ai/offline/sentiment.js';
import { loadBrandComments, loadTweets, macroF1 } from './sentimentSets.js';
const brand = loadBrandComments().filter((i) => i.half === 'dev');
const tweets = [...loadTweets('en'), ...loadTweets('es')].filter((i) => i.half === 'dev');
const f = (items: typeof brand) => macroF1(items.map((i) => i.label), items.map((i) => analyzeOffline(i.text).sentiment));
for (const band of [0.1, 0.15, 0.2, 0.25, 0.3]) for (const neg of [1, 1.25, 1.5, 1.75]) for (const q of [0.4]) {
  Object.assign(sentimentTuning, { neutralBand: band, negativeWeight: neg, questionDamping: q });
  console.log(band, neg, q, 'brand', f(brand), 'tweets', f(tweets), 'tw-en', f(tweets.filter(i=>i.lang==='en')), 'tw-es', f(tweets.filter(i=>i.lang==='es')));
}
