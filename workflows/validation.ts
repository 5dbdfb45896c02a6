// Input normalisation shared by the workflow (authoritative) and the API (early 400s).
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from './types/failures';
import { MAX_KEYWORD_LENGTH, MAX_KEYWORDS, PLATFORMS, type Platform } from './types/platforms';

export class InputError extends Error {
  constructor(
    readonly field: string,
    /** What is wrong, without the field's name. */
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InputError';
  }
}

/** Trimmed, lower-cased, inner spaces collapsed, NFC (so "é" typed two ways is one keyword). */
export function normalizeKeyword(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, ' ').normalize('NFC');
}

// C0 controls (tab and newline too), DEL and C1 controls would end up in URLs, logs and tables; U+FFFD is what
// bytes that were not UTF-8 decode to
const CONTROL = /[\u0000-\u001f\u007f-\u009f\uFFFD]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Characters as PostgreSQL's varchar counts them: code points (an emoji is one, not two UTF-16 units). */
const lengthOf = (text: string) => [...text].length;

/**
 * One keyword as sent: 1 to 100 characters, not only spaces, no control character, valid Unicode; returned
 * normalised (normalizeKeyword). An InputError naming `field` otherwise. api/validate.ts states it as a pattern.
 */
export function checkKeyword(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InputError(field, 'must be a string');
  // before normalising: NFC and lower-casing keep a lone surrogate, but it is not text
  if (LONE_SURROGATE.test(value)) throw new InputError(field, 'is not valid Unicode text (a lone surrogate)');
  if (CONTROL.test(value)) throw new InputError(field, 'contains control characters (or U+FFFD, what bytes that are not UTF-8 decode to)');
  const keyword = normalizeKeyword(value);
  // the normalised length too: lower-casing can lengthen (İ becomes i and a combining dot)
  if (lengthOf(value) > MAX_KEYWORD_LENGTH || keyword.length < 1 || lengthOf(keyword) > MAX_KEYWORD_LENGTH) {
    throw new InputError(field, `must be 1 to ${MAX_KEYWORD_LENGTH} characters, not only spaces`);
  }
  return keyword;
}

/** At most `max` distinct keywords: a request's limit by default, stored keyword lists allow more. */
export function normalizeKeywords(raw: unknown, max = MAX_KEYWORDS): string[] {
  if (!Array.isArray(raw)) throw new InputError('keywords', 'must be an array of strings');
  const out = new Set<string>();
  raw.forEach((value, i) => out.add(checkKeyword(value, `keywords[${i}]`)));
  if (out.size < 1) throw new InputError('keywords', 'must contain at least one keyword');
  if (out.size > max) throw new InputError('keywords', `at most ${max} distinct keywords`);
  return [...out];
}

export function normalizePlatforms(raw: unknown): Platform[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new InputError('platforms', `must be a non-empty array of ${PLATFORMS.join(', ')}`);
  }
  const out = new Set<Platform>();
  raw.forEach((value, i) => {
    if (typeof value !== 'string' || !(PLATFORMS as readonly string[]).includes(value)) {
      throw new InputError(`platforms[${i}]`, `must be one of ${PLATFORMS.join(', ')}`);
    }
    out.add(value as Platform);
  });
  return PLATFORMS.filter((p) => out.has(p));
}

/** YYYY-MM-DD naming a day that exists (Date.parse alone rolls 2027-02-30 over to March 2). */
export function isCalendarDay(raw: string): boolean {
  const time = Date.parse(`${raw}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === raw;
}

/** The first day any date field accepts: no provider has data before, and year 0 breaks PostgreSQL's date type. */
export const FIRST_DAY = '2000-01-01';

/** The last day accepted: a year after `now` (in a workflow, the workflow's own deterministic clock). */
export function lastDay(now = Date.now()): string {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** What is wrong with a date field, or null: a real calendar day from FIRST_DAY to lastDay(). */
export function dayProblem(raw: unknown, last: string | null = lastDay()): string | null {
  if (typeof raw !== 'string' || !isCalendarDay(raw)) return 'must be a date YYYY-MM-DD';
  if (raw < FIRST_DAY) return `must be a day from ${FIRST_DAY}${last ? ` to ${last}` : ''}`;
  return last !== null && raw > last ? `must be a day from ${FIRST_DAY} to ${last}` : null;
}

/** `last`: the latest day accepted, null for no upper bound (workflows recorded before there was one). */
export function validateDay(raw: unknown, field = 'day', last: string | null = lastDay()): string {
  const problem = dayProblem(raw, last);
  if (problem) throw new InputError(field, problem);
  return raw as string;
}

/** An optional integer from min to max; `fallback` when absent. */
export function intIn<F extends number | undefined>(field: string, value: unknown, fallback: F, min: number, max: number): number | F {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new InputError(field, `must be an integer from ${min} to ${max}`);
  }
  return value as number;
}

/** A workflow's input checks: an InputError becomes a non-retryable InvalidInput failure naming its field. */
export function asInvalidInput<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof InputError) throw ApplicationFailure.nonRetryable(err.message, FailureType.InvalidInput, { field: err.field });
    throw err;
  }
}

/** FNV-1a, 32 bits: a short stable fingerprint for business workflow IDs (no crypto in the sandbox). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** collect-2026-11-24-amazon.etsy-10kw-1a2b3c4d: readable in the Web UI, equal for equal requests. */
export function collectWorkflowId(keywords: string[], platforms: Platform[], day: string): string {
  const sorted = [...keywords].sort();
  return `collect-${day}-${platforms.join('.')}-${sorted.length}kw-${fingerprint(sorted.join('\n'))}`;
}
