// The 7-day forecasts stored with a trend analysis: per keyword series (platform, keyword) and per
// platform total, with the method chosen by a backtest on held-out days over every series.
import { addDays, dayNumber } from './days';
import { backtest, forecast, type BacktestResult, type Forecast, type ForecastMethod } from './forecast';
import { pyRound } from './scores';
import type { CompleteObservation } from './types';

export interface ForecastOptions {
  horizonDays?: number;
  backtestDays?: number;
  /** Keywords with the highest latest volume that get their own forecast. */
  topKeywords?: number;
}

export interface SeriesForecast {
  last_day: string;
  last_volume: number;
  slope: number;
  forecast: { day: string; search_volume: number; lower: number; upper: number }[];
}

export interface FuturePredictions {
  horizon_days: number;
  interval_level: number;
  /** null when the window has fewer than 3 days: nothing to fit a trend on. */
  method: ForecastMethod | null;
  /** Over every series: the last `held_out_days` forecast from the days before; MAPE/WAPE in %. */
  backtest: {
    held_out_days: number;
    series: number;
    points: number;
    mape: number | null;
    wape: number | null;
    chosen: ForecastMethod;
    compared: { method: ForecastMethod; mape: number | null; wape: number | null }[];
  } | null;
  platform_totals: Record<string, SeriesForecast>;
  keywords: (SeriesForecast & { keyword: string; platform: string })[];
}

/** Series run over calendar days from the window's first to its newest day; a missing day is NaN. */
export function forecastTrends(rows: readonly CompleteObservation[], options: ForecastOptions = {}): FuturePredictions {
  const { horizonDays = 7, backtestDays = 7, topKeywords = 20 } = options;
  const empty = { horizon_days: horizonDays, interval_level: 0.95, method: null, backtest: null, platform_totals: {}, keywords: [] };
  const dayIndex = new Map<string, number>();
  for (const row of rows) if (!dayIndex.has(row.day)) dayIndex.set(row.day, dayNumber(row.day));
  if (dayIndex.size < 3) return empty;
  const first = Math.min(...dayIndex.values());
  for (const [day, n] of dayIndex) dayIndex.set(day, n - first);
  const span = Math.max(...dayIndex.values()) + 1;
  const newestDay = [...dayIndex.keys()].reduce((a, b) => (b > a ? b : a));
  const series = new Map<string, { keyword: string; platform: string; values: Float64Array }>();
  const totals = new Map<string, Float64Array>();
  for (const row of rows) {
    const at = dayIndex.get(row.day)!;
    const key = `${row.platform}\u0000${row.keyword}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { keyword: row.keyword, platform: row.platform, values: new Float64Array(span).fill(NaN) }));
    s.values[at] = row.searchVolume;
    let total = totals.get(row.platform);
    if (!total) totals.set(row.platform, (total = new Float64Array(span).fill(NaN)));
    total[at] = (Number.isNaN(total[at]!) ? 0 : total[at]!) + row.searchVolume;
  }
  const all = [...series.values()];
  const heldOut = Math.min(backtestDays, dayIndex.size - 3);
  const compared =
    heldOut > 0
      ? (['linear', 'holt'] as const).map((m) =>
          backtest(
            all.map((s) => s.values),
            m,
            heldOut,
          ),
        )
      : [];
  const scored = compared.filter((b) => b.mape !== null).sort((a, b) => a.mape! - b.mape!);
  const method = scored[0]?.method ?? 'linear';
  const newest = span - 1;
  const describe = (values: Float64Array): SeriesForecast | null => {
    const fit = forecast(values, horizonDays, method);
    const last = values.findLastIndex((v) => !Number.isNaN(v));
    return fit ? summarise(fit, newestDay, addDays(newestDay, last - newest), values[last]!) : null;
  };
  // the keywords with the highest latest volume (their newest day may be missing: it is a gap)
  const latest = (values: Float64Array) => values[values.findLastIndex((v) => !Number.isNaN(v))]!;
  const keywords = all
    .map((s) => ({ s, volume: latest(s.values) }))
    .sort((a, b) => b.volume - a.volume)
    .slice(0, topKeywords)
    .flatMap(({ s }) => {
      const f = describe(s.values);
      return f ? [{ keyword: s.keyword, platform: s.platform, ...f }] : [];
    });
  const platformTotals: Record<string, SeriesForecast> = {};
  for (const [platform, values] of totals) {
    const f = describe(values);
    if (f) platformTotals[platform] = f;
  }
  const best = scored[0] ?? compared[0];
  return {
    ...empty,
    method,
    backtest: best ? backtestSummary(best, method, compared) : null,
    platform_totals: platformTotals,
    keywords,
  };
}

function backtestSummary(best: BacktestResult, chosen: ForecastMethod, compared: BacktestResult[]): FuturePredictions['backtest'] {
  const round = (v: number | null) => (v === null ? null : pyRound(v, 2));
  return {
    held_out_days: best.heldOutDays,
    series: best.series,
    points: best.points,
    mape: round(best.mape),
    wape: round(best.wape),
    chosen,
    compared: compared.map((b) => ({ method: b.method, mape: round(b.mape), wape: round(b.wape) })),
  };
}

function summarise(fit: Forecast, newestDay: string, lastDay: string, lastVolume: number): SeriesForecast {
  return {
    last_day: lastDay,
    last_volume: lastVolume,
    slope: pyRound(fit.slope, 3),
    forecast: fit.points.map((p) => ({
      day: addDays(newestDay, p.step),
      search_volume: pyRound(p.value, 2),
      lower: pyRound(p.lower, 2),
      upper: pyRound(p.upper, 2),
    })),
  };
}
