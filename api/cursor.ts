// Opaque keyset cursors for GET /keywords: the last row's sort value and id, tied to the sort order.
import { badRequest } from './errors';

/**
 * Unknown scores (null: a source published no volume, say) sort last in every order: the listing sorts by
 * coalesce(column, unknown), the expression the indexes of Migration20261124400000_keyword_sort_indexes hold.
 */
export const SORTS = {
  opportunity: { column: 'opportunity_score', direction: 'desc', unknown: -Infinity, sql: `coalesce(p.opportunity_score, '-Infinity'::float8)` },
  difficulty: { column: 'difficulty_score', direction: 'asc', unknown: Infinity, sql: `coalesce(p.difficulty_score, 'Infinity'::float8)` },
  volume: { column: 'search_volume', direction: 'desc', unknown: -1, sql: 'coalesce(p.search_volume, -1)' },
} as const;
export type Sort = keyof typeof SORTS;

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
