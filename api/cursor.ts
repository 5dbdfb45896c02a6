// Opaque keyset cursors for GET /keywords: the last row's sort value and id, tied to the sort order.
import { KEYWORD_SORTS, type KeywordSort } from '../activities/db/repositories/keyword-sorts';
import { badRequest } from './errors';

/** The listing's sort orders, unknown scores last: their sentinels and SQL live with the table's repository. */
export const SORTS = KEYWORD_SORTS;
export type Sort = KeywordSort;

/** The value is the row's score, or null when unknown. */
export function encodeCursor(sort: Sort, value: unknown, id: unknown): string {
  return Buffer.from(JSON.stringify([sort, value, String(id)])).toString('base64url');
}

/** The value comes back as the sort expression's: an unknown score as its sentinel. */
export function decodeCursor(cursor: string, sort: Sort): { value: number; id: string } {
  try {
    const [s, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    const known = typeof value === 'number' && Number.isFinite(value);
    if (s === sort && (known || value === null) && typeof id === 'string' && /^\d+$/.test(id)) {
      return { value: known ? value : SORTS[sort].unknown, id };
    }
  } catch {
    // fall through to the 400
  }
  throw badRequest('cursor', `is not a cursor of this listing (sort=${sort}); use next_cursor as returned`);
}
