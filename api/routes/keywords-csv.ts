// GET /keywords as CSV: every row the filters match, read in keyset pages of the JSON route's own query.
import type { z } from '@hono/zod-openapi';
import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor } from '../cursor';
import { csvStream, type CsvColumn } from '../csv';
import type { KeywordItem } from './keyword-items';
import { listPage, type ListQuery } from './keyword-page';

/** Rows per query: small enough that a page dies young (never promoted to the old heap), big enough that round trips do not dominate. */
const PAGE = 1_000;

type Item = z.infer<typeof KeywordItem>;

export const KEYWORD_COLUMNS: CsvColumn<Item>[] = [
  { header: 'keyword', value: (r) => r.keyword },
  { header: 'platform', value: (r) => r.platform },
  { header: 'day', value: (r) => r.day },
  { header: 'search_volume', value: (r) => r.search_volume },
  { header: 'competition', value: (r) => r.competition },
  { header: 'cpc', value: (r) => r.cpc },
  { header: 'trend_score', value: (r) => r.trend_score },
  { header: 'difficulty_score', value: (r) => r.difficulty_score },
  { header: 'opportunity_score', value: (r) => r.opportunity_score },
  { header: 'cluster_id', value: (r) => r.cluster?.id },
  { header: 'cluster_label', value: (r) => r.cluster?.label },
  { header: 'related_keywords', value: (r) => r.related_keywords },
  { header: 'category', value: (r) => r.category },
  { header: 'volume_source', value: (r) => r.volume_source },
];

export function keywordsCsv(em: EntityManager, q: ListQuery): ReadableStream<Uint8Array> {
  return csvStream(KEYWORD_COLUMNS, pages(em, q), q.bom === 'true');
}

async function* pages(em: EntityManager, q: ListQuery): AsyncGenerator<Item[]> {
  // the first page fixes the day: a processing run finishing mid-download does not mix two days
  let query: ListQuery = { ...q, limit: PAGE, cursor: undefined };
  let after: { value: number; id: string } | undefined;
  for (;;) {
    const page = await listPage(em, query, after);
    if (page.items.length > 0) yield page.items;
    if (!page.next_cursor || !page.day) return;
    query = { ...query, day: page.day };
    after = decodeCursor(page.next_cursor, q.sort);
  }
}
