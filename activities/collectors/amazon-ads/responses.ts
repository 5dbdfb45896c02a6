// Amazon Ads keyword recommendations (v5) response body, as documented: undefined means malformed.
import { z } from 'zod';

const bidInfo = z.object({
  matchType: z.string(),
  // minor currency units (cents)
  suggestedBid: z.object({ rangeStart: z.number(), rangeMedian: z.number(), rangeEnd: z.number() }).optional(),
});

const keywordTarget = z.object({
  keyword: z.string(),
  userSelectedKeyword: z.boolean().optional(),
  searchTermImpressionShare: z.number().optional(),
  searchTermImpressionRank: z.number().optional(),
  bidInfo: z.array(bidInfo).optional(),
});

const recommendations = z.object({ keywordTargetList: z.array(keywordTarget) });

export type KeywordTarget = z.output<typeof keywordTarget>;

export function parseRecommendations(body: unknown): KeywordTarget[] | undefined {
  const parsed = recommendations.safeParse(body);
  return parsed.success ? parsed.data.keywordTargetList : undefined;
}
