import { describe, expect, it } from 'vitest';
import { binFeature } from '../../activities/ml/forest-bins';
import { LevelSplits } from '../../activities/ml/forest-split';
import { growTree } from '../../activities/ml/forest-grow';
import { mulberry32 } from '../../activities/processing/random';

describe('binFeature', () => {
  it('gives each of few distinct values its own bin, cut at the midpoints', () => {
    const { codes, cuts } = binFeature(Float64Array.from([3, 1, 2, 3, 1, 10]), 255);
    expect(Array.from(cuts)).toEqual([1.5, 2.5, 6.5]);
    expect(Array.from(codes)).toEqual([2, 0, 1, 2, 0, 3]);
  });

  it('keeps at most maxBins bins, each cut between the values it separates, tail values apart', () => {
    const rand = mulberry32(3);
    // a long tail: most values small, a few very large
    const column = Float64Array.from({ length: 5000 }, () => Math.floor(1 / (rand() + 1e-4)));
    const { codes, cuts } = binFeature(column, 16);
    expect(cuts.length + 1).toBeLessThanOrEqual(16);
    column.forEach((v, r) => {
      const b = codes[r]!;
      if (b > 0) expect(v).toBeGreaterThan(cuts[b - 1]!);
      if (b < cuts.length) expect(v).toBeLessThanOrEqual(cuts[b]!);
    });
    // the tail's bin holds fewer rows than an equal-count share: its rare large values keep their own bins
    const lastBin = column.filter((_, r) => codes[r] === cuts.length).length;
    expect(lastBin).toBeLessThan(5000 / 16);
    expect(cuts.length + 1).toBeGreaterThanOrEqual(12);
  });

  it('refuses a bin count it cannot code', () => {
    expect(() => binFeature(new Float64Array(3), 1)).toThrow(/maxBins/);
  });
});

describe('LevelSplits.scanNode', () => {
  // one node, one feature, four bins: y = 0 in bins 0–1, 10 in bin 3, bin 2 empty
  const histW = Float64Array.from([2, 1, 0, 3]);
  const histS = Float64Array.from([0, 0, 0, 30]);

  it('finds the known best split: after the last bin of the left values', () => {
    const splits = new LevelSplits(Float64Array.of(6), Float64Array.of(30));
    splits.scanNode(0, 0, histW, histS, 0, 4, 1);
    expect({ feature: splits.feature[0], bin: splits.bin[0], leftW: splits.leftW[0], leftS: splits.leftS[0] }).toEqual({
      feature: 0,
      bin: 1,
      leftW: 3,
      leftS: 0,
    });
  });

  it('keeps the first of equal splits and leaves a node unsplit below the leaf minimum', () => {
    const splits = new LevelSplits(Float64Array.of(6, 6), Float64Array.of(30, 30));
    splits.scanNode(0, 0, histW, histS, 0, 4, 1);
    splits.scanNode(0, 1, histW, histS, 0, 4, 1);
    expect(splits.feature[0]).toBe(0);
    splits.scanNode(1, 0, histW, histS, 0, 4, 4);
    expect(splits.feature[1]).toBe(-1);
  });

  it('does not split a pure node', () => {
    const splits = new LevelSplits(Float64Array.of(4), Float64Array.of(8));
    splits.scanNode(0, 0, Float64Array.of(2, 2), Float64Array.of(4, 4), 0, 2, 1);
    expect(splits.feature[0]).toBe(-1);
  });
});

describe('growTree over binned features', () => {
  it('puts the root split where exact CART does on a tiny dataset', () => {
    // x = 1…8 in at most four bins (cuts 2.5, 5.5); y jumps between 5 and 6: the best cut is 5.5 on feature 1
    // (feature 0 is noise), and the children are pure
    const noise = Float64Array.from([4, 1, 8, 2, 7, 3, 6, 5]);
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const y = Float64Array.from(x, (v) => (v <= 5 ? 1 : 9));
    const binned = [binFeature(noise, 4), binFeature(x, 4)];
    const all = { rows: Int32Array.from(x.keys()), counts: new Float64Array(8).fill(1) };
    const tree = growTree(binned, y, all, { nTrees: 1, maxDepth: 3, minSamplesLeaf: 1, seed: 1 });
    expect(tree.feature[0]).toBe(1);
    expect(Array.from(binned[1]!.cuts)).toEqual([2.5, 5.5]);
    expect(tree.threshold[0]).toBe(5.5);
    expect(Array.from(tree.value.subarray(1, 3))).toEqual([1, 9]);
  });
});
