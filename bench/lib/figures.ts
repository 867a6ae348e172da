/** One benchmark figure, printed as one JSON line on stdout so tools can read it. */
export type Figure = { bench: string; figure: string; value: number; unit: string } & Record<string, string | number | boolean>;

export function printFigure(figure: Figure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

/** Progress on stderr (stdout is for figures): "seeding 42% (12,345 rows/s)". */
export function reportProgress(label: string, done: number, total: number, startedMs: number): void {
  const rate = done / Math.max(1e-3, (performance.now() - startedMs) / 1000);
  process.stderr.write(`\r${label} ${Math.floor((done / total) * 100)}% (${Math.round(rate).toLocaleString('en')} /s)   `);
  if (done >= total) process.stderr.write('\n');
}
