// GET /keywords/:keyword: every number of a platform's latest row with its source, kind and date, and its OpenAPI schema.
import { z } from '@hono/zod-openapi';
import type { NumberOrigins } from '../../activities/db/repositories/keyword-details';
import type { ProcessedKeywordWithCluster } from '../../activities/db/repositories/processed-keyword-rows';
import { SCORE_INPUTS } from '../../activities/processing/scores';

type Metric = 'search_volume' | 'competition' | 'cpc' | 'trend_score';
type Score = keyof typeof SCORE_INPUTS;

const MetricSource = z
  .object({
    value: z.number().nullable(),
    source: z.string().nullable().openapi({
      description:
        'the label of the source that gave the number ("<source>: <method>", e.g. "google-ads: average monthly Google searches"), else the row\'s own source; null when no observation is stored',
    }),
    provenance: z.string().nullable().openapi({
      description: 'measured by the source, derived or estimated from its data, or unknown; null when not recorded',
    }),
    day: z.string(),
    collected_at: z.string().nullable().openapi({ description: 'when the observation was stored (UTC); null when none is' }),
  })
  .openapi('MetricSource');

const ScoreSource = z
  .object({
    value: z.number().nullable(),
    source: z.string().openapi({ description: 'e.g. "computed from competition, cpc and search_volume"' }),
    provenance: z.enum(['computed', 'unknown']).openapi({ description: 'unknown when a metric it is computed from is' }),
    day: z.string(),
    computed_at: z.string().openapi({ description: 'when processing computed it (UTC)' }),
  })
  .openapi('ScoreSource');

export const NumberSources = z
  .object({
    search_volume: MetricSource,
    competition: MetricSource,
    cpc: MetricSource,
    trend_score: MetricSource,
    difficulty_score: ScoreSource,
    opportunity_score: ScoreSource,
  })
  .openapi('NumberSources', { description: 'every number of the row with where it came from and its date' });

const VALUES = {
  search_volume: 'searchVolume',
  competition: 'competition',
  cpc: 'cpc',
  trend_score: 'trendScore',
  difficulty_score: 'difficultyScore',
  opportunity_score: 'opportunityScore',
} as const satisfies Record<Metric | Score, keyof ProcessedKeywordWithCluster>;

/** A processed row's numbers, each with its source: the observation's label or source, or the computation. */
export function numberSources(r: ProcessedKeywordWithCluster & NumberOrigins): z.infer<typeof NumberSources> {
  const o = r.observation;
  const metric = (m: Metric): z.infer<typeof MetricSource> => ({
    value: r[VALUES[m]],
    source: o ? (o.metricSources[m] ?? o.source) : null,
    provenance: o?.provenance[m] ?? null,
    day: r.day,
    collected_at: o?.collectedAt ?? null,
  });
  const score = (s: Score): z.infer<typeof ScoreSource> => ({
    value: r[VALUES[s]],
    source: `computed from ${SCORE_INPUTS[s].slice(0, -1).join(', ')} and ${SCORE_INPUTS[s].at(-1)}`,
    provenance: r[VALUES[s]] === null ? 'unknown' : 'computed',
    day: r.day,
    computed_at: r.processedAt,
  });
  return {
    search_volume: metric('search_volume'),
    competition: metric('competition'),
    cpc: metric('cpc'),
    trend_score: metric('trend_score'),
    difficulty_score: score('difficulty_score'),
    opportunity_score: score('opportunity_score'),
  };
}
