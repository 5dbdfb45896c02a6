// One JSON line of the dataset generator, validated: errors name the line and the field.
import type { NewObservation } from '../../db/entities';
import type { CompleteObservation } from '../../processing/types';
import { PLATFORMS, type Platform } from '../../../workflows/types/platforms';
import { checkKeyword, dayProblem, InputError } from '../../../workflows/validation';
import { ReportLineError } from '../report-error';

/** An observation row whose platform is one we collect, with its category stated. */
export type ObservationLine = CompleteObservation & { platform: Platform; category: string | null };

export function parseObservationLine(line: string, lineNo: number): ObservationLine {
  const fail = (field: string, message: string) => new ReportLineError(lineNo, field, message);
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw fail('(line)', 'is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null) throw fail('(line)', 'is not a JSON object');
  let keyword: string;
  try {
    // the rules every keyword of the API and the workflows follows
    keyword = checkKeyword(raw.keyword, 'keyword');
  } catch (err) {
    throw err instanceof InputError ? fail('keyword', err.reason) : err;
  }
  if (!(PLATFORMS as readonly unknown[]).includes(raw.platform)) throw fail('platform', `must be one of ${PLATFORMS.join(', ')}`);
  const dateProblem = dayProblem(raw.date);
  if (dateProblem) throw fail('date', dateProblem);
  const number = (field: string, min: number) => {
    const v = raw[field];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw fail(field, `must be a number ≥ ${min}`);
    return v;
  };
  const related = raw.related_keywords ?? [];
  if (!Array.isArray(related) || related.some((k) => typeof k !== 'string')) throw fail('related_keywords', 'must be an array of strings');
  if (raw.category !== undefined && raw.category !== null && typeof raw.category !== 'string') throw fail('category', 'must be a string');
  return {
    keyword,
    platform: raw.platform as Platform,
    day: raw.date as string,
    searchVolume: Math.round(number('search_volume', 0)),
    competition: number('competition', 0),
    cpc: number('cpc', 0),
    trendScore: number('trend_score', 0),
    relatedKeywords: related as string[],
    category: (raw.category as string | undefined) ?? null,
  };
}

/** The observation an imported line stores, written whole: merged over a collected row it drops that row's labels and extras. */
export function importedObservation(o: ObservationLine, source: string, collectedAt: Date, workflowId: string): NewObservation {
  return {
    platform: o.platform,
    keyword: o.keyword,
    day: o.day,
    searchVolume: o.searchVolume,
    competition: o.competition,
    cpc: o.cpc,
    trendScore: o.trendScore,
    relatedKeywords: o.relatedKeywords,
    categoryData: o.category ? { top_category: o.category } : null,
    degraded: [],
    // a dataset line says nothing of how its numbers were measured: not recorded ({}), no extras
    provenance: {},
    details: null,
    metricSources: {},
    source,
    collectedAt,
    workflowId,
  };
}
