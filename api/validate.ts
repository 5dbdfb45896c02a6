// zod schemas at the edge: the first problem becomes a 400 that names the field.
import type { Context } from 'hono';
import { z } from 'zod';
import { PLATFORMS } from '../workflows/types';
import { isCalendarDay } from '../workflows/validation';
import { badRequest, jsonBody } from './errors';

export function parseWith<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') throw badRequest([...issue.path, issue.keys[0]].join('.'), 'is not a known field');
  const field = issue.path.length ? issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') : 'body';
  throw badRequest(field, issue.message);
}

/** A JSON body when one is sent; an empty body means "all defaults". */
export async function optionalJsonBody(c: Context): Promise<Record<string, unknown>> {
  const length = c.req.header('content-length');
  if ((length === undefined || length === '0') && !c.req.header('content-type')) return {};
  return jsonBody(c);
}

export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDay, 'must be a real date');
export const platform = z.enum(PLATFORMS);
/** Query-string integers: digits only, within bounds. */
export const queryInt = (min: number, max: number) =>
  z.string().regex(/^\d+$/, `must be an integer from ${min} to ${max}`).transform(Number)
    .pipe(z.number().int().min(min, `must be an integer from ${min} to ${max}`).max(max, `must be an integer from ${min} to ${max}`));
