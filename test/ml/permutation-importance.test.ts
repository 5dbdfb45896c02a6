import { describe, expect, it } from 'vitest';
import { predictForest, trainForest } from '../../activities/ml/forest';
import { permutationImportance } from '../../activities/ml/permutation-importance';
import { trainSuccessModel, type TrainingSet } from '../../activities/ml/success';
import { mulberry32 } from '../../activities/processing/random';

/** The label is a step of `signal` alone; `noise` is drawn independently of it. */
function synthetic(n: number, seed: number) {
  const rand = mulberry32(seed);
  const signal = Float64Array.from({ length: n }, () => rand());
  const noise = Float64Array.from({ length: n }, () => rand());
  const y = Float64Array.from(signal, (s) => (s > 0.5 ? 1 : 0));
  return { columns: [noise, signal], y };
}

describe('permutationImportance', () => {
  const train = synthetic(400, 1);
  const forest = trainForest(train.columns, train.y, { nTrees: 20, maxDepth: 6 });
  const predict = (x: ArrayLike<number>) => predictForest(forest, x);
  const heldOut = synthetic(200, 2);

  it('ranks the feature that decides the label first and a noise feature near 0, on the held-out rows', () => {
    const result = permutationImportance(predict, heldOut.columns, heldOut.y, ['noise', 'signal'], { repeats: 5, seed: 7 });
    expect(result).toMatchObject({ method: 'permutation', metric: 'r2', heldOutRows: 200, repeats: 5, seed: 7 });
    expect(result.baseline).toBeGreaterThan(0.9);
    expect(result.features.map((f) => f.feature)).toEqual(['signal', 'noise']);
    const [signal, noise] = [result.features[0]!, result.features[1]!];
    // shuffling a step's only input makes the prediction uncorrelated: R² falls from ~1 to about −1
    expect(signal.importance).toBeGreaterThan(1);
    expect(Math.abs(noise.importance)).toBeLessThan(0.05);
    expect(signal.std).toBeGreaterThan(0);
    expect(signal.std).toBeLessThan(signal.importance / 4);
  });

  it('is the same on every run with the same seed, and samples held-out rows beyond maxRows', () => {
    const a = permutationImportance(predict, heldOut.columns, heldOut.y, ['noise', 'signal'], { seed: 3 });
    expect(permutationImportance(predict, heldOut.columns, heldOut.y, ['noise', 'signal'], { seed: 3 })).toEqual(a);
    expect(permutationImportance(predict, heldOut.columns, heldOut.y, ['noise', 'signal'], { seed: 4 })).not.toEqual(a);
    const sampled = permutationImportance(predict, heldOut.columns, heldOut.y, ['noise', 'signal'], { maxRows: 50 });
    expect(sampled.heldOutRows).toBe(50);
    expect(sampled.features[0]!.feature).toBe('signal');
  });

  it('refuses columns and names that do not match, and fewer than 2 rows', () => {
    expect(() => permutationImportance(predict, heldOut.columns, heldOut.y, ['only'])).toThrow(/2 columns, 1 names/);
    const one = heldOut.columns.map((c) => c.subarray(0, 1));
    expect(() => permutationImportance(predict, one, heldOut.y.subarray(0, 1), ['noise', 'signal'])).toThrow(/1 held-out rows/);
  });
});

describe('trainSuccessModel', () => {
  it("runs on the success model's own held-out split: competition alone decides the target here", () => {
    const rand = mulberry32(5);
    const n = 300;
    const columns = Array.from({ length: 4 }, () => Float64Array.from({ length: n }, () => rand()));
    const set: TrainingSet = {
      columns,
      targets: Float64Array.from(columns[1]!, (c) => 1 - c),
      window: { from: '2026-10-01', to: '2026-10-30' },
      horizonDays: 7,
    };
    const model = trainSuccessModel(set, { nTrees: 10 });
    const importance = model.featureImportance!;
    expect(importance.heldOutRows).toBe(model.metrics.testSamples);
    expect(importance.heldOutRows).toBe(60);
    expect(importance.features[0]!.feature).toBe('competition');
    for (const f of importance.features.slice(1)) expect(Math.abs(f.importance)).toBeLessThan(0.05);
    // a model too small to hold out two rows has none (unknown, not guessed)
    expect(
      trainSuccessModel({ ...set, columns: columns.map((c) => c.subarray(0, 4)), targets: set.targets.subarray(0, 4) }).featureImportance,
    ).toBeNull();
  });
});
