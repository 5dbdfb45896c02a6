// zod schemas at the edge: the first problem becomes a 400 that names the field.
import { z } from '@hono/zod-openapi';
import { PLATFORMS } from '../workflows/types/platforms';
import { checkKeyword, isCalendarDay } from '../workflows/validation';
import { badRequest, type HttpError } from './errors';

export function zodError(error: z.ZodError): HttpError {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return badRequest([...issue.path, issue.keys[0]].join('.'), 'is not a known field');
  const field = issue.path.length ? issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') : 'body';
  return badRequest(field, issue.message);
}

/** The validators' hook: a failed parse throws, and the error mapper answers. */
export function defaultHook(result: { success: true } | { success: false; error: z.ZodError }): void {
  if (!result.success) throw zodError(result.error);
}

/** A path segment as a keyword, normalised like stored keywords; 400 naming `keyword` otherwise (the error mapper). */
export const keywordParam = (raw: string): string => checkKeyword(raw, 'keyword');

export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDay, 'must be a real date').openapi({ format: 'date', example: '2026-11-24' });
export const platform = z.enum(PLATFORMS);
/** Query-string integers: digits only, within bounds. */
export const queryInt = (min: number, max: number) => {
  const message = `must be an integer from ${min} to ${max}`;
  return z.string().regex(/^\d+$/, message).transform(Number).pipe(z.number().int().min(min, message).max(max, message))
    .openapi({ type: 'integer', minimum: min, maximum: max });
};
export const keywordPath = z.object({
  keyword: z.string().openapi({ param: { name: 'keyword', in: 'path' }, example: 'svg bundle', description: 'normalised: trimmed, lower-cased, inner spaces collapsed; 1–100 characters' }),
});
