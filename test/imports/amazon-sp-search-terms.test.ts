// The Ads v3 Sponsored Products search-term report parsed: summed per search term and day, CPC = cost / clicks,
// impressions only as a lower bound on the observation (never a search volume), bad rows named.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeLines } from '../../activities/imports/decode';
import { parseAmazonSpSearchTerms } from '../../activities/imports/formats/amazon-sp-search-terms';

const JSON_TEXT = readFileSync(new URL('../fixtures/imports/amazon-sp-search-terms.json', import.meta.url), 'utf8');
const parse = (text: string) => parseAmazonSpSearchTerms(decodeLines(Buffer.from(text)), () => undefined);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withRow = (i: number, change: (row: Record<string, any>) => void) => {
  const rows = JSON.parse(JSON_TEXT) as Record<string, unknown>[];
  change(rows[i]!);
  return JSON.stringify(rows, null, 2);
};

describe('amazon-sp-search-terms', () => {
  it('sums the rows of a search term and day, takes cost / clicks as CPC, skips "*" and never gives a volume', () => {
    const report = parse(JSON_TEXT);
    if (report.kind !== 'demand') throw new Error('not a demand report');
    expect([report.platforms, report.days, report.label.cpc]).toEqual([
      ['amazon'],
      'within-period',
      'amazon-sp-search-terms: cost / clicks',
    ]);
    expect(
      report.rows.map((r) => [r.keyword, r.periodFrom, r.periodTo, r.searchVolume, r.cpcLow, r.cpcHigh, r.details.impressions]),
    ).toEqual([
      ['fitness log book', '2025-06-09', '2025-06-09', null, 0.83, 0.83, 600],
      ['travel journal notebook', '2025-06-09', '2025-06-09', null, 0.58, 0.58, 96],
      ['fitness log book', '2025-06-10', '2025-06-10', null, 0.85, 0.85, 240],
      ['meal planner notebook', '2025-06-10', '2025-06-10', null, 0.95, 0.95, 530],
    ]);
    expect(report.rows[0]!.details).toMatchObject({
      clicks: 9,
      cost: 7.47,
      purchases_7d: 1,
      sales_7d: 12.99,
      currency: 'USD',
      campaigns: 2,
      observation: {
        ads_impressions_lower_bound: 600,
        ads_search_term: { impressions: 600, label: expect.stringContaining('a lower bound of its searches (not a volume)') },
      },
    });
  });

  it('gives no CPC without clicks, and takes a summary report (startDate, endDate)', () => {
    const summary = JSON.stringify([
      { startDate: '2025-06-08', endDate: '2025-06-14', searchTerm: 'Fitness Log Book', impressions: 40, clicks: 0, cost: 0 },
    ]);
    const report = parse(summary);
    if (report.kind !== 'demand') throw new Error('not a demand report');
    expect(report.rows.map((r) => [r.keyword, r.periodFrom, r.periodTo, r.cpcLow])).toEqual([
      ['fitness log book', '2025-06-08', '2025-06-14', null],
    ]);
  });

  it.each([
    ['a negative count', withRow(3, (r) => (r.clicks = -4)), 'line 62: [3].clicks must be an integer ≥ 0'],
    ['a negative cost', withRow(1, (r) => (r.cost = -0.58)), 'line 28: [1].cost must be a number ≥ 0'],
    ['an impossible day', withRow(0, (r) => (r.date = '2025-06-31')), 'line 11: [0].date must be a date YYYY-MM-DD'],
    ['no day', withRow(2, (r) => delete r.date), 'line 44: [2].date or startDate and endDate must be dates YYYY-MM-DD'],
    ['no search term', withRow(4, (r) => (r.searchTerm = 7)), '[4].searchTerm must be a string'],
    ['broken JSON', JSON_TEXT.replace('"clicks": 6,', '"clicks": 6'), 'line 14: (file) is not valid JSON'],
    ['another report', '{"dataByDepartmentAndSearchTerm": []}', 'line 1: (file) must be a JSON array of rows'],
  ])('refuses %s, naming the line and field', (_what, text, message) => {
    expect(() => parse(text)).toThrow(message);
  });
});
