import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brandCommentsPath, loadBrandComments, loadTweets, macroF1, type EvalItem } from '../../bench/sentimentSets.js';
import { analyzeOffline } from '../../src/ai/offline/analyzeText.js';

// Floors, not targets: `npm run eval:sentiment` prints the current figures. The brand
// comments were written before the classifier and are never edited to fit it
// (test/fixtures/sentiment/README.md); this checksum makes any edit visible.
const brandCommentsSha256 = 'a5d74f7477d1b85dc3a88d5726f05ddabef66723b370540cec5c448d5f2474bf';

function score(items: EvalItem[]): number {
  return macroF1(
    items.map((item) => item.label),
    items.map((item) => analyzeOffline(item.text).sentiment),
  );
}

describe('offline sentiment on labelled sets (macro-F1, 3 classes)', () => {
  it('runs on the brand comments exactly as they were written', () => {
    const digest = createHash('sha256').update(readFileSync(brandCommentsPath)).digest('hex');
    expect(digest).toBe(brandCommentsSha256);
  });

  const brand = loadBrandComments();

  it('has at least 300 brand comments, balanced across languages and classes', () => {
    expect(brand.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['en', 'es', 'it'] as const) {
      for (const label of ['positive', 'neutral', 'negative'] as const) {
        expect(brand.filter((item) => item.lang === lang && item.label === label).length).toBeGreaterThanOrEqual(33);
      }
    }
  });

  it.each(['en', 'es', 'it'] as const)('scores ≥ 0.75 on the %s brand comments', (lang) => {
    expect(score(brand.filter((item) => item.lang === lang))).toBeGreaterThanOrEqual(0.75);
  });

  it('scores ≥ 0.75 on all brand comments together', () => {
    expect(score(brand)).toBeGreaterThanOrEqual(0.75);
  });

  it.each(['en', 'es'] as const)('scores ≥ 0.50 on the %s tweets (SentiMP-21, politics)', (lang) => {
    expect(score(loadTweets(lang))).toBeGreaterThanOrEqual(0.5);
  });

  it('scores ≥ 0.50 on all tweets together', () => {
    expect(score([...loadTweets('en'), ...loadTweets('es')])).toBeGreaterThanOrEqual(0.5);
  });

  it('computes macro-F1 as the mean of the per-class F1', () => {
    expect(macroF1(['positive', 'neutral', 'negative'], ['positive', 'neutral', 'negative'])).toBe(1);
    // Always "positive": F1 0.5 for positive, 0 for the others.
    expect(macroF1(['positive', 'neutral', 'negative'], ['positive', 'positive', 'positive'])).toBe(0.167);
  });
});
