// reported_demand: every statement on the table, and the filling of observation rows from a demand report's rows.
// Each value taken carries its report's label in observations.metric_sources, as demand filling does
// (activities/collect/demand-fill.ts); docs/imports.md gives the order of which stored number wins.
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Platform } from '../../../workflows/types/platforms';
import type { ReportedDemand } from '../entities';

/** Rows per INSERT: 11 columns each, and one statement binds at most 65,535 parameters. */
const CHUNK = 2_000;

/**
 * Which stored search volumes an import may replace: unknown ones, the simulator's, generated datasets', and
 * estimates. A platform's own measured number, and one another report or demand source gave, is kept.
 */
export const WEAKER_VOLUME = `(o.search_volume is null or o.provenance->>'search_volume' in ('unknown', 'estimated')
  or o.source = 'simulator' or o.source like 'dataset:%')`;

/** A row to insert: the entity's row without its generated id. */
export type ReportedDemandRow = Omit<ReportedDemand, 'id'>;

/** How one upload's rows fill observations (a demand report's own settings: activities/imports/formats/types.ts). */
export interface DemandFill {
  /** Labels written to metric_sources, e.g. 'amazon-sqp: weekly search query volume ×52/12'. */
  label: { searchVolume: string; competition: string; cpc: string };
  platforms: readonly Platform[] | null;
  days: 'within-period' | 'from-period-start';
  /** Label prefixes whose volumes this report replaces (e.g. Google's demand on Amazon rows). */
  outranks: readonly string[];
}

const trxOf = (em: EntityManager) => em.getTransactionContext<Knex.Transaction>();

export async function insertReportedDemand(em: EntityManager, rows: readonly ReportedDemandRow[]): Promise<void> {
  const trx = trxOf(em);
  const columns = rows.map((r) => ({
    source: r.source,
    keyword: r.keyword,
    period_from: r.periodFrom,
    period_to: r.periodTo,
    search_volume: r.searchVolume,
    competition: r.competition,
    cpc_low: r.cpcLow,
    cpc_high: r.cpcHigh,
    details: JSON.stringify(r.details),
    upload_id: r.uploadId,
  }));
  for (let i = 0; i < columns.length; i += CHUNK) {
    const insert = em
      .getKnex()('reported_demand')
      .insert(columns.slice(i, i + CHUNK));
    await (trx ? insert.transacting(trx) : insert);
  }
}

/**
 * Fills the observation rows of the upload's keywords, platforms and days: a volume where the stored one is weaker
 * (or outranked), competition and CPC where unknown, and the report's `observation` extras (details) on every row.
 */
export async function fillFromDemand(em: EntityManager, uploadId: string, fill: DemandFill) {
  const platforms = fill.platforms ? ` and o.platform in (${fill.platforms.map((p) => `'${p}'`).join(', ')})` : '';
  const days = fill.days === 'within-period' ? ' and o.day between d.period_from and d.period_to' : ' and o.day >= d.period_from';
  // platform names come from the fixed list, never from the file
  const from = `from reported_demand d where d.upload_id = ? and o.keyword = d.keyword${days}${platforms}`;
  const extra = `jsonb_build_object('demand_import', jsonb_build_object('upload_id', d.upload_id, 'source', d.source,
    'period', jsonb_build_array(d.period_from, d.period_to), 'cpc_range', jsonb_build_array(d.cpc_low, d.cpc_high))
    || (d.details - 'observation'))`;
  const outranked = fill.outranks.map(() => ` or o.metric_sources->>'search_volume' like ? || ':%'`).join('');
  const trx = trxOf(em);
  const run = async (sql: string, bindings: string[]) => {
    const query = em.getKnex().raw(sql, bindings);
    return ((await (trx ? query.transacting(trx) : query)) as { rowCount: number }).rowCount;
  };
  const source = (metric: string) => `metric_sources = o.metric_sources || jsonb_build_object('${metric}', ?::text)`;
  const search_volume = await run(
    `update observations o set search_volume = d.search_volume, provenance = o.provenance || '{"search_volume":"measured"}',
      ${source('search_volume')}, details = coalesce(o.details, '{}') || ${extra}
    ${from} and d.search_volume is not null and (${WEAKER_VOLUME}${outranked})`,
    [fill.label.searchVolume, uploadId, ...fill.outranks],
  );
  const competition = await run(
    `update observations o set competition = d.competition, provenance = o.provenance || '{"competition":"measured"}',
      ${source('competition')}
    ${from} and d.competition is not null and (o.competition is null or o.provenance->>'competition' = 'unknown')`,
    [fill.label.competition, uploadId],
  );
  const cpc = await run(
    `update observations o set cpc = (d.cpc_low + d.cpc_high) / 2, provenance = o.provenance || '{"cpc":"derived"}', ${source('cpc')}
    ${from} and d.cpc_low is not null and d.cpc_high is not null and (o.cpc is null or o.provenance->>'cpc' = 'unknown')`,
    [fill.label.cpc, uploadId],
  );
  const details = await run(
    `update observations o set details = coalesce(o.details, '{}') || (d.details->'observation')
    ${from} and jsonb_typeof(d.details->'observation') = 'object'`,
    [uploadId],
  );
  const written: Record<string, number> = { search_volume, competition, cpc };
  if (details > 0) written.details = details;
  return written;
}

/** The newest imported volume of each keyword reported by `source` for exactly this period. */
export async function reportedVolumes(
  em: EntityManager,
  source: string,
  periodFrom: string,
  periodTo: string,
): Promise<Map<string, number>> {
  const trx = trxOf(em);
  const query = em.getKnex().raw(
    `select distinct on (keyword) keyword, search_volume from reported_demand
      where source = ? and period_from = ? and period_to = ? and search_volume is not null order by keyword, id desc`,
    [source, periodFrom, periodTo],
  );
  const { rows } = (await (trx ? query.transacting(trx) : query)) as { rows: { keyword: string; search_volume: number }[] };
  return new Map(rows.map((r) => [r.keyword, r.search_volume]));
}
