// The write of a parsed report inside the import's transaction: observation upserts, or demand filling weaker values.
import type { Knex } from '@mikro-orm/postgresql';
import type { ObservationLine } from './formats/observation-line';
import type { ParsedReport } from './formats/types';

// rows per INSERT: 15 columns each, and one statement binds at most 65,535 parameters
const CHUNK = 2_000;

/**
 * Which stored search volumes an import may replace: unknown ones, the simulator's, generated datasets', and
 * estimates. A platform's own measured number (any other source) is kept. docs/imports.md explains the order.
 */
export const WEAKER_VOLUME = `(o.search_volume is null or o.provenance->>'search_volume' = 'unknown' or o.source = 'simulator'
  or o.source like 'dataset:%' or o.details->>'search_volume_source' like 'estimated%')`;

export async function writeObservations(knex: Knex, trx: Knex.Transaction, rows: ObservationLine[], source: string, workflowId: string) {
  const collectedAt = new Date();
  // keyed by (platform, keyword, day): a repeated line replaces the earlier one, as the upsert would
  const unique = new Map(rows.map((o) => [`${o.platform}\u0000${o.keyword}\u0000${o.day}`, o]));
  const all = [...unique.values()].map((o) => ({
    platform: o.platform,
    keyword: o.keyword,
    day: o.day,
    search_volume: o.searchVolume,
    competition: o.competition,
    cpc: o.cpc,
    trend_score: o.trendScore,
    related_keywords: JSON.stringify(o.relatedKeywords),
    category_data: o.category ? JSON.stringify({ top_category: o.category }) : null,
    degraded: '[]',
    // written out so that a row merged over a collected one drops that row's labels and extras
    provenance: '{}',
    details: null,
    source,
    collected_at: collectedAt,
    workflow_id: workflowId,
  }));
  for (let i = 0; i < all.length; i += CHUNK) {
    await knex('observations')
      .insert(all.slice(i, i + CHUNK))
      .onConflict(['platform', 'keyword', 'day'])
      .merge()
      .transacting(trx);
  }
  return { observations: all.length };
}

/** Stores the report's keywords, then fills the keyword's observation rows of the report's platforms and days. */
export async function writeDemand(
  knex: Knex,
  trx: Knex.Transaction,
  report: Extract<ParsedReport, { kind: 'demand' }>,
  uploadId: string,
  source: string,
) {
  const rows = report.rows.map((r) => ({
    source,
    keyword: r.keyword,
    period_from: r.periodFrom,
    period_to: r.periodTo,
    search_volume: r.searchVolume,
    competition: r.competition,
    cpc_low: r.cpcLow,
    cpc_high: r.cpcHigh,
    details: JSON.stringify(r.details),
    upload_id: uploadId,
  }));
  for (let i = 0; i < rows.length; i += CHUNK)
    await knex('reported_demand')
      .insert(rows.slice(i, i + CHUNK))
      .transacting(trx);
  const platforms = report.platforms ? ` and o.platform in (${report.platforms.map((p) => `'${p}'`).join(', ')})` : '';
  const days = report.days === 'within-period' ? ' and o.day between d.period_from and d.period_to' : ' and o.day >= d.period_from';
  // platform names come from the fixed list, never from the file
  const from = `from reported_demand d where d.upload_id = ? and o.keyword = d.keyword${days}${platforms}`;
  const extra = `jsonb_build_object('demand_import', jsonb_build_object('upload_id', d.upload_id, 'source', d.source,
    'period', jsonb_build_array(d.period_from, d.period_to), 'cpc_range', jsonb_build_array(d.cpc_low, d.cpc_high)) || d.details)`;
  const outranked = report.outranks.map(() => ` or o.details->>'search_volume_source' like ? || ':%'`).join('');
  const run = (sql: string, bindings: string[]) => knex.raw(sql, bindings).transacting(trx) as unknown as Promise<{ rowCount: number }>;
  const volume = await run(
    `update observations o set search_volume = d.search_volume,
      provenance = o.provenance || '{"search_volume":"measured"}',
      details = coalesce(o.details, '{}') || jsonb_build_object('search_volume_source', ?::text) || ${extra}
    ${from} and d.search_volume is not null and (${WEAKER_VOLUME}${outranked})`,
    [report.label.searchVolume, uploadId, ...report.outranks],
  );
  const competition = await run(
    `update observations o set competition = d.competition,
      provenance = o.provenance || '{"competition":"measured"}',
      details = coalesce(o.details, '{}') || jsonb_build_object('competition_source', ?::text)
    ${from} and d.competition is not null and (o.competition is null or o.provenance->>'competition' = 'unknown')`,
    [report.label.competition, uploadId],
  );
  const cpc = await run(
    `update observations o set cpc = (d.cpc_low + d.cpc_high) / 2,
      provenance = o.provenance || '{"cpc":"derived"}',
      details = coalesce(o.details, '{}') || jsonb_build_object('cpc_source', ?::text)
    ${from} and d.cpc_low is not null and d.cpc_high is not null and (o.cpc is null or o.provenance->>'cpc' = 'unknown')`,
    [report.label.cpc, uploadId],
  );
  return { reported_demand: rows.length, search_volume: volume.rowCount, competition: competition.rowCount, cpc: cpc.rowCount };
}
