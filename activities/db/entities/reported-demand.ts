// reported_demand: what an imported demand report said per keyword and period, whether or not an observation row
// exists to take it yet (migration ..._report_uploads; its statements are in repositories/reported-demand.ts).
import { BigIntType, EntitySchema } from '@mikro-orm/core';

export interface ReportedDemand {
  id: string;
  /** The report format. */
  source: string;
  keyword: string;
  /** The period the numbers describe, YYYY-MM-DD (a report may hold several, e.g. one per week). */
  periodFrom: string;
  periodTo: string;
  searchVolume: number | null;
  /** 0–1 */
  competition: number | null;
  cpcLow: number | null;
  cpcHigh: number | null;
  /** The report's other columns (currency, monthly series, ranges...). */
  details: Record<string, unknown>;
  /** Deleting the upload deletes what it reported. */
  uploadId: string;
}

export const ReportedDemandSchema = new EntitySchema<ReportedDemand>({
  name: 'ReportedDemand',
  tableName: 'reported_demand',
  indexes: [{ name: 'reported_demand_keyword_period_index', properties: ['keyword', 'periodFrom'] }],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    source: { type: 'string', length: 40 },
    keyword: { type: 'string', length: 100 },
    periodFrom: { type: 'string', columnType: 'date' },
    periodTo: { type: 'string', columnType: 'date' },
    searchVolume: { type: 'integer', nullable: true },
    competition: { type: 'double', nullable: true },
    cpcLow: { type: 'double', nullable: true },
    cpcHigh: { type: 'double', nullable: true },
    details: { type: 'json', defaultRaw: `'{}'` },
    uploadId: {
      kind: 'm:1',
      entity: 'ReportUpload',
      fieldName: 'upload_id',
      mapToPk: true,
      deleteRule: 'cascade',
      updateRule: 'no action',
      foreignKeyName: 'reported_demand_upload_id_fkey',
    },
  },
});
