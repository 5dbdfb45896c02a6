// A JSON report (Amazon's Brand Analytics and Ads reports) read whole, with errors placed on the line they concern.
import { checkKeyword, InputError, isCalendarDay } from '../../workflows/validation';
import { ReportLineError } from './report-error';

export function parseJsonReport(lines: string[]): { doc: unknown; text: string } {
  const text = lines.join('\n');
  try {
    return { doc: JSON.parse(text), text };
  } catch (err) {
    const at = /position (\d+)/.exec(String(err))?.[1];
    throw new ReportLineError(at ? text.slice(0, Number(at)).split('\n').length : 1, '(file)', 'is not valid JSON');
  }
}

/** The line of the n-th (0-based) `"key":` in the text; 1 if there is none. */
export function lineOfKey(text: string, key: string, n: number): number {
  let at = -1;
  for (let k = 0; k <= n; k++) {
    at = text.indexOf(`"${key}"`, at + 1);
    if (at < 0) return 1;
  }
  return text.slice(0, at).split('\n').length;
}

/** A search term or query as every keyword is stored (workflows/validation.ts), or the error naming its field. */
export function keywordAt(raw: unknown, line: number, field: string): string {
  try {
    return checkKeyword(raw, field);
  } catch (err) {
    throw err instanceof InputError ? new ReportLineError(line, field, err.reason) : err;
  }
}

/** A count the report states: an integer ≥ min, or the error naming its field. */
export function countAt(raw: unknown, line: number, field: string, min = 0): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min) throw new ReportLineError(line, field, `must be an integer ≥ ${min}`);
  return raw;
}

/** An amount or share: a finite number within [min, max], or the error naming its field. */
export function numberAt(raw: unknown, line: number, field: string, min = 0, max = Infinity): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > max)
    throw new ReportLineError(line, field, max === Infinity ? `must be a number ≥ ${min}` : `must be a number from ${min} to ${max}`);
  return raw;
}

/** A calendar day 'YYYY-MM-DD', or the date part of an ISO date-time; null for anything else. */
export const dayOf = (raw: unknown): string | null =>
  typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}($|T)/.test(raw) && isCalendarDay(raw.slice(0, 10)) ? raw.slice(0, 10) : null;
