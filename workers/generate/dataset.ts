// The generated observations: one keyword on one platform on one day per line, the same bytes for the same options.
// Each keyword and platform has a level, a drift and a seasonal swing; every day adds noise around them, so trends,
// forecasts and the success model have something real to find.
import { mulberry32 } from '../../activities/processing/random';
import type { Platform } from '../../workflows/types/platforms';
import { CATEGORIES, MODIFIERS, PRODUCTS, TOPICS } from './vocabulary';

export interface DatasetOptions {
  keywords: number;
  days: number;
  seed: number;
  platforms: readonly Platform[];
  /** The last day, YYYY-MM-DD; the first is `days - 1` before it. */
  end: string;
}

const DAY_MS = 86_400_000;
const RELATED_MAX = 10;
/** How many keywords a word remembers, to draw related keywords from. */
const WORD_INDEX_MAX = 64;

/** The dataset's lines (JSON, no newline), day by day, keyword by keyword, platform by platform. */
export function* observationLines(options: DatasetOptions): Generator<string> {
  const rand = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const gauss = () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
  const { platforms, days } = options;

  const keywords = uniqueKeywords(options.keywords, rand, pick);
  const byWord = indexWords(keywords);

  // per keyword × platform, in typed arrays: a million keywords stay a few hundred MB
  const cells = keywords.length * platforms.length;
  const volume = new Float64Array(cells),
    competition = new Float64Array(cells),
    cpc = new Float64Array(cells);
  const drift = new Float64Array(cells),
    phase = new Float64Array(cells),
    season = new Float64Array(cells);
  const category = new Int8Array(cells).fill(-1);
  for (let i = 0, c = 0; i < keywords.length; i++) {
    const words = keywords[i]!.split(' ').length;
    for (let p = 0; p < platforms.length; p++, c++) {
      volume[c] = Math.exp(5 + 1.6 * gauss() - 0.35 * (words - 2));
      competition[c] = Math.min(1, Math.max(0, 0.45 + 0.22 * gauss()));
      cpc[c] = Math.max(0.05, Math.exp(-0.4 + 0.7 * gauss()));
      drift[c] = 0.01 * gauss();
      phase[c] = rand() * 2 * Math.PI;
      season[c] = 0.3 * rand();
    }
  }

  const end = Date.parse(`${options.end}T00:00:00Z`);
  for (let d = days - 1; d >= 0; d--) {
    const day = new Date(end - d * DAY_MS).toISOString().slice(0, 10);
    const t = days - 1 - d;
    for (let i = 0, c = 0; i < keywords.length; i++) {
      const keyword = keywords[i]!;
      for (let p = 0; p < platforms.length; p++, c++) {
        const names = CATEGORIES[platforms[p]!];
        // drawn on first use, so the draws interleave with the first day's as they always have
        if (category[c] === -1) category[c] = Math.floor(rand() * names.length);
        const seasonal = 1 + season[c]! * Math.sin(phase[c]! + (2 * Math.PI * t) / 30);
        const level = volume[c]! * Math.exp(drift[c]! * t) * seasonal * (1 + 0.08 * gauss());
        const trend = 1 / (1 + Math.exp(-(drift[c]! * 60 + 0.5 * gauss())));
        const related: string[] = [];
        for (const j of byWord.get(pick(keyword.split(' '))) ?? []) {
          if (j !== i && related.length < RELATED_MAX && rand() < 0.5) related.push(keywords[j]!);
        }
        yield JSON.stringify({
          keyword,
          platform: platforms[p],
          date: day,
          search_volume: Math.max(0, Math.round(level)),
          competition: Math.round(Math.min(1, Math.max(0, competition[c]! + 0.03 * gauss())) * 1000) / 1000,
          cpc: Math.round(cpc[c]! * (1 + 0.05 * gauss()) * 100) / 100,
          trend_score: Math.round(trend * 1000) / 1000,
          related_keywords: related,
          category: names[category[c]!],
        });
      }
    }
  }
}

/** `count` distinct keywords; when the vocabulary runs out, the rest are numbered so the count is exact. */
function uniqueKeywords(count: number, rand: () => number, pick: <T>(list: readonly T[]) => T): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (let attempts = 0; keywords.length < count && attempts < count * 50; attempts++) {
    const parts: string[] = [];
    const shape = rand();
    if (shape < 0.75) parts.push(pick(MODIFIERS));
    if (shape < 0.2) parts.push(pick(MODIFIERS));
    if (shape > 0.1) parts.push(pick(TOPICS));
    parts.push(pick(PRODUCTS));
    const keyword = [...new Set(parts)].join(' ');
    if (seen.has(keyword)) continue;
    seen.add(keyword);
    keywords.push(keyword);
  }
  for (let i = 0; keywords.length < count; i++) keywords.push(`${pick(MODIFIERS)} ${pick(PRODUCTS)} ${i}`);
  return keywords;
}

/** Word → the first keywords containing it: related keywords share a word. */
function indexWords(keywords: readonly string[]): Map<string, number[]> {
  const byWord = new Map<string, number[]>();
  keywords.forEach((keyword, i) => {
    for (const word of keyword.split(' ')) {
      let list = byWord.get(word);
      if (!list) byWord.set(word, (list = []));
      if (list.length < WORD_INDEX_MAX) list.push(i);
    }
  });
  return byWord;
}
