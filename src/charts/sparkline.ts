const bars = '▁▂▃▄▅▆▇█';

/**
 * A unicode sparkline (▁▂▃▅▇): the digest's picture when an image cannot be uploaded.
 * Missing values (null) are drawn as a space so gaps stay visible.
 */
export function renderSparkline(values: (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return '';
  const min = Math.min(...present);
  const max = Math.max(...present);
  const span = max - min;
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      const level = span === 0 ? 3 : Math.round(((v - min) / span) * (bars.length - 1));
      return bars[level];
    })
    .join('');
}
