// Plain row types shared by the pure processing, trend and model functions (no ORM, no I/O).

/** One keyword on one platform on one day, as collected. */
export interface ObservationRow {
  keyword: string;
  platform: string;
  /** UTC calendar day, 'YYYY-MM-DD'. */
  day: string;
  searchVolume: number;
  competition: number;
  cpc: number;
  trendScore: number;
  relatedKeywords: string[];
  category?: string | null;
}

/** An observation after scoring, related-keyword cleaning and clustering. */
export interface ProcessedKeyword extends ObservationRow {
  difficultyScore: number;
  opportunityScore: number;
  /** null when the batch was too small to cluster. */
  clusterId: number | null;
}

/** A cluster of similar keywords, labelled from its strongest TF-IDF terms. */
export interface ClusterSummary {
  id: number;
  label: string;
  topTerms: string[];
  /** Distinct keywords in the cluster. */
  size: number;
}
