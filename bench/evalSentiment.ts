// Measures the offline sentiment classifier: one JSON line per figure (macro-F1 on three
// classes per set and language, language detection accuracy). `npm run eval:sentiment`.
import { analyzeOffline } from '../src/ai/offline/analyzeText.js';
import type { Sentiment } from '../src/core/assistant.js';
import { printFigure } from './lib/figures.js';
import { loadBrandComments, loadTweets, macroF1, type EvalItem } from './sentimentSets.js';

type Scored = EvalItem & { predicted: Sentiment; detected: string | null };

function score(items: EvalItem[]): Scored[] {
  return items.map((item) => {
    const analysis = analyzeOffline(item.text);
    return { ...item, predicted: analysis.sentiment, detected: analysis.language };
  });
}

function print(set: string, lang: string, figure: string, value: number, n: number): void {
  printFigure({ eval: 'sentiment', set, lang, figure, value, n, bench: 'eval_sentiment', unit: 'ratio' });
}

function report(set: string, lang: string, items: Scored[]): void {
  print(set, lang, 'macro_f1', macroF1(items.map((i) => i.label), items.map((i) => i.predicted)), items.length);
}

const brand = score(loadBrandComments());
const tweets = [...score(loadTweets('en')), ...score(loadTweets('es'))];
const verbose = process.argv.includes('--errors');

for (const [set, items] of [['brand', brand], ['tweets', tweets]] as const) {
  for (const lang of ['en', 'es', 'it']) {
    const ofLang = items.filter((i) => i.lang === lang);
    if (ofLang.length) report(set, lang, ofLang);
  }
  report(set, 'all', items);
  if (set === 'brand') {
    report('brand_dev', 'all', items.filter((i) => i.half === 'dev'));
    report('brand_holdout', 'all', items.filter((i) => i.half === 'holdout'));
  }
  const detected = items.filter((i) => i.detected === i.lang).length;
  print(set, 'all', 'language_accuracy', Math.round((detected / items.length) * 1000) / 1000, items.length);
}

// `--errors` lists the dev half's mistakes only: the holdout half stays unread.
if (verbose) {
  for (const item of [...brand, ...tweets].filter((i) => i.half === 'dev' && i.predicted !== i.label)) {
    process.stderr.write(`${item.set}\t${item.lang}\t${item.label}\t${item.predicted}\t${item.detected}\t${item.text}\n`);
  }
}
