// The CSV writer (api/csv.ts): RFC 4180 quoting, formulas neutralised, numbers and unknowns plain.
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../api/csv';

describe('csv writer', () => {
  it('quotes what must be quoted, neutralises formulas, leaves numbers and unknowns plain', () => {
    expect(['=1+1', '+1', '-1', '@sum', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@sum", "'\tx", `"'\rx"`]);
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect([csvCell(-0.5), csvCell(null), csvCell(undefined), csvCell(['x', 'y']), csvCell('ü café')]).toEqual([
      '-0.5',
      '',
      '',
      'x; y',
      'ü café',
    ]);
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });
});
