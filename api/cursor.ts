// Opaque keyset cursors for GET /keywords: the last row's sort value and id, tied to the sort order.
import { badRequest } from './errors';

export const SORTS = {
  opportunity: { column: 'opportunity_score', direction: 'desc' },
  difficulty: { column: 'difficulty_score', direction: 'asc' },
  volume: { column: 'search_volume', direction: 'desc' },
} as const;
export type Sort = keyof typeof SORTS;

export function encodeCursor(sort: Sort, value: unknown, id: unknown): string {
  return Buffer.from(JSON.stringify([sort, value, String(id)])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: Sort): { value: number; id: string } {
  try {
    const [s, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (s === sort && typeof value === 'number' && Number.isFinite(value) && typeof id === 'string' && /^\d+$/.test(id)) return { value, id };
  } catch {
    // fall through to the 400
  }
  throw badRequest('cursor', `is not a cursor of this listing (sort=${sort}); use next_cursor as returned`);
}
