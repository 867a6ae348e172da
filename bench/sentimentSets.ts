import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { sentimentSchema, type Sentiment } from '../src/core/assistant.js';

/** The labelled sets the offline classifier is measured on (test/fixtures/sentiment/README.md). */
const fixtures = fileURLToPath(new URL('../test/fixtures/sentiment/', import.meta.url));

export const evalLanguageSchema = z.enum(['en', 'es', 'it']);
export type EvalItem = { set: 'brand' | 'tweets'; lang: z.infer<typeof evalLanguageSchema>; label: Sentiment; text: string; half: 'dev' | 'holdout' };

export const brandCommentsPath = `${fixtures}brand-comments.tsv`;

/** The 306 brand comments; `half` alternates within each language × label group (dev first). */
export function loadBrandComments(): EvalItem[] {
  const lines = readFileSync(brandCommentsPath, 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
  const seen = new Map<string, number>();
  return lines.slice(1).map((line) => {
    const [lang, label, text] = line.split('\t');
    const group = `${lang}/${label}`;
    const position = seen.get(group) ?? 0;
    seen.set(group, position + 1);
    return {
      set: 'brand',
      lang: evalLanguageSchema.parse(lang),
      label: sentimentSchema.parse(label),
      text: z.string().min(1).parse(text),
      half: position % 2 === 0 ? 'dev' : 'holdout',
    };
  });
}

/** SentiMP-21 tweets (CC BY-SA 4.0, see tweets/SOURCES.md): `label<TAB>text`, no header. */
export function loadTweets(lang: 'en' | 'es'): EvalItem[] {
  const lines = readFileSync(`${fixtures}tweets/${lang}.tsv`, 'utf8').split('\n').filter(Boolean);
  return lines.map((line, index) => {
    const tab = line.indexOf('\t');
    return {
      set: 'tweets',
      lang,
      label: sentimentSchema.parse(line.slice(0, tab)),
      text: line.slice(tab + 1),
      half: index % 2 === 0 ? 'dev' : 'holdout',
    };
  });
}

/** Mean of the three classes' F1, so a classifier cannot score by always saying "positive". */
export function macroF1(gold: readonly Sentiment[], predicted: readonly Sentiment[]): number {
  const f1s = sentimentSchema.options.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (p === label && g === label) tp++;
      else if (p === label) fp++;
      else if (g === label) fn++;
    });
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return Math.round((f1s.reduce((a, b) => a + b, 0) / f1s.length) * 1000) / 1000;
}
