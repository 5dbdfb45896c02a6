// GET /keywords/:keyword/observations as CSV: every stored observation of the keyword, newest day first.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Observation } from '../../activities/db/entities';
import { findObservations } from '../../activities/db/repositories/observations';
import type { Platform } from '../../workflows/types/platforms';
import { csvStream, type CsvColumn } from '../csv';

/** A keyword has at most one row per platform and day, and retention bounds the days: this is every row. */
const MAX_ROWS = 100_000;

const COLUMNS: CsvColumn<Observation>[] = [
  { header: 'keyword', value: (o) => o.keyword },
  { header: 'platform', value: (o) => o.platform },
  { header: 'day', value: (o) => o.day },
  { header: 'search_volume', value: (o) => o.searchVolume },
  { header: 'competition', value: (o) => o.competition },
  { header: 'cpc', value: (o) => o.cpc },
  { header: 'trend_score', value: (o) => o.trendScore },
  // where each number comes from: measured by the source, derived here, or unknown
  { header: 'search_volume_provenance', value: (o) => o.provenance?.search_volume },
  { header: 'competition_provenance', value: (o) => o.provenance?.competition },
  { header: 'cpc_provenance', value: (o) => o.provenance?.cpc },
  { header: 'trend_score_provenance', value: (o) => o.provenance?.trend_score },
  { header: 'related_keywords', value: (o) => o.relatedKeywords },
  { header: 'source', value: (o) => o.source },
  { header: 'collected_at', value: (o) => o.collectedAt.toISOString() },
  { header: 'workflow_id', value: (o) => o.workflowId },
];

export function observationsCsv(
  em: EntityManager,
  keyword: string,
  platform: Platform | undefined,
  bom: boolean,
): ReadableStream<Uint8Array> {
  async function* rows() {
    yield await findObservations(em, { keyword, platform, limit: MAX_ROWS });
  }
  return csvStream(COLUMNS, rows(), bom);
}
