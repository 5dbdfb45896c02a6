// Keywords: the ranked table of GET /keywords with its filters, search, sort and cursor paging; rows link to the keyword.
import { PLATFORMS } from '../../../workflows/types/platforms';
import { Num, SourceBadge, fmt, keywordHref, type VolumeSource } from '../components/format';
import { Notice } from '../components/layout';
import { query, type Json } from '../in-process';

export const KEYWORD_FILTERS = ['platform', 'list', 'cluster', 'source', 'min_volume', 'q', 'sort'] as const;
export type KeywordFilters = Partial<Record<(typeof KEYWORD_FILTERS)[number], string>>;

const SORTS = [
  ['opportunity', 'Opportunity'],
  ['difficulty', 'Difficulty'],
  ['volume', 'Volume'],
] as const;

interface Props {
  filters: KeywordFilters;
  page: Json | null;
  error: string | null;
  lists: { id: string; name: string }[];
  clusters: { id: number; label: string }[];
  cursor: string | undefined;
}

export function KeywordsPage({ filters, page, error, lists, clusters, cursor }: Props) {
  const sortLink = (sort: string) => `/${query({ ...filters, sort })}`;
  const items = (page?.items ?? []) as Json[];
  return (
    <>
      <h1>Keywords {page?.day && <span class="muted">· processed {page.day}</span>}</h1>
      <form class="filters" method="get" action="/">
        <label>
          Search
          <input type="search" name="q" value={filters.q ?? ''} placeholder="contains…" />
        </label>
        <label>
          Platform
          <Select name="platform" value={filters.platform} options={PLATFORMS.map((p) => [p, p])} />
        </label>
        <label>
          List
          <Select name="list" value={filters.list} options={lists.map((l) => [l.id, l.name])} />
        </label>
        <label>
          Cluster
          <Select name="cluster" value={filters.cluster} options={clusters.map((c) => [String(c.id), c.label])} />
        </label>
        <label>
          Volume source
          <Select name="source" value={filters.source} options={['simulated', 'measured', 'estimated', 'imported'].map((s) => [s, s])} />
        </label>
        <label>
          Min volume
          <input type="number" name="min_volume" min="0" value={filters.min_volume ?? ''} style="width:8rem" />
        </label>
        {filters.sort && <input type="hidden" name="sort" value={filters.sort} />}
        <button type="submit">Apply</button>
        <a class="button secondary" href="/">
          Reset
        </a>
        <a
          class="button secondary"
          id="csv"
          href={`/keywords${query({ ...filters, day: page?.day, format: 'csv', bom: 'true' })}`}
          download
        >
          Download CSV
        </a>
      </form>
      {error && <Notice error>{error}</Notice>}
      <table id="keywords">
        <thead>
          <tr>
            <th>Keyword</th>
            <th>Platform</th>
            {SORTS.map(([key, label]) => (
              <th class="num">
                <a href={sortLink(key)} data-sort={key}>
                  {label}
                  {(filters.sort ?? 'opportunity') === key ? ' ▾' : ''}
                </a>
              </th>
            ))}
            <th class="num">Competition</th>
            <th class="num">CPC</th>
            <th class="num">Trend</th>
            <th>Cluster</th>
            <th>Volume source</th>
          </tr>
        </thead>
        <tbody>
          {items.map((k) => (
            <tr>
              <td>
                <a href={keywordHref(k.keyword)}>{k.keyword}</a>
              </td>
              <td>{k.platform}</td>
              <Num value={k.opportunity_score} digits={3} />
              <Num value={k.difficulty_score} digits={3} />
              <Num value={k.search_volume} />
              <Num value={k.competition} digits={2} />
              <Num value={k.cpc} digits={2} />
              <Num value={k.trend_score} digits={2} />
              <td>
                {k.cluster ? (
                  <a href={`/${query({ cluster: k.cluster.id })}`}>{k.cluster.label ?? `#${k.cluster.id}`}</a>
                ) : (
                  <span class="unknown">—</span>
                )}
              </td>
              <td>
                <SourceBadge source={k.volume_source as VolumeSource | null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && items.length === 0 && (
        <p class="muted">No keywords match{page.day ? '' : ': nothing processed yet (collect a list, then process it)'}.</p>
      )}
      <div class="pager">
        {cursor && <a href={`/${query({ ...filters })}`}>« First page</a>}
        {page?.next_cursor && (
          <a id="next-page" href={`/${query({ ...filters, cursor: page.next_cursor })}`}>
            Next page »
          </a>
        )}
        <span class="muted">{fmt(items.length)} rows on this page</span>
      </div>
    </>
  );
}

export function Select({ name, value, options }: { name: string; value: string | undefined; options: (readonly [string, string])[] }) {
  return (
    <select name={name}>
      <option value="">all</option>
      {options.map(([v, label]) => (
        <option value={v} selected={v === value}>
          {label}
        </option>
      ))}
    </select>
  );
}
