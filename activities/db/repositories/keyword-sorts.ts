// The sort orders of GET /keywords. Unknown scores (null: a source published no volume, say) sort last in every
// order: the listing sorts by coalesce(column, unknown), the expressions the indexes of
// Migration20261124400000_keyword_sort_indexes hold (and the entity in entities/processed-keyword.ts declares).
export const KEYWORD_SORTS = {
  opportunity: {
    property: 'opportunityScore',
    direction: 'desc',
    unknown: -Infinity,
    sql: `coalesce(p.opportunity_score, '-Infinity'::float8)`,
  },
  difficulty: { property: 'difficultyScore', direction: 'asc', unknown: Infinity, sql: `coalesce(p.difficulty_score, 'Infinity'::float8)` },
  volume: { property: 'searchVolume', direction: 'desc', unknown: -1, sql: 'coalesce(p.search_volume, -1)' },
} as const;
export type KeywordSort = keyof typeof KEYWORD_SORTS;
