// The shared input checks, pure: days and keywords as every route, workflow and the importer see them.
import { describe, expect, it } from 'vitest';
import { CURSOR_PATTERN, decodeCursor, encodeCursor } from '../../api/cursor';
import { dayPattern, KEYWORD_PATTERN } from '../../api/validate';
import { checkKeyword, collectWorkflowId, dayProblem, lastDay, normalizeKeywords, validateDay } from '../../workflows/validation';

describe('days', () => {
  it('accepts real calendar days from 2000-01-01 to a year after today', () => {
    for (const d of ['2000-01-01', '2024-02-29', '2026-11-24', lastDay()]) expect([d, dayProblem(d)]).toEqual([d, null]);
    expect(validateDay('2026-11-24')).toBe('2026-11-24');
  });

  it('refuses year zero, days before 2000, days more than a year ahead and days that do not exist, naming the field', () => {
    const tomorrowNextYear = new Date(Date.parse(`${lastDay()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const d of ['0000-01-01', '1999-12-31', tomorrowNextYear, '9999-12-31', '2027-02-30', '2026-13-01', '+02026-01-01']) {
      expect([d, dayProblem(d)]).toEqual([d, expect.stringMatching(/^must be /)]);
    }
    expect(() => validateDay('0000-01-01', 'to')).toThrow(/^to: must be a day from 2000-01-01 to \d{4}-\d{2}-\d{2}$/);
  });

  it("the contract's pattern matches exactly the days in range (format: date rules out 02-30)", () => {
    const pattern = new RegExp(dayPattern('2027-03-05'));
    const matches = ['2000-01-01', '2019-12-31', '2026-12-31', '2027-01-31', '2027-02-28', '2027-03-01', '2027-03-05'];
    const misses = ['1999-12-31', '0000-01-01', '2027-03-06', '2027-04-01', '2028-01-01', '2026-13-01', '2026-00-10', '2026-01-32'];
    expect(matches.filter((d) => !pattern.test(d))).toEqual([]);
    expect(misses.filter((d) => pattern.test(d))).toEqual([]);
    expect(new RegExp(dayPattern('2027-01-01')).test('2027-01-01')).toBe(true);
  });
});

describe('keywords', () => {
  it('are NFC: the same text typed composed or decomposed is one keyword (and one collection)', () => {
    expect(checkKeyword('Cafe\u0301  Menu', 'k')).toBe('caf\u00e9 menu');
    expect(collectWorkflowId(normalizeKeywords(['cafe\u0301']), ['etsy'], '2026-11-24')).toBe(
      collectWorkflowId(normalizeKeywords(['caf\u00e9']), ['etsy'], '2026-11-24'),
    );
  });

  it.each([
    ['a NUL', 'a\u0000b'],
    ['DEL', 'a\u007fb'],
    ['C1 NEL', 'a\u0085b'],
    ['C1 CSI', 'a\u009bb'],
    ['C1 APC', '\u009f'],
    ['a lone high surrogate', 'a\ud83db'],
    ['a lone low surrogate', 'a\ude00'],
    ['U+FFFD', 'a\ufffd'],
  ])('refuse %s, naming the field', (_name, text) => {
    expect(() => checkKeyword(text, 'keywords[3]')).toThrow(/^keywords\[3\]: /);
  });

  it('keep what is text: a surrogate pair (emoji), non-Latin scripts, U+00A0 collapsed like a space', () => {
    expect(checkKeyword('svg \ud83d\ude00', 'k')).toBe('svg \ud83d\ude00');
    expect(checkKeyword('свадебный\u00a0планер', 'k')).toBe('свадебный планер');
  });
});

describe("the contract's patterns", () => {
  it('KEYWORD_PATTERN with 1 to 100 characters accepts exactly what checkKeyword accepts (as a Unicode regex, like other engines read it)', () => {
    const regex = new RegExp(KEYWORD_PATTERN, 'u');
    const pattern = { test: (s: string) => regex.test(s) && [...s].length >= 1 && [...s].length <= 100 };
    const samples = [
      'a',
      '  a  b  ',
      'x'.repeat(100),
      'x'.repeat(101),
      ` ${'x'.repeat(99)}  y`,
      `${'x'.repeat(99)} y`,
      '\u{1F600}'.repeat(100),
      '\u{1F600}'.repeat(101),
      'a\u0085b',
      'a\u009bb',
      '  ',
      '',
      'a\tb',
      '\u00a0x\u3000',
      '\u3000',
      'a\ufffd',
      'a\u0000',
      'свадебный   планер',
      `${'я'.repeat(100)}`,
    ];
    const accepts = (s: string) => {
      try {
        checkKeyword(s, 'k');
        return true;
      } catch {
        return false;
      }
    };
    expect(samples.map((s) => [s, pattern.test(s)])).toEqual(samples.map((s) => [s, accepts(s)]));
  });

  it('CURSOR_PATTERN is what encodeCursor makes and decodeCursor takes', () => {
    const pattern = new RegExp(CURSOR_PATTERN);
    for (const c of [encodeCursor(0.8125, 1042), encodeCursor(null, '77'), encodeCursor(1e-7, 3)]) {
      expect([c, pattern.test(c)]).toEqual([c, true]);
      expect(decodeCursor(c, 'volume').id).toBe(c.split('~')[1]);
    }
    expect(decodeCursor('null~5', 'opportunity')).toEqual({ value: -Infinity, id: '5' });
    for (const bad of ['bm9wZQ', 'x~1', '1~-1', '1e999~1', '1~1234567890123456789', 'opportunity~1~1']) {
      expect([bad, pattern.test(bad)]).toEqual([bad, false]);
      expect(() => decodeCursor(bad, 'volume')).toThrow(/cursor/);
    }
  });
});
