import { describe, expect, it } from 'vitest';
import { backtest, holtForecast, linearForecast } from '../../activities/processing/forecast';

const line = (n: number, a: number, b: number) => Array.from({ length: n }, (_, t) => a + b * t);

describe('linearForecast', () => {
  it('continues a series with a known slope, with a zero-width interval on a perfect line', () => {
    const f = linearForecast(line(10, 100, 5), 7)!;
    expect(f.slope).toBeCloseTo(5, 10);
    expect(f.points.map((p) => p.value)).toEqual(
      line(17, 100, 5)
        .slice(10)
        .map((v) => expect.closeTo(v, 8)),
    );
    expect(f.points[6]!.upper - f.points[6]!.lower).toBeCloseTo(0, 8);
  });

  it('widens the interval with noise and with the horizon', () => {
    const noisy = line(30, 200, 3).map((v, t) => v + (t % 2 === 0 ? 10 : -10));
    const f = linearForecast(noisy, 7)!;
    expect(f.slope).toBeGreaterThan(2.5);
    expect(f.slope).toBeLessThan(3.5);
    const width = f.points.map((p) => p.upper - p.lower);
    expect(width[0]).toBeGreaterThan(30);
    expect(width[6]).toBeGreaterThan(width[0]!);
    for (const p of f.points) expect(p.lower).toBeLessThanOrEqual(p.value);
  });

  it('skips missing days (NaN) and needs three points', () => {
    const gaps = line(10, 0, 2).map((v, t) => (t % 3 === 1 ? NaN : v));
    expect(linearForecast(gaps, 1)!.points[0]!.value).toBeCloseTo(20, 8);
    expect(linearForecast([1, NaN, 2], 1)).toBeNull();
  });

  it('never forecasts a negative volume', () => {
    const f = linearForecast(line(10, 90, -10), 7)!;
    expect(f.slope).toBeCloseTo(-10, 8);
    expect(f.points.every((p) => p.value >= 0 && p.lower >= 0)).toBe(true);
  });
});

describe('holtForecast', () => {
  it('continues a series with a known slope', () => {
    const f = holtForecast(line(20, 50, -1.5), 7)!;
    expect(f.slope).toBeCloseTo(-1.5, 6);
    f.points.forEach((p, h) => expect(p.value).toBeCloseTo(50 - 1.5 * (19 + h + 1), 6));
  });

  it('follows a change of slope faster than a straight line over the whole window', () => {
    const series = [...line(20, 100, 0), ...line(10, 100, 10).slice(1)];
    const holt = holtForecast(series, 1)!.points[0]!.value;
    const ols = linearForecast(series, 1)!.points[0]!.value;
    expect(Math.abs(holt - 200)).toBeLessThan(Math.abs(ols - 200));
  });
});

describe('backtest', () => {
  it('scores 0 % on series that are straight lines and counts what it used', () => {
    const result = backtest([Float64Array.from(line(30, 100, 2)), line(30, 500, -3), [1, 2]], 'linear', 7);
    expect(result).toMatchObject({ series: 2, points: 14, heldOutDays: 7 });
    expect(result.mape).toBeCloseTo(0, 8);
    expect(result.wape).toBeCloseTo(0, 8);
  });

  it('reports MAPE on non-zero actuals and WAPE on all', () => {
    // fit on [10, 10, 10] → forecast 10; actuals 20 and 0
    const result = backtest([[10, 10, 10, 20, 0]], 'linear', 2);
    expect(result.mape).toBeCloseTo(50, 8);
    expect(result.wape).toBeCloseTo((100 * (10 + 10)) / 20, 8);
  });
});
