import { describe, expect, it } from 'vitest';
import { parseCategories, parseRelated, parseSearch, parseTrend } from '../../activities/collectors/seed-responses';

describe('generic provider contract response validation', () => {
  it('accepts a search body and rounds the volume', () => {
    expect(parseSearch({ search_volume: 1234.6, competition: 0.42, cpc: 1.25, extra: true })).toEqual({
      searchVolume: 1235,
      competition: 0.42,
      cpc: 1.25,
    });
  });

  it.each([
    null,
    [],
    'x',
    {},
    { search_volume: -1, competition: 0.1, cpc: 1 },
    { search_volume: '10', competition: 0.1, cpc: 1 },
    { search_volume: 10, competition: Number.NaN, cpc: 1 },
    { search_volume: 10, competition: 0.1, cpc: Number.POSITIVE_INFINITY },
    { search_volume: 10, competition: 0.1 },
  ])('rejects the search body %j', (body) => {
    expect(parseSearch(body)).toBeUndefined();
  });

  it('validates trend, related and categories bodies', () => {
    expect(parseTrend({ trend_score: 0.5 })).toBe(0.5);
    expect(parseTrend({ trend_score: '0.5' })).toBeUndefined();
    expect(parseRelated({ related_keywords: ['a b', 'c'] })).toEqual(['a b', 'c']);
    expect(parseRelated({ related_keywords: ['a', 1] })).toBeUndefined();
    expect(parseRelated({ related: [] })).toBeUndefined();
    expect(parseCategories({ top_category: 'Art' })).toEqual({ top_category: 'Art' });
    expect(parseCategories([])).toBeUndefined();
    expect(parseCategories(null)).toBeUndefined();
  });
});
