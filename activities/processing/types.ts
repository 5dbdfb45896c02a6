// Row types of the pure processing, trend and model functions (no ORM, no I/O): the fields they read of the
// entities in activities/db/entities, narrowed to what each function needs.
import type { Observation } from '../db/entities/observation';
import type { ProcessedKeyword } from '../db/entities/processed-keyword';

type Metric = 'searchVolume' | 'competition' | 'cpc' | 'trendScore';

/** What processing reads of an observation; category is its category_data.top_category. A metric is null when unknown. */
export type ObservationInput = Pick<Observation, 'keyword' | 'day' | Metric | 'relatedKeywords'> & {
  platform: string;
  category?: string | null;
};

/** An observation with every metric known: what scoring, trends and training compute with. */
export type CompleteObservation = ObservationInput & { [K in Metric]: number };

/** An observation after scoring, related-keyword cleaning and clustering, every score known. */
export type ScoredKeyword = CompleteObservation &
  Pick<ProcessedKeyword, 'clusterId'> & {
    difficultyScore: number;
    opportunityScore: number;
  };

/** A cluster of similar keywords, labelled from its strongest TF-IDF terms. */
export interface ClusterSummary {
  id: number;
  label: string;
  topTerms: string[];
  /** Distinct keywords in the cluster. */
  size: number;
}
