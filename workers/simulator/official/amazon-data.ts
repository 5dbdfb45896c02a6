// Deterministic Amazon Ads keyword recommendations (v5): the generic provider simulator's Amazon CPC becomes the exact-match
// suggested bid (in cents), its related keywords the recommended ones.
import { simulateKeyword } from '../data';
import { createRng, hashSeed } from '../rng';

const MATCH_FACTORS = { BROAD: 0.9, PHRASE: 0.95, EXACT: 1 } as const;

function target(keyword: string, day: string, userSelected: boolean, rank: number) {
  const d = simulateKeyword('amazon', keyword, day);
  const rng = createRng(hashSeed('amazon-ads', keyword, day));
  const recId = hashSeed('amazon-ads-rec', keyword).toString(16);
  return {
    keyword,
    translation: keyword,
    userSelectedKeyword: userSelected,
    searchTermImpressionRank: 1 + Math.floor(rng() * 50),
    searchTermImpressionShare: Math.round(rng() * 3000) / 100,
    recId,
    bidInfo: Object.entries(MATCH_FACTORS).map(([matchType, factor]) => {
      const median = Math.round(d.cpc * 100 * factor);
      return {
        matchType,
        theme: 'CONVERSION_OPPORTUNITIES',
        rank,
        bid: median,
        suggestedBid: {
          rangeStart: Math.round(median * 0.7),
          rangeMedian: median,
          rangeEnd: Math.round(median * 1.45),
          bidRecId: `${recId}-${matchType}`,
        },
      };
    }),
  };
}

/** The user-selected targets first, then up to `max` recommendations related to the first one. */
export function amazonRecommendations(targets: string[], max: number, day: string) {
  const selected = targets.map((k) => k.trim().toLowerCase());
  const related = selected.length > 0 ? simulateKeyword('amazon', selected[0]!, day).related_keywords : [];
  const recommended = related.filter((k) => !selected.includes(k)).slice(0, max);
  return {
    keywordTargetList: [...selected.map((k, i) => target(k, day, true, i + 1)), ...recommended.map((k, i) => target(k, day, false, i + 1))],
  };
}
