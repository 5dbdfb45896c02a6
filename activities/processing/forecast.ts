// Forecasts of a daily search-volume series, replacing the reference pipeline's random-noise "predictions":
// a least-squares line or Holt's linear exponential smoothing, each with a 95% prediction interval,
// and a backtest on held-out days that says how far off they were (MAPE and WAPE, in percent).
// Missing days are NaN; volumes are never negative, so forecasts and bounds stop at 0.

export type ForecastMethod = 'linear' | 'holt';

export interface ForecastPoint {
  /** Days after the last day of the series. */
  step: number;
  value: number;
  lower: number;
  upper: number;
}

export interface Forecast {
  method: ForecastMethod;
  /** Fitted change per day. */
  slope: number;
  points: ForecastPoint[];
}

const Z95 = 1.959963984540054;
const MIN_POINTS = 3;

function point(step: number, value: number, se: number): ForecastPoint {
  return { step, value: Math.max(0, value), lower: Math.max(0, value - Z95 * se), upper: Math.max(0, value + Z95 * se) };
}

/** Ordinary least squares on (day index, value), with the classic interval for a new observation. */
export function linearForecast(values: ArrayLike<number>, horizon: number): Forecast | null {
  let n = 0,
    sx = 0,
    sy = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i]!)) continue;
    n++;
    sx += i;
    sy += values[i]!;
  }
  if (n < MIN_POINTS) return null;
  const mx = sx / n,
    my = sy / n;
  let sxx = 0,
    sxy = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i]!)) continue;
    sxx += (i - mx) ** 2;
    sxy += (i - mx) * (values[i]! - my);
  }
  const slope = sxy / sxx;
  let sse = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) sse += (values[i]! - my - slope * (i - mx)) ** 2;
  const s2 = sse / (n - 2);
  const points = Array.from({ length: horizon }, (_, h) => {
    const x = values.length - 1 + h + 1;
    return point(h + 1, my + slope * (x - mx), Math.sqrt(s2 * (1 + 1 / n + (x - mx) ** 2 / sxx)));
  });
  return { method: 'linear', slope, points };
}

const ALPHAS = [0.2, 0.4, 0.6, 0.8, 1];
const BETAS = [0.05, 0.15, 0.3];

/** Holt's method, α and β picked from a small grid by one-step-ahead squared error; gaps carry the last value. */
export function holtForecast(values: ArrayLike<number>, horizon: number): Forecast | null {
  const y: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) y.push(v);
    else if (y.length > 0) y.push(y.at(-1)!);
  }
  if (y.length < MIN_POINTS) return null;
  let best = { sse: Infinity, alpha: 1, beta: 0, level: 0, trend: 0 };
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      let level = y[0]!,
        trend = y[1]! - y[0]!,
        sse = 0;
      for (let t = 1; t < y.length; t++) {
        const error = y[t]! - (level + trend);
        sse += error * error;
        const next = level + trend + alpha * error;
        trend += alpha * beta * error;
        level = next;
      }
      if (sse < best.sse) best = { sse, alpha, beta, level, trend };
    }
  }
  const { alpha, beta, level, trend } = best;
  const s2 = best.sse / (y.length - 1);
  let spread = 1;
  const points: ForecastPoint[] = [];
  for (let h = 1; h <= horizon; h++) {
    // ETS(A,A,N) forecast variance: σ²(1 + Σ_{j<h} (α + αβ·j)²)
    if (h > 1) spread += (alpha + alpha * beta * (h - 1)) ** 2;
    points.push(point(h, level + h * trend, Math.sqrt(s2 * spread)));
  }
  return { method: 'holt', slope: trend, points };
}

export function forecast(values: ArrayLike<number>, horizon: number, method: ForecastMethod): Forecast | null {
  return method === 'holt' ? holtForecast(values, horizon) : linearForecast(values, horizon);
}

export interface BacktestResult {
  method: ForecastMethod;
  heldOutDays: number;
  series: number;
  points: number;
  /** Mean absolute percentage error over held-out days with a non-zero actual, in percent. */
  mape: number | null;
  /** Σ|error| / Σ|actual|, in percent: not dominated by tiny volumes as MAPE is. */
  wape: number | null;
}

/** Fits on all but the last `heldOutDays` of each series and scores the forecast of those days. */
export function backtest(
  series: readonly (Float64Array | readonly number[])[],
  method: ForecastMethod,
  heldOutDays: number,
): BacktestResult {
  let ape = 0,
    apeCount = 0,
    absError = 0,
    absActual = 0,
    used = 0,
    points = 0;
  for (const values of series) {
    const cut = values.length - heldOutDays;
    const fit = cut > 0 ? forecast(values.slice(0, cut), heldOutDays, method) : null;
    if (!fit) continue;
    used++;
    for (let h = 0; h < heldOutDays; h++) {
      const actual = values[cut + h]!;
      if (Number.isNaN(actual)) continue;
      const error = Math.abs(actual - fit.points[h]!.value);
      points++;
      absError += error;
      absActual += Math.abs(actual);
      if (actual === 0) continue;
      ape += error / Math.abs(actual);
      apeCount++;
    }
  }
  return {
    method,
    heldOutDays,
    series: used,
    points,
    mape: apeCount > 0 ? (100 * ape) / apeCount : null,
    wape: absActual > 0 ? (100 * absError) / absActual : null,
  };
}
