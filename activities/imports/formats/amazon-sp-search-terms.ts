// Format `amazon-sp-search-terms`: Amazon Ads reporting v3 Sponsored Products search-term report (reportTypeId
// spSearchTerm, GZIP_JSON unzipped or not): a JSON array of rows {date | startDate+endDate, searchTerm, impressions,
// clicks, cost, purchases7d, sales7d, campaignId, adGroupId, keywordId, keyword, matchType, ...}. Summed per search term
// and day (or period): CPC = cost / clicks is what was paid. Impressions only count searches where an ad showed and
// was clicked at least once (the report leaves out the rest), so they are kept as a lower bound, never as a volume.
import { countAt, dayOf, keywordAt, lineOfKey, numberAt, parseJsonReport } from '../json-report';
import { ReportLineError } from '../report-error';
import type { DemandRow, ReportParser } from './types';

const IMPRESSIONS_LABEL =
  'amazon-sp-search-terms: your Sponsored Products ad impressions on the search term, a lower bound of its searches (not a volume)';

interface Sum {
  keyword: string;
  from: string;
  to: string;
  impressions: number;
  clicks: number;
  cost: number;
  purchases7d: number | null;
  sales7d: number | null;
  currency: string | null;
  campaigns: Set<string>;
}

export const parseAmazonSpSearchTerms: ReportParser = (lines, onLine) => {
  const { doc, text } = parseJsonReport(lines);
  if (!Array.isArray(doc))
    throw new ReportLineError(1, '(file)', 'must be a JSON array of rows (is this a Sponsored Products search-term report?)');
  const sums = new Map<string, Sum>();
  doc.forEach((entry: unknown, i) => {
    // every row has a searchTerm: its i-th occurrence is row i's line (line 1 for a report on one line: the index names it)
    const line = lineOfKey(text, 'searchTerm', i);
    const e = (entry ?? {}) as Record<string, unknown>;
    const field = (name: string) => `[${i}].${name}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ReportLineError(line, `[${i}]`, 'must be an object');
    // a placement on a product page has no typed search: the report's "*"
    if (e.searchTerm === '*') return;
    const keyword = keywordAt(e.searchTerm, line, field('searchTerm'));
    const [from, to] = periodOf(e, line, field);
    const key = `${keyword}\u0000${from}\u0000${to}`;
    const sum = sums.get(key) ?? newSum(keyword, from, to);
    sum.impressions += countAt(e.impressions, line, field('impressions'));
    sum.clicks += countAt(e.clicks, line, field('clicks'));
    sum.cost += numberAt(e.cost, line, field('cost'));
    if (e.purchases7d !== undefined) sum.purchases7d = (sum.purchases7d ?? 0) + countAt(e.purchases7d, line, field('purchases7d'));
    if (e.sales7d !== undefined) sum.sales7d = (sum.sales7d ?? 0) + numberAt(e.sales7d, line, field('sales7d'));
    if (typeof e.campaignBudgetCurrencyCode === 'string') sum.currency = e.campaignBudgetCurrencyCode;
    if (e.campaignId !== undefined) sum.campaigns.add(String(e.campaignId));
    sums.set(key, sum);
  });
  lines.forEach((_, i) => onLine(i + 1));
  return {
    kind: 'demand',
    platforms: ['amazon'],
    days: 'within-period',
    outranks: [],
    rows: [...sums.values()].map(toDemand),
    label: { searchVolume: 'amazon-sp-search-terms', competition: 'amazon-sp-search-terms', cpc: 'amazon-sp-search-terms: cost / clicks' },
  };
};

const newSum = (keyword: string, from: string, to: string): Sum => ({
  keyword,
  from,
  to,
  impressions: 0,
  clicks: 0,
  cost: 0,
  purchases7d: null,
  sales7d: null,
  currency: null,
  campaigns: new Set(),
});

function periodOf(e: Record<string, unknown>, line: number, field: (name: string) => string): [string, string] {
  if (e.date !== undefined) {
    const day = dayOf(e.date);
    if (day === null) throw new ReportLineError(line, field('date'), 'must be a date YYYY-MM-DD');
    return [day, day];
  }
  const from = dayOf(e.startDate);
  const to = dayOf(e.endDate);
  if (from === null) throw new ReportLineError(line, field('date'), 'or startDate and endDate must be dates YYYY-MM-DD');
  if (to === null || to < from) throw new ReportLineError(line, field('endDate'), `must be a date YYYY-MM-DD on or after ${from}`);
  return [from, to];
}

function toDemand(s: Sum): DemandRow {
  const cpc = s.clicks > 0 ? Math.round((s.cost / s.clicks) * 100) / 100 : null;
  const cost = Math.round(s.cost * 100) / 100;
  const ads = {
    impressions: s.impressions,
    clicks: s.clicks,
    cost,
    purchases_7d: s.purchases7d,
    sales_7d: s.sales7d,
    currency: s.currency,
  };
  return {
    keyword: s.keyword,
    periodFrom: s.from,
    periodTo: s.to,
    searchVolume: null,
    competition: null,
    cpcLow: cpc,
    cpcHigh: cpc,
    details: {
      ...ads,
      campaigns: s.campaigns.size,
      observation: { ads_impressions_lower_bound: s.impressions, ads_search_term: { ...ads, label: IMPRESSIONS_LABEL } },
    },
  };
}
