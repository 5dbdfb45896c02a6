// zod schemas at the edge: the first problem becomes a 400 that names the field.
import { z } from '@hono/zod-openapi';
import { MAX_KEYWORD_LENGTH, PLATFORMS } from '../workflows/types/platforms';
import { checkKeyword, dayProblem, FIRST_DAY, lastDay } from '../workflows/validation';
import { badRequest, type HttpError } from './errors';

export function zodError(error: z.ZodError): HttpError {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return badRequest([...issue.path, issue.keys[0]].join('.'), 'is not a known field');
  const field = issue.path.length
    ? issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('')
    : 'body';
  return badRequest(field, issue.message);
}

/** The validators' hook: a failed parse throws, and the error mapper answers. */
export function defaultHook(result: { success: true } | { success: false; error: z.ZodError }): void {
  if (!result.success) throw zodError(result.error);
}

// the spaces of JavaScript's \s that are not control characters, spelled out (other regex engines read the contract)
const SPACE = String.raw`\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;
// (lone surrogates, refused too, cannot be spelled in a pattern most engines compile, nor sent as UTF-8)
const NOT_TEXT = String.raw`\u0000-\u001f\u007f-\u009f\ufffd`;
/** checkKeyword as the contract states it (with maxLength 100): no control character, not only spaces. */
export const KEYWORD_PATTERN = `^[^${NOT_TEXT}]*[^${NOT_TEXT}${SPACE}][^${NOT_TEXT}]*$`;
export const keywordText = () => z.string().openapi({ pattern: KEYWORD_PATTERN, minLength: 1, maxLength: MAX_KEYWORD_LENGTH });

/** A path segment as a keyword, normalised like stored keywords; 400 naming `keyword` otherwise (the error mapper). */
export const keywordParam = (raw: string): string => checkKeyword(raw, 'keyword');

/** Alternatives for the zero-padded numbers from..to: small enough to list, and exact. */
const range = (from: number, to: number, width: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(width, '0')).join('|');

/**
 * The contract's pattern for days from FIRST_DAY to `last` (format: date rules out 02-30): the server accepts every
 * day it matches. Fixed when the document is built; the live check's upper bound only moves later.
 */
export function dayPattern(last: string): string {
  const [y, m, d] = last.split('-').map(Number) as [number, number, number];
  const anyDay = '(?:0[1-9]|[12][0-9]|3[01])';
  const firstYear = Number(FIRST_DAY.slice(0, 4));
  return (
    `^(?:(?:${range(firstYear, y - 1, 4)})-(?:0[1-9]|1[0-2])-${anyDay}` +
    `${m > 1 ? `|${y}-(?:${range(1, m - 1, 2)})-${anyDay}` : ''}|${y}-${String(m).padStart(2, '0')}-(?:${range(1, d, 2)}))$`
  );
}

export const day = z
  .string()
  .superRefine((raw, ctx) => {
    const problem = dayProblem(raw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .openapi({
    format: 'date',
    pattern: dayPattern(lastDay()),
    example: '2026-11-24',
    description: `a real calendar day from ${FIRST_DAY} to a year after today (UTC)`,
  });
export const platform = z.enum(PLATFORMS);
/** Query-string integers: digits only, within bounds. */
export const queryInt = (min: number, max: number) => {
  const message = `must be an integer from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message))
    .openapi({ type: 'integer', minimum: min, maximum: max });
};
export const keywordPath = z.object({
  keyword: z.string().openapi({
    param: { name: 'keyword', in: 'path' },
    example: 'svg bundle',
    pattern: KEYWORD_PATTERN,
    minLength: 1,
    maxLength: MAX_KEYWORD_LENGTH,
    description: 'normalised: trimmed, lower-cased, inner spaces collapsed, NFC; 1–100 characters, no control characters',
  }),
});
