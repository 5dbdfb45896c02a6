// Format `amazon-sqp`: Brand Analytics Search Query Performance (SP-API GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT),
// JSON {reportSpecification, dataByAsin: [{asin, startDate, endDate, searchQueryData: {searchQuery, searchQueryScore,
// searchQueryVolume}, impressionData, clickData, cartAddData, purchaseData}]}. Weekly reports only.
import { checkKeyword, InputError, isCalendarDay } from '../../../workflows/validation';
import { lineOfKey, parseJsonReport } from '../json-report';
import { ReportLineError } from '../report-error';
import type { DemandRow, ReportParser } from './types';

/** A month of weeks: 52 weeks spread over 12 months. */
const WEEKS_PER_MONTH = 52 / 12;

export const parseAmazonSqp: ReportParser = (lines, onLine) => {
  const { doc, text } = parseJsonReport(lines);
  const report = doc as { reportSpecification?: { reportOptions?: { reportPeriod?: unknown } }; dataByAsin?: unknown };
  if (typeof report !== 'object' || report === null || !Array.isArray(report.dataByAsin)) {
    throw new ReportLineError(1, 'dataByAsin', 'must be an array (is this a Search Query Performance report?)');
  }
  const period = report.reportSpecification?.reportOptions?.reportPeriod;
  if (period !== 'WEEK')
    throw new ReportLineError(
      lineOfKey(text, 'reportPeriod', 0),
      'reportSpecification.reportOptions.reportPeriod',
      `must be WEEK, not ${JSON.stringify(period)}`,
    );
  const rows = new Map<string, DemandRow>();
  report.dataByAsin.forEach((entry: unknown, i) => {
    const line = lineOfKey(text, 'startDate', i);
    const e = (entry ?? {}) as Record<string, unknown>;
    const fail = (field: string, reason: string) => new ReportLineError(line, `dataByAsin[${i}].${field}`, reason);
    const { startDate, endDate } = e;
    if (typeof startDate !== 'string' || !isCalendarDay(startDate)) throw fail('startDate', 'must be a date YYYY-MM-DD');
    // Amazon's reporting weeks run Sunday to Saturday
    if (new Date(`${startDate}T00:00:00Z`).getUTCDay() !== 0)
      throw fail('startDate', `is not the Sunday a reporting week starts on: unknown week ${startDate}`);
    const end = new Date(Date.parse(`${startDate}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    if (endDate !== end) throw fail('endDate', `must be ${end}, the Saturday ending the week of ${startDate}`);
    const q = (e.searchQueryData ?? {}) as Record<string, unknown>;
    let keyword: string;
    try {
      keyword = checkKeyword(q.searchQuery, 'searchQuery');
    } catch (err) {
      throw err instanceof InputError ? fail('searchQueryData.searchQuery', err.reason) : err;
    }
    const weekly = q.searchQueryVolume;
    if (typeof weekly !== 'number' || !Number.isInteger(weekly) || weekly < 0)
      throw fail('searchQueryData.searchQueryVolume', 'must be an integer ≥ 0');
    const key = `${keyword}\u0000${startDate}`;
    const asins = [...((rows.get(key)?.details.asins as string[] | undefined) ?? []), ...(typeof e.asin === 'string' ? [e.asin] : [])];
    // the volume is the query's, the same on every ASIN's entry of the week
    rows.set(key, {
      keyword,
      periodFrom: startDate,
      periodTo: end,
      searchVolume: Math.round(weekly * WEEKS_PER_MONTH),
      competition: null,
      cpcLow: null,
      cpcHigh: null,
      details: { weekly_search_query_volume: weekly, search_query_score: q.searchQueryScore ?? null, asins },
    });
  });
  lines.forEach((_, i) => onLine(i + 1));
  return {
    // Amazon's own count of Amazon searches outranks Google's demand on Amazon rows
    kind: 'demand',
    platforms: ['amazon'],
    days: 'within-period',
    outranks: ['keyword-planner-csv', 'google-ads'],
    rows: [...rows.values()],
    label: { searchVolume: 'amazon-sqp: weekly search query volume ×52/12', competition: 'amazon-sqp', cpc: 'amazon-sqp' },
  };
};
