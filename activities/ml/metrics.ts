// The reference pipeline's evaluation (test/bench/reference/pipeline.py): a seeded 80/20 split (as train_test_split(test_size=0.2)), MSE and R².
import { shuffledIndices } from '../processing/random';

export interface RegressionMetrics {
  mse: number;
  r2: number;
}

/** Test size rounds up, as scikit-learn's; both index lists are in ascending order. */
export function splitTrainTest(n: number, testFraction = 0.2, seed = 42): { train: Uint32Array; test: Uint32Array } {
  const order = shuffledIndices(n, seed);
  const testSize = n < 2 ? 0 : Math.min(n - 1, Math.ceil(n * testFraction));
  return { test: order.slice(0, testSize).sort(), train: order.slice(testSize).sort() };
}

/** R² is 1 − SSE/SST; with a constant actual it is 1 for a perfect fit and 0 otherwise (scikit-learn). */
export function regressionMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetrics {
  const n = actual.length;
  if (n === 0) return { mse: NaN, r2: NaN };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i]!;
  mean /= n;
  let sse = 0,
    sst = 0;
  for (let i = 0; i < n; i++) {
    sse += (actual[i]! - predicted[i]!) ** 2;
    sst += (actual[i]! - mean) ** 2;
  }
  return { mse: sse / n, r2: sst > 0 ? 1 - sse / sst : sse === 0 ? 1 : 0 };
}
