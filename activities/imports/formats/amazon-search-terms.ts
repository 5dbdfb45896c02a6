// Format `amazon-search-terms`: Brand Analytics Search Terms (SP-API GET_BRAND_ANALYTICS_SEARCH_TERMS_REPORT), JSON
// {reportSpecification: {reportType, reportOptions: {reportPeriod}, dataStartTime, dataEndTime, marketplaceIds},
// dataByDepartmentAndSearchTerm: [{departmentName, searchTerm, searchFrequencyRank, clickedAsin, clickedItemName,
// clickShareRank, clickShare, conversionShare}]}: up to three entries per term (its top clicked ASINs), one rank.
// A rank is not a volume: it becomes one only through the fit of activities/imports/estimate-volumes.ts.
import { countAt, dayOf, keywordAt, lineOfKey, numberAt, parseJsonReport } from '../json-report';
import { ReportLineError } from '../report-error';
import { periodEnd, REPORT_PERIODS, type ReportPeriod } from './report-period';
import type { RankRow, ReportParser } from './types';

const ENTRIES = 'dataByDepartmentAndSearchTerm';

export const parseAmazonSearchTerms: ReportParser = (lines, onLine) => {
  const { doc, text } = parseJsonReport(lines);
  const report = (doc ?? {}) as { reportSpecification?: Record<string, unknown>; [ENTRIES]?: unknown };
  if (typeof doc !== 'object' || !Array.isArray(report[ENTRIES]))
    throw new ReportLineError(1, ENTRIES, 'must be an array (is this a Brand Analytics Search Terms report?)');
  const spec = (report.reportSpecification ?? {}) as Record<string, unknown> & { reportOptions?: { reportPeriod?: unknown } };
  const period = spec.reportOptions?.reportPeriod;
  const specLine = (key: string) => lineOfKey(text, key, 0);
  if (!(REPORT_PERIODS as readonly unknown[]).includes(period))
    throw new ReportLineError(
      specLine('reportPeriod'),
      'reportSpecification.reportOptions.reportPeriod',
      `must be one of ${REPORT_PERIODS.join(', ')}, not ${JSON.stringify(period)}`,
    );
  const periodFrom = dayOf(spec.dataStartTime);
  const end = periodEnd(period as ReportPeriod, periodFrom ?? '');
  if (periodFrom === null || 'problem' in end)
    throw new ReportLineError(specLine('dataStartTime'), 'reportSpecification.dataStartTime', 'problem' in end ? end.problem : '');
  if (dayOf(spec.dataEndTime) !== end.to)
    throw new ReportLineError(
      specLine('dataEndTime'),
      'reportSpecification.dataEndTime',
      `must be ${end.to}, the end of the ${period} from ${periodFrom}`,
    );

  const rows = new Map<string, RankRow>();
  report[ENTRIES].forEach((entry: unknown, i) => {
    const line = lineOfKey(text, 'searchTerm', i);
    const e = (entry ?? {}) as Record<string, unknown>;
    const field = (name: string) => `${ENTRIES}[${i}].${name}`;
    const keyword = keywordAt(e.searchTerm, line, field('searchTerm'));
    const rank = countAt(e.searchFrequencyRank, line, field('searchFrequencyRank'), 1);
    const clicked =
      e.clickedAsin === undefined || e.clickedAsin === null || e.clickedAsin === ''
        ? null
        : {
            asin: typeof e.clickedAsin === 'string' ? e.clickedAsin : fail(line, field('clickedAsin'), 'must be a string'),
            item_name: typeof e.clickedItemName === 'string' ? e.clickedItemName : null,
            click_share_rank: countAt(e.clickShareRank, line, field('clickShareRank'), 1),
            click_share: numberAt(e.clickShare, line, field('clickShare'), 0, 1),
            conversion_share: numberAt(e.conversionShare, line, field('conversionShare'), 0, 1),
          };
    const department = typeof e.departmentName === 'string' ? e.departmentName : null;
    const row = rows.get(keyword);
    // the rank is the term's, repeated on each of its clicked ASINs' entries: the best one stands if they differ
    rows.set(keyword, {
      keyword,
      rank: Math.min(rank, row?.rank ?? rank),
      details: {
        departments: [...new Set([...((row?.details.departments as string[]) ?? []), ...(department ? [department] : [])])],
        top_clicked: [...((row?.details.top_clicked as unknown[]) ?? []), ...(clicked ? [clicked] : [])],
      },
    });
  });
  lines.forEach((_, i) => onLine(i + 1));
  return { kind: 'ranks', reportPeriod: period as string, periodFrom, periodTo: end.to, rows: [...rows.values()] };
};

function fail(line: number, field: string, reason: string): never {
  throw new ReportLineError(line, field, reason);
}
