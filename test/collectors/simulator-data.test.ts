import { describe, expect, it } from 'vitest';
import { keywordWords, simulateKeyword } from '../../workers/simulator/data';
import { PLATFORMS, DEFAULT_DAILY_KEYWORDS } from '../../workflows/types/platforms';

const KEYWORDS = [
  ...DEFAULT_DAILY_KEYWORDS,
  'wedding planner printable',
  'svg',
  'notion template',
  'lightroom presets',
  'kids worksheets',
  'budget spreadsheet',
  'font bundle',
  'ebook cover design',
  'café menu',
  'a',
];
const DAYS = ['2026-11-01', '2026-11-02', '2026-11-24'];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('simulateKeyword', () => {
  it('gives the same data for the same platform, keyword and day', () => {
    for (const platform of PLATFORMS) {
      expect(simulateKeyword(platform, 'ebooks', DAYS[0]!)).toEqual(simulateKeyword(platform, 'ebooks', DAYS[0]!));
    }
    expect(simulateKeyword('etsy', '  Digital   Products ', DAYS[0]!)).toEqual(simulateKeyword('etsy', 'digital products', DAYS[0]!));
  });

  it('differs between platforms and moves a little from day to day', () => {
    expect(simulateKeyword('etsy', 'ebooks', DAYS[0]!)).not.toEqual(simulateKeyword('ebay', 'ebooks', DAYS[0]!));
    for (const keyword of KEYWORDS) {
      const monday = simulateKeyword('amazon', keyword, DAYS[0]!);
      const tuesday = simulateKeyword('amazon', keyword, DAYS[1]!);
      const ratio = tuesday.search_volume / Math.max(1, monday.search_volume);
      if (monday.search_volume > 100) expect(ratio).toBeGreaterThan(0.6);
      if (monday.search_volume > 100) expect(ratio).toBeLessThan(1.6);
      expect(Math.abs(tuesday.trend_score - monday.trend_score)).toBeLessThan(0.3);
      expect(tuesday.related_keywords).toEqual(monday.related_keywords);
    }
  });

  it('keeps every field in range and at its precision', () => {
    for (const platform of PLATFORMS) {
      for (const keyword of KEYWORDS) {
        for (const day of DAYS) {
          const d = simulateKeyword(platform, keyword, day);
          expect(Number.isInteger(d.search_volume) && d.search_volume >= 0).toBe(true);
          expect(d.competition).toBeGreaterThanOrEqual(0);
          expect(d.competition).toBeLessThanOrEqual(1);
          expect(d.cpc).toBeGreaterThan(0);
          expect(Math.round(d.cpc * 100) / 100).toBe(d.cpc);
          expect(d.trend_score).toBeGreaterThanOrEqual(0);
          expect(d.trend_score).toBeLessThanOrEqual(1);
          expect(Math.round(d.trend_score * 1000) / 1000).toBe(d.trend_score);
        }
      }
    }
  });

  it('has a heavy-tailed search volume', () => {
    const volumes = Array.from({ length: 500 }, (_, i) => simulateKeyword('etsy', `keyword ${i}`, DAYS[0]!).search_volume);
    const mean = volumes.reduce((a, b) => a + b, 0) / volumes.length;
    expect(mean).toBeGreaterThan(1.5 * median(volumes));
    expect(Math.max(...volumes)).toBeGreaterThan(20 * median(volumes));
  });

  it('relates keywords that share a word with the keyword', () => {
    let total = 0;
    for (const platform of PLATFORMS) {
      for (const keyword of KEYWORDS) {
        const { related_keywords: related } = simulateKeyword(platform, keyword, DAYS[0]!);
        total += related.length;
        expect(related.length).toBeLessThanOrEqual(10);
        expect(new Set(related).size).toBe(related.length);
        for (const phrase of related) {
          expect(phrase).not.toBe(keyword);
          expect(keywordWords(phrase).some((w) => keywordWords(keyword).includes(w))).toBe(true);
        }
      }
    }
    expect(total).toBeGreaterThan(KEYWORDS.length * 3);
  });

  it('gives Etsy and eBay categories of their own, and Amazon none', () => {
    expect(simulateKeyword('amazon', 'ebooks', DAYS[0]!).categories).toBeNull();
    const names = { etsy: new Set<string>(), ebay: new Set<string>() };
    for (const platform of ['etsy', 'ebay'] as const) {
      for (const keyword of KEYWORDS) {
        const categories = simulateKeyword(platform, keyword, DAYS[0]!).categories!;
        expect(categories.categories.length).toBeGreaterThanOrEqual(2);
        expect(categories.categories.length).toBeLessThanOrEqual(4);
        expect(categories.top_category).toBe(categories.categories[0]!.name);
        const sum = categories.categories.reduce((s, c) => s + c.share, 0);
        expect(sum).toBeCloseTo(1, 6);
        for (const c of categories.categories) names[platform].add(c.name);
      }
    }
    expect(names.etsy.has('Paper & Party Supplies') || names.etsy.has('Art & Collectibles')).toBe(true);
    expect([...names.etsy].some((n) => names.ebay.has(n))).toBe(false);
  });
});
