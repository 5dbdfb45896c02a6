// Which metric came from where: every observation says what its source measured, what was derived here
// from the source's data, and what is unknown (never invent a number: docs/data-sources.md).
import { METRIC_FIELDS, type DegradedCall, type MetricField, type Provenance } from './types';

/** Fields not named are unknown: an adapter has to claim each value it has. */
export function provenanceOf(known: Partial<Provenance>): Provenance {
  return Object.fromEntries(METRIC_FIELDS.map((f) => [f, known[f] ?? 'unknown'])) as Provenance;
}

const DEGRADED_FIELD: Record<DegradedCall['call'], MetricField> = {
  trend: 'trend_score',
  related: 'related_keywords',
  categories: 'category_data',
  demand: 'search_volume',
};

/**
 * The generic provider contract's provider (seed-contract.ts) reports every metric itself, so all are measured; a
 * degraded call leaves the contract's default in its field (docs/data-sources.md), which is then unknown, as are
 * categories on a platform without them.
 */
export function seedProvenance(degraded: DegradedCall[], hasCategories: boolean): Provenance {
  const provenance = Object.fromEntries(METRIC_FIELDS.map((f) => [f, 'measured'])) as Provenance;
  if (!hasCategories) provenance.category_data = 'unknown';
  for (const d of degraded) provenance[DEGRADED_FIELD[d.call]] = 'unknown';
  return provenance;
}
