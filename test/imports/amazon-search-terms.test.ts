// The Brand Analytics Search Terms report parsed: one rank per term and period, bad entries named by line and field.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeLines } from '../../activities/imports/decode';
import { parseAmazonSearchTerms } from '../../activities/imports/formats/amazon-search-terms';
import { MAX_IMPORT_BYTES } from '../../workflows/types/import-report';

const JSON_TEXT = readFileSync(new URL('../fixtures/imports/amazon-search-terms.json', import.meta.url), 'utf8');
const parse = (text: string | Buffer) => parseAmazonSearchTerms(decodeLines(Buffer.from(text)), () => undefined);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;
const changed = (change: (doc: Doc) => void) => {
  const doc = JSON.parse(JSON_TEXT) as Doc;
  change(doc);
  return JSON.stringify(doc, null, 2);
};

describe('amazon-search-terms', () => {
  it("gives each term's rank once for the report's week, with its top clicked ASINs", () => {
    const report = parse(JSON_TEXT);
    if (report.kind !== 'ranks') throw new Error('not a ranks report');
    expect([report.reportPeriod, report.periodFrom, report.periodTo, report.rows.length]).toEqual(['WEEK', '2025-06-08', '2025-06-14', 14]);
    expect(report.rows.slice(0, 3).map((r) => [r.keyword, r.rank, (r.details.top_clicked as unknown[]).length])).toEqual([
      ['digital planner 2026', 4210, 3],
      ['budget planner printable', 9875, 2],
      ['meal planner notebook', 15230, 1],
    ]);
    expect(report.rows[0]!.details).toMatchObject({
      departments: ['Office Products'],
      top_clicked: [{ asin: 'B0STTEST01', click_share_rank: 1, click_share: 0.2412, conversion_share: 0.2105 }, {}, {}],
    });
  });

  it('takes the report as Amazon delivers it, gzip-compressed', () => {
    expect(parse(gzipSync(JSON_TEXT))).toEqual(parse(JSON_TEXT));
    // a small archive of a file larger than an import takes is refused as that file would be
    expect(() => parse(gzipSync(Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x20)))).toThrow(
      `line 1: (file) unzips to more than ${MAX_IMPORT_BYTES} bytes`,
    );
  });

  it('takes monthly reports and date-times, checking the month', () => {
    const monthly = changed((d) => {
      d.reportSpecification.reportOptions.reportPeriod = 'MONTH';
      d.reportSpecification.dataStartTime = '2025-06-01T00:00:00Z';
      d.reportSpecification.dataEndTime = '2025-06-30T23:59:59Z';
    });
    expect(parse(monthly)).toMatchObject({ reportPeriod: 'MONTH', periodFrom: '2025-06-01', periodTo: '2025-06-30' });
  });

  it.each([
    [
      'a negative rank',
      changed((d) => (d.dataByDepartmentAndSearchTerm[2].searchFrequencyRank = -4)),
      'line 36: dataByDepartmentAndSearchTerm[2].searchFrequencyRank must be an integer ≥ 1',
    ],
    [
      'a click share above 1',
      changed((d) => (d.dataByDepartmentAndSearchTerm[0].clickShare = 24.12)),
      'line 16: dataByDepartmentAndSearchTerm[0].clickShare must be a number from 0 to 1',
    ],
    [
      'an unknown week',
      changed((d) => (d.reportSpecification.dataStartTime = '2025-06-10')),
      'line 7: reportSpecification.dataStartTime is not the Sunday a reporting week starts on: unknown week 2025-06-10',
    ],
    [
      'a week of the wrong length',
      changed((d) => (d.reportSpecification.dataEndTime = '2025-06-15')),
      'line 8: reportSpecification.dataEndTime must be 2025-06-14, the end of the WEEK from 2025-06-08',
    ],
    [
      'an unknown period',
      changed((d) => (d.reportSpecification.reportOptions.reportPeriod = 'YEAR')),
      'line 5: reportSpecification.reportOptions.reportPeriod must be one of DAY, WEEK, MONTH, QUARTER, not "YEAR"',
    ],
    [
      'no term',
      changed((d) => delete d.dataByDepartmentAndSearchTerm[1].searchTerm),
      'dataByDepartmentAndSearchTerm[1].searchTerm must be a string',
    ],
    ['broken JSON', JSON_TEXT.replace('"searchFrequencyRank": 9875,', '"searchFrequencyRank": 9875'), 'line 48: (file) is not valid JSON'],
    [
      'another report (SQP)',
      readFileSync(new URL('../fixtures/imports/amazon-sqp.json', import.meta.url), 'utf8'),
      'line 1: dataByDepartmentAndSearchTerm must be an array',
    ],
    ['junk', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x13, 0x37]), 'line 1: (line) contains NUL bytes'],
    [
      'broken gzip',
      Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x13, 0x37]),
      'line 1: (file) is gzip-compressed but not a valid gzip file',
    ],
  ])('refuses %s, naming the line and field', (_what, text, message) => {
    expect(() => parse(text)).toThrow(message);
  });
});
