// Keyset cursors for GET /keywords: the last row's sort value and id, as plain text whose shape the contract states
// exactly (CURSOR_PATTERN): every cursor of that shape is a position the server can page from, in any sort order.
import { KEYWORD_SORTS, type KeywordSort } from '../activities/db/repositories/keyword-sorts';
import { badRequest } from './errors';

/** The listing's sort orders, unknown scores last: their sentinels and SQL live with the table's repository. */
export const SORTS = KEYWORD_SORTS;
export type Sort = KeywordSort;

// a finite number as JavaScript prints one (at most 21 integer digits, an exponent of at most 2 digits), or null
const VALUE = String.raw`null|-?\d{1,21}(?:\.\d{1,20})?(?:e[-+]?\d{1,2})?`;
/** value~id, e.g. 0.8125~1042 or null~77. */
export const CURSOR_PATTERN = `^(${VALUE})~(\\d{1,18})$`;
const CURSOR = new RegExp(CURSOR_PATTERN);

/** The value is the row's score, or null when unknown. */
export function encodeCursor(value: unknown, id: unknown): string {
  return `${typeof value === 'number' && Number.isFinite(value) ? String(value) : 'null'}~${String(id)}`;
}

/** The value comes back as the sort expression's: an unknown score as its sentinel. */
export function decodeCursor(cursor: string, sort: Sort): { value: number; id: string } {
  const [, value, id] = CURSOR.exec(cursor) ?? [];
  if (value === undefined || id === undefined) throw badRequest('cursor', 'is not a cursor (value~id); use next_cursor as returned');
  if (value === 'null') return { value: SORTS[sort].unknown, id };
  // any position is one: the volume sort compares with an integer column, so a score from another sort is rounded into range
  return { value: sort === 'volume' ? Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, Math.round(Number(value)))) : Number(value), id };
}
