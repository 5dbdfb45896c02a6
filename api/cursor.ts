// Keyset cursors for GET /keywords: the sort order, the last row's sort value and id, as plain text whose shape the
// contract states exactly (CURSOR_PATTERN): every cursor of that shape is one the server can page from.
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

// a finite number as JavaScript prints one (at most 21 integer digits, an exponent of at most 2 digits), or null
const VALUE = String.raw`null|-?\d{1,21}(?:\.\d{1,20})?(?:e[-+]?\d{1,2})?`;
/** sort~value~id, e.g. opportunity~0.8125~1042 or volume~null~77. */
export const CURSOR_PATTERN = `^(${Object.keys(SORTS).join('|')})~(${VALUE})~(\\d{1,18})$`;
const CURSOR = new RegExp(CURSOR_PATTERN);

/** The value is the row's score, or null when unknown. */
export function encodeCursor(sort: Sort, value: unknown, id: unknown): string {
  return `${sort}~${typeof value === 'number' && Number.isFinite(value) ? String(value) : 'null'}~${String(id)}`;
}

/** The value comes back as the sort expression's: an unknown score as its sentinel. */
export function decodeCursor(cursor: string, sort: Sort): { value: number; id: string } {
  const [, s, value, id] = CURSOR.exec(cursor) ?? [];
  if (s === undefined || value === undefined || id === undefined) {
    throw badRequest('cursor', 'is not a cursor (sort~value~id); use next_cursor as returned');
  }
  if (s !== sort) throw badRequest('cursor', `was made for sort=${s}, not sort=${sort}; use next_cursor with the sort it came from`);
  return { value: value === 'null' ? SORTS[sort].unknown : Number(value), id };
}
