// A bounded sample of a window of observations, for training (trainModel): whole keywords are drawn by a
// stable hash of their text, so every sampled keyword keeps its full daily series (the success target needs
// the following days), and the activity's memory stays near maxRows at any data size.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ObservationInput } from '../../processing/types';
import type { ObservationFilter } from './observations';

const PAGE = 10_000;
/** The hash is the first 32 bits of md5(keyword): the same keywords are drawn on every run and every server version. */
const KEYWORD_HASH = `('x' || substr(md5("keyword"), 1, 8))::bit(32)::bigint`;

export interface ObservationSample {
  rows: ObservationInput[];
  /** Rows in the window, and the share of keywords drawn (1 when all were loaded). */
  windowRows: number;
  fraction: number;
}

/**
 * Loads the keywords whose hash falls under 0.9 · maxRows / (rows in the window) of the hash range, every row
 * of theirs in the window, paged in (keyword, platform, day) order; never more than maxRows rows (the rest is
 * not read, so at most one series is cut). Related keywords are not read: training does not use them.
 */
export async function sampleObservations(
  em: EntityManager,
  filter: ObservationFilter,
  maxRows: number,
  onPage: (loaded: number) => void = () => undefined,
): Promise<ObservationSample> {
  const where = `"day" between ? and ? ${filter.platform ? 'and "platform" = ?' : ''}`;
  const params = [filter.from, filter.to, ...(filter.platform ? [filter.platform] : [])];
  const counted = await em
    .getConnection()
    .execute<{ count: string }[]>(`select count(*) as "count" from "observations" where ${where}`, params);
  const windowRows = Number(counted[0]?.count ?? 0);
  // 90 % of the bound in expectation, so that the hard stop at maxRows rarely cuts a keyword's series
  const fraction = windowRows <= maxRows ? 1 : (0.9 * maxRows) / windowRows;
  const below = Math.floor(fraction * 2 ** 32);
  const rows: ObservationInput[] = [];
  let after: [string, string, string] | null = null;
  while (rows.length < maxRows) {
    const limit = Math.min(PAGE, maxRows - rows.length);
    const page: ObservationInput[] = await em.getConnection().execute<ObservationInput[]>(
      `select "platform", "keyword", "day"::text as "day", "search_volume" as "searchVolume", "competition", "cpc",
              "trend_score" as "trendScore", '[]'::jsonb as "relatedKeywords"
         from "observations"
        where ${where} ${fraction < 1 ? `and ${KEYWORD_HASH} < ${below}` : ''}
              ${after ? 'and ("keyword", "platform", "day") > (?, ?, ?)' : ''}
        order by "keyword", "platform", "day" limit ${limit}`,
      [...params, ...(after ?? [])],
    );
    rows.push(...page);
    onPage(rows.length);
    if (page.length < limit) break;
    const last: ObservationInput = page[page.length - 1]!;
    after = [last.keyword, last.platform, last.day];
  }
  return { rows, windowRows, fraction };
}
