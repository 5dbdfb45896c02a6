// The Keyword Planner download parsed: both encodings the export comes in, and every bad line named by line and field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeLines } from '../../activities/imports/decode';
import { parseKeywordPlannerCsv } from '../../activities/imports/formats/keyword-planner-csv';
import { parseObservations } from '../../activities/imports/formats/observations';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url));
const CSV = fixture('keyword-planner.csv').toString('utf8');
const parse = (text: string) => parseKeywordPlannerCsv(decodeLines(Buffer.from(text)), () => undefined);
/** The fixture with one cell of one keyword line replaced (line 4 = the first keyword). */
const withCell = (lineNo: number, column: number, value: string) =>
  CSV.split('\n')
    .map((l, i) => {
      if (i !== lineNo - 1) return l;
      const cells = l.split(',');
      cells[column] = value;
      return cells.join(',');
    })
    .join('\n');

describe('keyword-planner-csv', () => {
  it('maps volume, competition index / 100, the bid range and the monthly series; a range leaves the volume unknown', () => {
    const report = parse(CSV);
    expect(report.kind).toBe('demand');
    if (report.kind !== 'demand') return;
    expect(report.rows.map((r) => `${r.periodFrom}…${r.periodTo}`)).toEqual(Array(4).fill('2024-11-01…2025-10-31'));
    expect(report.label.searchVolume).toBe('keyword-planner-csv: average monthly Google searches');
    expect(report.rows.map((r) => [r.keyword, r.searchVolume, r.competition, r.cpcLow, r.cpcHigh])).toEqual([
      ['sourdough starter journal', 1300, 0.18, 0.31, 1.12],
      ['wedding seating chart template', 14800, 0.45, 0.52, 2.05],
      ['budget binder printable', 2900, 0.81, 0.44, 1.87],
      ['kids chore chart printable', null, 0.09, null, null],
    ]);
    expect(report.rows[0]!.details).toMatchObject({
      currency: 'USD',
      competition_level: 'Low',
      three_month_change: '0%',
      yoy_change: '22%',
      monthly_searches: { '2024-11': 1000, '2025-10': 1600 },
    });
    expect(report.rows[3]!.details.search_volume_range).toEqual([1000, 10000]);
  });

  it('reads the real export (UTF-16LE with a BOM, tab-separated, CRLF) the same as the CSV', () => {
    const tsv = parseKeywordPlannerCsv(decodeLines(fixture('keyword-planner-utf16.tsv')), () => undefined);
    expect(tsv).toEqual(parse(CSV));
  });

  it.each([
    ['a negative count', withCell(4, 2, '-5'), 'line 4: Avg. monthly searches must be a number ≥ 0, not "-5"'],
    ['a word for a bid', withCell(5, 7, 'cheap'), 'line 5: Top of page bid (low range) must be a number ≥ 0, not "cheap"'],
    ['an index over 100', withCell(6, 6, '140'), 'line 6: Competition (indexed value) must be from 0 to 100'],
    ['an empty keyword', withCell(4, 0, ' '), 'line 4: Keyword must be 1 to'],
    [
      'a broken quote',
      CSV.replace('budget binder printable', '"budget binder printable'),
      'line 6: (line) has an unterminated quoted cell',
    ],
    ['too many cells', withCell(5, 27, '1,2'), 'line 5: (line) has 29 cells, the header 26'],
    ['an impossible date range', CSV.replace('November 1, 2024', 'February 30, 2024'), 'line 2: date range must be a line like'],
    ['no header (another format)', '{"keyword":"x","platform":"etsy"}\n', 'line 1: (header) not found'],
    [
      'a header without volumes',
      CSV.replace('Avg. monthly searches', 'Searches'),
      'line 3: (header) has no "Avg. monthly searches" column',
    ],
  ])('refuses %s, naming the line and field', (_what, text, message) => {
    expect(() => parse(text)).toThrow(message);
  });

  it('refuses binary junk at the line it starts', () => {
    expect(() => decodeLines(Buffer.concat([Buffer.from('Keyword Stats\nline two\n'), Buffer.from([0x00, 0xff, 0x13, 0x88])]))).toThrow(
      'line 3: (line) contains NUL bytes',
    );
    expect(() => decodeLines(Buffer.from([0x4b, 0x0a, 0xc3, 0x28]))).toThrow('line 2: (line) is not valid UTF-8');
  });

  it('the observations format is not confused with it: a CSV given as observations fails on line 1', () => {
    expect(() => parseObservations(decodeLines(Buffer.from(CSV)), () => undefined)).toThrow('line 1: (line) is not valid JSON');
  });
});
