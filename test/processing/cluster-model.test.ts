import { describe, expect, it } from 'vitest';
import { assignClusters, fitClusterModel, vectorize } from '../../activities/processing/cluster-model';
import { tfidfMatrix, type SparseMatrix } from '../../activities/processing/tfidf';

const WORDS = ['wedding planner', 'svg bundle', 'budget spreadsheet', 'notion template', 'lightroom preset', 'teacher worksheet'];
const MODS = ['printable', 'editable', 'boho', 'minimalist', 'kids'];
const keywords = Array.from({ length: 20 }, (_, n) => WORDS.flatMap((w) => MODS.map((m) => `${m} ${w} ${n}`))).flat();

const rowOf = (m: SparseMatrix, r: number) =>
  new Map(Array.from(m.indices.subarray(m.indptr[r], m.indptr[r + 1]), (col, p) => [col, m.data[m.indptr[r]! + p]!]));

describe('vectorize', () => {
  it('gives the rows tfidfMatrix gives for the documents its vocabulary came from', () => {
    const { vocabulary, idf, matrix } = tfidfMatrix(keywords.slice(0, 200), 1000);
    const again = vectorize(keywords.slice(0, 200), vocabulary, idf);
    for (let r = 0; r < 200; r++) {
      const [a, b] = [rowOf(matrix, r), rowOf(again, r)];
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [col, v] of a) expect(b.get(col)).toBeCloseTo(v, 12);
    }
  });
});

describe('fitClusterModel and assignClusters', () => {
  it('numbers clusters by size in the sample and assigns the sample as the fit did', () => {
    const model = fitClusterModel(keywords, { k: 6 });
    expect(model.k).toBe(model.clusters.length);
    expect(model.clusters.map((c) => c.id)).toEqual(model.clusters.map((_, i) => i));
    const sizes = model.clusters.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const ids = assignClusters(JSON.parse(JSON.stringify(model)), keywords);
    expect(model.clusters.map((c) => ids.filter((id) => id === c.id).length)).toEqual(sizes);
  });

  it('assigns nothing without a sample', () => {
    const model = fitClusterModel([]);
    expect(model.k).toBe(0);
    expect(Array.from(assignClusters(model, ['boho svg bundle']))).toEqual([-1]);
  });
});
