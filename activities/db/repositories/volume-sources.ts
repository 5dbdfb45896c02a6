// Where a search volume came from, as one category: the rule (SQL over an observation row) that GET /keywords shows
// and filters by, and the counts that processing, trend analysis and training report. docs/data-sources.md explains it.
import type { EntityManager } from '@mikro-orm/postgresql';
import { IMPORT_FORMATS } from '../../../workflows/types/import-report';
import { noVolumeSources, type VolumeSourceCounts } from '../../../workflows/types/insights';

export const VOLUME_SOURCES = ['simulated', 'measured', 'estimated', 'imported'] as const;
export type VolumeSource = (typeof VOLUME_SOURCES)[number];

/** Sources whose name says the number was imported: a generated dataset (`dataset:<file>`) and every import format. */
const IMPORTED = ['dataset', ...IMPORT_FORMATS].map((name) => `'${name}'`).join(', ');

/**
 * The volume source of the observation row `o` (SQL; null when the volume is unknown). The volume's origin is the
 * source named by its label in `metric_sources` ("<source>: <method>", written by demand filling and imports), else
 * the row's own `source`. The first rule that holds decides:
 * 1. simulated: the origin is the simulator ('simulator', or an official API or demand source it stood in for, '…:simulator');
 * 2. estimated: the volume's provenance is 'estimated' or 'derived' (e.g. from a search frequency rank);
 * 3. imported: the origin's name (before any ':') is an import format or 'dataset';
 * 4. measured: the volume's provenance is 'measured' (a platform's own number, or Google's through DEMAND_SOURCE);
 * otherwise null (e.g. rows stored before provenance was recorded).
 * `volume` is the volume checked for null: the observation's own, or a processed row's copy of it.
 */
export function volumeSourceSql(o = 'o', volume = `${o}.search_volume`): string {
  const origin = `coalesce(nullif(split_part(${o}.metric_sources->>'search_volume', ': ', 1), ''), ${o}.source)`;
  const kind = `${o}.provenance->>'search_volume'`;
  return `(case when ${volume} is null or ${o}.source is null then null
  when ${origin} = 'simulator' or ${origin} like '%:simulator' then 'simulated'
  when ${kind} in ('estimated', 'derived') then 'estimated'
  when split_part(${origin}, ':', 1) in (${IMPORTED}) then 'imported'
  when ${kind} = 'measured' then 'measured' end)`;
}

export interface VolumeSourceWindow {
  /** Inclusive day range (YYYY-MM-DD). */
  from: string;
  to: string;
  platform?: string;
  /** Only rows with every metric known: those averages, forecasts and training use (activities/insights/complete.ts). */
  complete?: boolean;
}

/** How many observations of a window have each volume source ('unknown': no volume, or no rule holds). */
export async function countVolumeSources(em: EntityManager, w: VolumeSourceWindow): Promise<VolumeSourceCounts> {
  const knex = em.getKnex();
  const query = knex('observations as o')
    .select(knex.raw(`coalesce(${volumeSourceSql()}, 'unknown') as volume_source`))
    .count({ n: '*' })
    .whereBetween('o.day', [w.from, w.to])
    .groupBy('volume_source');
  if (w.platform) query.where('o.platform', w.platform);
  if (w.complete) query.whereNotNull('o.search_volume').whereNotNull('o.competition').whereNotNull('o.cpc').whereNotNull('o.trend_score');
  const counts = noVolumeSources();
  for (const r of (await query) as { volume_source: keyof VolumeSourceCounts; n: string | number }[]) counts[r.volume_source] = Number(r.n);
  return counts;
}
