// Chart specs for assets/charts.js: days aligned on one x axis (Unix seconds), one series per platform, a gap where
// a value is unknown; the volume chart adds a forecast with its 95% interval as a band.
import type { Json } from '../in-process';

export const COLORS: Record<string, string> = { amazon: '#d97706', etsy: '#db2777', ebay: '#2563eb' };

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: boolean;
  band?: boolean;
}
export interface ChartSpec {
  title: string;
  x: number[];
  series: ChartSeries[];
  /** Pairs of series indexes (1-based, as uPlot counts) filled between. */
  bands?: [number, number][];
}

/** A forecast of one series: future days with value and interval. */
export type ForecastPoints = { day: string; search_volume: number; lower: number; upper: number }[];

const seconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

/** One line per group (platform), aligned on the union of days. */
export function alignedChart(
  title: string,
  rows: Json[],
  group: string,
  metric: string,
  forecasts: Record<string, ForecastPoints> = {},
): ChartSpec {
  const days = new Set<string>(rows.map((r) => r.day as string));
  for (const points of Object.values(forecasts)) for (const p of points) days.add(p.day);
  const sorted = [...days].sort();
  const index = new Map(sorted.map((d, i) => [d, i]));
  const groups = [...new Set(rows.map((r) => r[group] as string))].sort();
  const empty = () => sorted.map((): number | null => null);
  const series: ChartSeries[] = groups.map((g) => {
    const values = empty();
    for (const r of rows) if (r[group] === g && typeof r[metric] === 'number') values[index.get(r.day)!] = r[metric];
    return { label: g, values, color: COLORS[g] ?? '#475467' };
  });
  const bands: [number, number][] = [];
  for (const [g, points] of Object.entries(forecasts)) {
    const value = empty();
    const lower = empty();
    const upper = empty();
    for (const p of points) {
      const i = index.get(p.day)!;
      [value[i], lower[i], upper[i]] = [p.search_volume, p.lower, p.upper];
    }
    const color = COLORS[g] ?? '#475467';
    series.push({ label: `${g} forecast`, values: value, color, dash: true });
    series.push(
      { label: `${g} upper 95%`, values: upper, color, band: true },
      { label: `${g} lower 95%`, values: lower, color, band: true },
    );
    bands.push([series.length - 1, series.length]);
  }
  return { title, x: sorted.map(seconds), series, bands };
}
