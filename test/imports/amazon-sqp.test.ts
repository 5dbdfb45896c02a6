// The Search Query Performance report parsed: weekly volume ×52/12 per query and week, bad entries named.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeLines } from '../../activities/imports/decode';
import { parseAmazonSqp } from '../../activities/imports/formats/amazon-sqp';

const JSON_TEXT = readFileSync(new URL('../fixtures/imports/amazon-sqp.json', import.meta.url), 'utf8');
const parse = (text: string) => parseAmazonSqp(decodeLines(Buffer.from(text)), () => undefined);
/** The fixture with entry i's field changed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withEntry = (i: number, change: (e: Record<string, any>) => void) => {
  const doc = JSON.parse(JSON_TEXT);
  change(doc.dataByAsin[i]);
  return JSON.stringify(doc, null, 2);
};

describe('amazon-sqp', () => {
  it('gives one row per query and week, weekly volume ×52/12, for Amazon rows within the week', () => {
    const report = parse(JSON_TEXT);
    if (report.kind !== 'demand') throw new Error('not a demand report');
    expect([report.platforms, report.days, report.label.searchVolume]).toEqual([
      ['amazon'],
      'within-period',
      'amazon-sqp: weekly search query volume ×52/12',
    ]);
    expect(
      report.rows.map((r) => [r.keyword, r.periodFrom, r.periodTo, r.searchVolume, r.details.weekly_search_query_volume, r.details.asins]),
    ).toEqual([
      ['sourdough starter journal', '2025-05-04', '2025-05-10', 5200, 1200, ['B0SQPTEST1', 'B0SQPTEST2']],
      ['bread baking log book', '2025-05-04', '2025-05-10', 1300, 300, ['B0SQPTEST1']],
      ['sourdough starter journal', '2025-05-11', '2025-05-17', 6500, 1500, ['B0SQPTEST1']],
    ]);
  });

  it.each([
    [
      'a negative count',
      withEntry(2, (e) => {
        e.searchQueryData.searchQueryVolume = -3;
      }),
      'line 149: dataByAsin[2].searchQueryData.searchQueryVolume must be an integer ≥ 0',
    ],
    [
      'an unknown week',
      withEntry(1, (e) => {
        e.startDate = '2025-05-06';
      }),
      'line 83: dataByAsin[1].startDate is not the Sunday a reporting week starts on: unknown week 2025-05-06',
    ],
    [
      'a week of the wrong length',
      withEntry(3, (e) => {
        e.endDate = '2025-05-18';
      }),
      'line 215: dataByAsin[3].endDate must be 2025-05-17',
    ],
    [
      'no query',
      withEntry(0, (e) => {
        delete e.searchQueryData.searchQuery;
      }),
      'line 17: dataByAsin[0].searchQueryData.searchQuery must be a string',
    ],
    [
      'a monthly report',
      JSON_TEXT.replace('"WEEK"', '"MONTH"'),
      'line 5: reportSpecification.reportOptions.reportPeriod must be WEEK, not "MONTH"',
    ],
    ['broken JSON', JSON_TEXT.replace('"bread baking log book",', '"bread baking log book"'), 'line 153: (file) is not valid JSON'],
    ['another format', 'Keyword Stats\n', 'line 1: (file) is not valid JSON'],
    ['another report', '{"reportSpecification":{},"dataByDepartmentAndSearchTerm":[]}', 'line 1: dataByAsin must be an array'],
  ])('refuses %s, naming the line and field', (_what, text, message) => {
    expect(() => parse(text)).toThrow(message);
  });
});
