import { describe, expect, it } from 'vitest';
import { keywordTerms, tfidfMatrix, tokenize } from '../../activities/processing/tfidf';

const row = (m: ReturnType<typeof tfidfMatrix>, r: number) => {
  const out: Record<string, number> = {};
  for (let p = m.matrix.indptr[r]!; p < m.matrix.indptr[r + 1]!; p++) out[m.vocabulary[m.matrix.indices[p]!]!] = m.matrix.data[p]!;
  return out;
};

describe('tokenize and terms', () => {
  it('lower-cases, drops stop words and one-letter tokens', () => {
    expect(tokenize('The Planner for a Teacher')).toEqual(['planner', 'teacher']);
    expect(tokenize('3D model, SVG-bundle!')).toEqual(['3d', 'model', 'svg', 'bundle']);
  });

  it('adds bigrams of the remaining tokens, as scikit-learn (stop words removed first)', () => {
    expect(keywordTerms('planner for teachers')).toEqual(['planner', 'teachers', 'planner teachers']);
    expect(keywordTerms('the')).toEqual([]);
  });
});

describe('tfidfMatrix', () => {
  it('weights with smooth idf and L2-normalises each row (hand-computed)', () => {
    const m = tfidfMatrix(['wedding planner', 'wedding invitation', 'budget planner']);
    expect(m.vocabulary).toEqual(['budget', 'budget planner', 'invitation', 'planner', 'wedding', 'wedding invitation', 'wedding planner']);
    // df 2 of 3 → ln(4/3) + 1; df 1 → ln(4/2) + 1
    const common = Math.log(4 / 3) + 1;
    const rare = Math.log(2) + 1;
    const norm = Math.sqrt(2 * common ** 2 + rare ** 2);
    const first = row(m, 0);
    expect(Object.keys(first).sort()).toEqual(['planner', 'wedding', 'wedding planner']);
    expect(first.wedding).toBeCloseTo(common / norm, 12);
    expect(first['wedding planner']).toBeCloseTo(rare / norm, 12);
    expect(m.idf[m.vocabulary.indexOf('budget')]).toBeCloseTo(rare, 12);
  });

  it('counts a repeated term and keeps only the most frequent features', () => {
    const m = tfidfMatrix(['art art print', 'art poster', 'art frame'], 2);
    // art (4 uses) first, then the alphabetically first of the terms used once, by frequency tie
    expect(m.vocabulary).toEqual(['art', 'art art']);
    const first = row(m, 0);
    expect(first.art! / first['art art']!).toBeCloseTo((2 * (Math.log(4 / 4) + 1)) / (Math.log(4 / 2) + 1), 12);
  });

  it('gives an empty row to a keyword made only of stop words, and handles no documents', () => {
    const m = tfidfMatrix(['the', 'planner']);
    expect(Object.keys(row(m, 0))).toEqual([]);
    expect(tfidfMatrix([]).matrix.rows).toBe(0);
  });
});
