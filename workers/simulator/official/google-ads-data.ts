// Deterministic Google Ads Keyword Planner metrics (KeywordPlanHistoricalMetrics, REST JSON: int64 as strings):
// a keyword keeps its demand level, growth and seasonality; the 12 months are the full months before the day.
import { keywordWords } from '../data';
import { createRng, hashSeed } from '../rng';

const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
/** Keyword Planner's own limits on a keyword's text. */
export const KEYWORD_TEXT_MAX = 80;
export const KEYWORD_WORDS_MAX = 10;
/** Long-tail keywords with this many words or more have too few searches for Google to report any. */
const NO_DATA_WORDS = 6;

const micros = (units: number) => String(Math.round(units * 100) * 10_000);

/** The CriterionError a keyword's text draws, or undefined when Keyword Planner accepts it. */
export function keywordTextError(keyword: string): string | undefined {
  if (keyword.length > KEYWORD_TEXT_MAX) return 'KEYWORD_TEXT_TOO_LONG';
  if (keyword.trim().split(/\s+/).length > KEYWORD_WORDS_MAX) return 'KEYWORD_HAS_TOO_MANY_WORDS';
  if (/[!@%^*()={};~`<>?\\|]/.test(keyword)) return 'KEYWORD_HAS_INVALID_CHARS';
  return undefined;
}

/** The twelve full months before `day`, oldest first. */
function lastTwelveMonths(day: string): { year: number; month: number }[] {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const index = y * 12 + (m - 1) - 12 + i;
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
  });
}

export function keywordMetrics(keyword: string, day: string, includeAverageCpc: boolean) {
  const key = keyword.trim().toLowerCase().replace(/\s+/g, ' ');
  const words = keywordWords(key);
  if (words.length >= NO_DATA_WORDS) return undefined;
  const rng = createRng(hashSeed('google-ads', key));
  // about half the searches per extra word, from ~100 to ~30,000 a month for one word
  const base = 10 ** (2 + 2.5 * rng()) / 2 ** Math.max(0, words.length - 1);
  const growth = -0.5 + 1.3 * rng();
  const season = 0.3 * rng();
  const phase = Math.floor(rng() * 12);
  const months = lastTwelveMonths(day).map((ym, i) => ({
    year: String(ym.year),
    month: MONTHS[ym.month - 1]!,
    monthlySearches: String(
      Math.max(0, Math.round(base * (1 + (growth * (i - 5.5)) / 11) * (1 + season * Math.sin((2 * Math.PI * (ym.month + phase)) / 12)))),
    ),
  }));
  const avg = Math.round(months.reduce((sum, v) => sum + Number(v.monthlySearches), 0) / months.length);
  const competitionIndex = Math.floor(rng() * 101);
  const low = 0.2 + 2.3 * rng();
  const high = low * (2 + 2 * rng());
  return {
    monthlySearchVolumes: months,
    competition: competitionIndex <= 33 ? 'LOW' : competitionIndex <= 66 ? 'MEDIUM' : 'HIGH',
    avgMonthlySearches: String(avg),
    competitionIndex: String(competitionIndex),
    lowTopOfPageBidMicros: micros(low),
    highTopOfPageBidMicros: micros(high),
    ...(includeAverageCpc ? { averageCpcMicros: micros(low + (high - low) * 0.4) } : {}),
  };
}

/** Close variants are merged as Google does ("template" and "templates" come back as one result). */
export function historicalResults(keywords: string[], day: string, includeAverageCpc: boolean) {
  const groups = new Map<string, string[]>();
  for (const k of keywords) {
    const stem = k.trim().toLowerCase().replace(/s$/, '');
    groups.set(stem, [...(groups.get(stem) ?? []), k]);
  }
  return [...groups.values()].map(([text, ...variants]) => {
    const metrics = keywordMetrics(text!, day, includeAverageCpc);
    return { text: text!, ...(variants.length ? { closeVariants: variants } : {}), ...(metrics ? { keywordMetrics: metrics } : {}) };
  });
}
