import { expect, test } from 'vitest';
import { renderSparkline } from '../../src/charts/sparkline.js';
import { renderTrendPng, renderTrendSvg } from '../../src/charts/trendChart.js';

const days = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2026, 9, 1 + i)).toISOString().slice(0, 10));

test('sparklines scale between the series minimum and maximum, gaps as spaces', () => {
  expect(renderSparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
  expect(renderSparkline([5, null, 5])).toBe('▄ ▄');
  expect(renderSparkline([10, 0])).toBe('█▁');
  expect(renderSparkline([])).toBe('');
});

test('the trend chart draws one panel per metric with its title', async () => {
  const svg = await renderTrendSvg({
    title: 'Acme — last 30 days',
    series: [
      { name: 'followers', points: days.map((date, i) => ({ date, value: 1000 + i * 10 })) },
      { name: 'reach', points: days.map((date, i) => ({ date, value: 5000 - i * 20 })) },
    ],
  });
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('Acme — last 30 days');
  expect(svg).toContain('followers');
  expect(svg).toContain('reach');
  expect(svg.match(/<path[^>]*aria-roledescription="line mark"/g)?.length ?? svg.match(/class="mark-line/g)?.length).toBeGreaterThanOrEqual(2);
});

test('the PNG is a real image', async () => {
  const png = await renderTrendPng({ title: 'T', series: [{ name: 'clicks', points: days.map((date, i) => ({ date, value: i })) }] });
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.length).toBeGreaterThan(5_000);
});
