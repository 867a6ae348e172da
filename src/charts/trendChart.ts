import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';

/**
 * Vega-Lite is loaded on first use, not at startup: importing it patches
 * Set.prototype.toJSON, and discord.js refuses to load after that patch. It also keeps
 * ~40 MB of charting code out of processes that never draw a digest.
 */
async function loadVega() {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  return { vega, compile: vegaLite.compile };
}

export type TrendSeries = { name: string; points: { date: string; value: number | null }[] };

export type TrendChartInput = {
  title: string;
  series: TrendSeries[];
  width?: number;
  height?: number;
};

/**
 * A line chart of daily series as SVG, laid out by Vega-Lite (pure JS, no native canvas).
 * Each series gets its own small panel: followers and clicks differ by orders of
 * magnitude, and one shared axis would flatten the small ones.
 */
export async function renderTrendSvg(input: TrendChartInput): Promise<string> {
  const values = input.series.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => ({ metric: s.name, date: p.date, value: p.value })));
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, anchor: 'start', fontSize: 14 },
    data: { values },
    background: 'white',
    padding: 12,
    facet: { row: { field: 'metric', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left', labelFontSize: 12 } } },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: input.width ?? 560,
      height: input.height ?? 70,
      mark: { type: 'line', point: false, strokeWidth: 2, interpolate: 'monotone' },
      encoding: {
        x: { field: 'date', type: 'temporal', title: null, axis: { format: '%d %b', labelFontSize: 10, tickCount: 6 } },
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false }, axis: { labelFontSize: 10, tickCount: 3, format: '~s' } },
        color: { field: 'metric', type: 'nominal', legend: null },
      },
    },
  };
  const { vega, compile } = await loadVega();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as PNG, for Slack's file upload. Fonts come from the system (DejaVu in the image). */
export async function renderTrendPng(input: TrendChartInput): Promise<Buffer> {
  const svg = await renderTrendSvg(input);
  const png = new Resvg(svg, { background: 'white', fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
  return png.asPng();
}
