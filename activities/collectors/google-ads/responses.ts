// Google Ads API KeywordPlanIdeaService response bodies (REST, JSON names), as documented: int64 fields arrive as
// strings, months as MonthOfYear names. undefined means malformed. The reading into KeywordDemand is demand.ts.
import { z } from 'zod';

/** int64 in JSON: a decimal string (numbers are accepted too). */
const int64 = z.union([z.string().regex(/^-?\d+$/), z.number().int()]).transform(Number);

const monthlySearchVolume = z.object({
  year: int64,
  month: z.string(),
  // absent: no searches recorded for that month
  monthlySearches: int64.optional(),
});

export const keywordMetrics = z.object({
  monthlySearchVolumes: z.array(monthlySearchVolume).optional(),
  competition: z.string().optional(),
  avgMonthlySearches: int64.optional(),
  competitionIndex: int64.optional(),
  lowTopOfPageBidMicros: int64.optional(),
  highTopOfPageBidMicros: int64.optional(),
  averageCpcMicros: int64.optional(),
});

const historicalResult = z.object({
  text: z.string(),
  closeVariants: z.array(z.string()).optional(),
  keywordMetrics: keywordMetrics.optional(),
});

const historicalResponse = z.object({ results: z.array(historicalResult).optional() });

const ideaResult = z.object({
  text: z.string(),
  closeVariants: z.array(z.string()).optional(),
  keywordIdeaMetrics: keywordMetrics.optional(),
});

const ideasResponse = z.object({
  results: z.array(ideaResult).optional(),
  nextPageToken: z.string().optional(),
  totalSize: int64.optional(),
});

export type KeywordMetricsBody = z.output<typeof keywordMetrics>;
export type HistoricalResult = z.output<typeof historicalResult>;
export type IdeaResult = z.output<typeof ideaResult>;

export function parseHistoricalMetrics(body: unknown): HistoricalResult[] | undefined {
  const parsed = historicalResponse.safeParse(body);
  return parsed.success ? (parsed.data.results ?? []) : undefined;
}

export function parseKeywordIdeas(body: unknown): IdeaResult[] | undefined {
  const parsed = ideasResponse.safeParse(body);
  return parsed.success ? (parsed.data.results ?? []) : undefined;
}

/** The REST error body: google.rpc.Status whose details carry a GoogleAdsFailure. */
const googleAdsError = z.object({
  errorCode: z.record(z.string(), z.string()),
  message: z.string().optional(),
  location: z.object({ fieldPathElements: z.array(z.object({ fieldName: z.string(), index: z.number().int().optional() })) }).optional(),
  details: z.object({ quotaErrorDetails: z.object({ retryDelay: z.string().optional() }).optional() }).optional(),
});

const errorBody = z.object({
  error: z.object({
    code: z.number().optional(),
    status: z.string().optional(),
    details: z.array(z.object({ errors: z.array(googleAdsError).optional() })).optional(),
  }),
});

export type GoogleAdsError = z.output<typeof googleAdsError>;

/** The GoogleAdsFailure's errors; [] when the body has none (e.g. an HTML error page). */
export function parseFailure(body: unknown): { status?: string; errors: GoogleAdsError[] } {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return { errors: [] };
  return { status: parsed.data.error.status, errors: (parsed.data.error.details ?? []).flatMap((d) => d.errors ?? []) };
}
