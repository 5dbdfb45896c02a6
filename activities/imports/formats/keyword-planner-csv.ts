// Format `keyword-planner-csv`: Google Ads Keyword Planner's "Keyword Stats" download (UTF-16LE TSV, or UTF-8 CSV):
// a title line, a date-range line, a header, then one keyword per line. Columns are found by their header name.
import { checkKeyword, InputError } from '../../../workflows/validation';
import { splitDelimited } from '../delimited';
import { ReportLineError } from '../report-error';
import type { DemandRow, ReportParser } from './types';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const COLUMNS = {
  keyword: 'Keyword',
  currency: 'Currency',
  volume: 'Avg. monthly searches',
  threeMonth: 'Three month change',
  yoy: 'YoY change',
  competition: 'Competition',
  competitionIndex: 'Competition (indexed value)',
  bidLow: 'Top of page bid (low range)',
  bidHigh: 'Top of page bid (high range)',
} as const;
/** Only these must be present; the export's other columns (impression shares, "In plan?"...) are ignored. */
const REQUIRED = [COLUMNS.keyword, COLUMNS.volume] as const;

export const parseKeywordPlannerCsv: ReportParser = (lines, onLine) => {
  const headerAt = lines.slice(0, 5).findIndex((l) => /^"?Keyword"?[\t,]/.test(l));
  if (headerAt < 0)
    throw new ReportLineError(1, '(header)', 'not found: a Keyword Planner export has a "Keyword" header within its first lines');
  const header = lines[headerAt]!;
  const delimiter = header.includes('\t') ? '\t' : ',';
  const names = splitDelimited(header, delimiter, headerAt + 1).map((n) => n.trim());
  for (const name of REQUIRED) if (!names.includes(name)) throw new ReportLineError(headerAt + 1, '(header)', `has no "${name}" column`);
  const col = (name: string) => names.indexOf(name);
  const [periodFrom, periodTo] = dateRange(lines.slice(0, headerAt));
  const monthly = names.flatMap((n, i) => {
    const m = /^Searches: ([A-Z][a-z]{2}) (\d{4})$/.exec(n);
    const month = m ? MONTHS.findIndex((x) => x.startsWith(m[1]!.toLowerCase())) : -1;
    return month < 0 ? [] : [{ index: i, month: `${m![2]}-${String(month + 1).padStart(2, '0')}` }];
  });

  const rows = new Map<string, DemandRow>();
  for (let i = headerAt + 1; i < lines.length; i++) {
    const lineNo = i + 1;
    if (lines[i]!.trim()) {
      const cells = splitDelimited(lines[i]!, delimiter, lineNo);
      if (cells.length > names.length) throw new ReportLineError(lineNo, '(line)', `has ${cells.length} cells, the header ${names.length}`);
      const cell = (name: string) => (col(name) < 0 ? '' : (cells[col(name)] ?? '').trim());
      const num = (name: string) => count(cell(name), lineNo, name);
      const keyword = keywordOf(cell(COLUMNS.keyword), lineNo);
      const volume = volumeOf(cell(COLUMNS.volume), lineNo);
      const index = num(COLUMNS.competitionIndex);
      if (index !== null && index > 100) throw new ReportLineError(lineNo, COLUMNS.competitionIndex, 'must be from 0 to 100');
      const series = Object.fromEntries(
        monthly.map(({ index: at, month }) => [month, count((cells[at] ?? '').trim(), lineNo, names[at]!)]),
      );
      rows.set(keyword, {
        keyword,
        periodFrom,
        periodTo,
        searchVolume: volume.value,
        competition: index === null ? null : index / 100,
        cpcLow: num(COLUMNS.bidLow),
        cpcHigh: num(COLUMNS.bidHigh),
        details: {
          currency: cell(COLUMNS.currency) || null,
          competition_level: cell(COLUMNS.competition) || null,
          three_month_change: cell(COLUMNS.threeMonth) || null,
          yoy_change: cell(COLUMNS.yoy) || null,
          ...(volume.range ? { search_volume_range: volume.range } : {}),
          monthly_searches: series,
        },
      });
    }
    onLine(lineNo);
  }
  return {
    // a 12-month average is the demand Keyword Planner states for now: rows after the period take it too
    kind: 'demand',
    platforms: null,
    days: 'from-period-start',
    outranks: [],
    rows: [...rows.values()],
    label: {
      searchVolume: 'keyword-planner-csv: average monthly Google searches',
      competition: 'keyword-planner-csv: competition index / 100',
      cpc: 'keyword-planner-csv: midpoint of the top-of-page bid range',
    },
  };
};

function keywordOf(raw: string, lineNo: number): string {
  try {
    return checkKeyword(raw, COLUMNS.keyword);
  } catch (err) {
    throw err instanceof InputError ? new ReportLineError(lineNo, COLUMNS.keyword, err.reason) : err;
  }
}

/** "49,500" or "49500"; empty or "--" is unknown (null); anything else names the field. */
function count(raw: string, lineNo: number, field: string): number | null {
  if (raw === '' || raw === '--' || raw === '-') return null;
  const value = Number(raw.replace(/[, \u00a0]/g, ''));
  if (!Number.isFinite(value) || value < 0) throw new ReportLineError(lineNo, field, `must be a number ≥ 0, not "${raw}"`);
  return value;
}

/** Accounts with little ad spend see ranges ("1K – 10K"): the range is kept, the volume stays unknown. */
function volumeOf(raw: string, lineNo: number): { value: number | null; range?: [number, number] } {
  const range = /^([\d.,]+)\s*([KM]?)\s*[–-]\s*([\d.,]+)\s*([KM]?)$/.exec(raw);
  if (!range) {
    const value = count(raw, lineNo, COLUMNS.volume);
    return { value: value === null ? null : Math.round(value) };
  }
  const scale = (n: string, unit: string) => Number(n.replace(/,/g, '')) * (unit === 'M' ? 1e6 : unit === 'K' ? 1e3 : 1);
  return { value: null, range: [scale(range[1]!, range[2]!), scale(range[3]!, range[4]!)] };
}

/** "November 1, 2024 - October 31, 2025" somewhere above the header. */
function dateRange(above: string[]): [string, string] {
  const day = '([A-Za-z]+) (\\d{1,2}), (\\d{4})';
  for (const line of above) {
    const m = new RegExp(`^"?${day}\\s*[–-]\\s*${day}"?`).exec(line.trim());
    if (!m) continue;
    const from = isoDay(m[1]!, m[2]!, m[3]!);
    const to = isoDay(m[4]!, m[5]!, m[6]!);
    if (from && to && from <= to) return [from, to];
  }
  throw new ReportLineError(
    Math.min(2, above.length + 1),
    'date range',
    'must be a line like "November 1, 2024 - October 31, 2025" above the header',
  );
}

function isoDay(month: string, day: string, year: string): string | null {
  const m = MONTHS.indexOf(month.toLowerCase());
  if (m < 0) return null;
  const date = new Date(Date.UTC(Number(year), m, Number(day)));
  return date.getUTCMonth() === m ? date.toISOString().slice(0, 10) : null;
}
