// Streams a JSON-lines file of observations (as `npm run generate` writes them) into rows.
// Strings are interned: related keywords are other keywords of the same file, so a million rows
// share one copy of each text instead of holding ten fresh strings apiece.
import { createReadStream } from 'node:fs';
import type { CompleteObservation } from '../../activities/processing/types';

interface RawObservation {
  keyword: string;
  platform: string;
  date: string;
  search_volume?: number;
  competition?: number;
  cpc?: number;
  trend_score?: number;
  related_keywords?: string[];
  category?: string | null;
}

export async function loadObservations(path: string): Promise<CompleteObservation[]> {
  const strings = new Map<string, string>();
  const intern = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  const rows: CompleteObservation[] = [];
  const add = (line: string) => {
    if (line.trim() === '') return;
    const raw = JSON.parse(line) as RawObservation;
    rows.push({
      keyword: intern(raw.keyword),
      platform: intern(raw.platform),
      day: intern(raw.date),
      searchVolume: raw.search_volume ?? 0,
      competition: raw.competition ?? 0,
      cpc: raw.cpc ?? 0,
      trendScore: raw.trend_score ?? 0,
      relatedKeywords: (raw.related_keywords ?? []).map(intern),
      category: raw.category == null ? null : intern(raw.category),
    });
  };
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 22 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      add(text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
  }
  add(rest);
  return rows;
}
