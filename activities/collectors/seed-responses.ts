// Validation of the generic provider contract's response bodies (seed-contract.ts): undefined means "malformed".

export interface SearchMetrics {
  searchVolume: number;
  competition: number;
  cpc: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFinite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function parseSearch(body: unknown): SearchMetrics | undefined {
  if (!isRecord(body)) return undefined;
  const { search_volume: volume, competition, cpc } = body;
  if (!isFinite(volume) || volume < 0 || !isFinite(competition) || !isFinite(cpc)) return undefined;
  return { searchVolume: Math.round(volume), competition, cpc };
}

export function parseTrend(body: unknown): number | undefined {
  return isRecord(body) && isFinite(body.trend_score) ? body.trend_score : undefined;
}

export function parseRelated(body: unknown): string[] | undefined {
  if (!isRecord(body) || !Array.isArray(body.related_keywords)) return undefined;
  const related: unknown[] = body.related_keywords;
  return related.every((k) => typeof k === 'string') ? (related as string[]) : undefined;
}

export function parseCategories(body: unknown): Record<string, unknown> | undefined {
  return isRecord(body) ? body : undefined;
}
