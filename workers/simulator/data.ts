// Deterministic, realistic keyword data for the simulator: same (platform, keyword, day), same numbers.
import type { Platform } from '../../workflows/types/platforms';
import { createRng, hashSeed, normal, pick } from './rng';

export interface SimulatedCategory {
  name: string;
  share: number;
}

export interface SimulatedCategories {
  top_category: string;
  categories: SimulatedCategory[];
}

export interface SimulatedKeyword {
  search_volume: number;
  competition: number;
  cpc: number;
  trend_score: number;
  related_keywords: string[];
  /** Null on Amazon, whose contract has no categories call. */
  categories: SimulatedCategories | null;
}

interface PlatformProfile {
  /** Mean of log(search volume) for a one-word keyword. */
  logVolume: number;
  /** Median cost per click, in dollars. */
  cpc: number;
  categories: readonly string[] | null;
}

const PROFILES: Record<Platform, PlatformProfile> = {
  amazon: { logVolume: 8, cpc: 0.9, categories: null },
  etsy: {
    logVolume: 7,
    cpc: 0.45,
    categories: [
      'Paper & Party Supplies',
      'Art & Collectibles',
      'Craft Supplies & Tools',
      'Home & Living',
      'Books, Movies & Music',
      'Accessories',
      'Toys & Games',
      'Weddings',
      'Electronics & Accessories',
    ],
  },
  ebay: {
    logVolume: 6.5,
    cpc: 0.35,
    categories: [
      'Books & Magazines',
      'Computers/Tablets & Networking',
      'Crafts',
      'Art',
      'Music',
      'Movies & TV',
      'Business & Industrial',
      'Collectibles',
      'Toys & Hobbies',
      'Everything Else',
    ],
  },
};

const MODIFIERS = [
  'printable',
  'template',
  'svg',
  'planner',
  'bundle',
  'digital',
  'editable',
  'instant download',
  'canva',
  'notion',
  'kit',
  'pdf',
  'pack',
  'guide',
  'worksheet',
  'checklist',
  'journal',
  'stickers',
  'clipart',
  'wall art',
  'ebook',
  'course',
  'preset',
  'font',
  'mockup',
  'for beginners',
  'ideas',
  'best',
];

const DAY_MS = 86_400_000;
const round = (value: number, decimals: number) => Number(value.toFixed(decimals));
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

export function keywordWords(keyword: string): string[] {
  return keyword.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function simulateKeyword(platform: Platform, keyword: string, day: string): SimulatedKeyword {
  const key = keyword.trim().toLowerCase().replace(/\s+/g, ' ');
  const profile = PROFILES[platform];
  // the keyword's lasting traits come from `base`; `daily` only adds small day-to-day noise
  const base = createRng(hashSeed(platform, key));
  const daily = createRng(hashSeed(platform, key, day));
  const words = keywordWords(key);

  const popularity = normal(base);
  // long-tail keywords are searched less: about half the volume per extra word
  const logVolume = profile.logVolume - 0.7 * Math.max(0, words.length - 1) + 1.4 * popularity;
  const searchVolume = Math.round(Math.exp(logVolume + 0.08 * normal(daily)));

  const crowding = 1 / (1 + Math.exp(-(0.8 * popularity + 0.7 * normal(base))));
  const competition = round(clamp01(crowding + 0.02 * normal(daily)), 3);
  const cpcBase = profile.cpc * Math.exp(1.2 * (crowding - 0.5) + 0.4 * normal(base));
  const cpc = round(Math.max(0.05, cpcBase * (1 + 0.05 * normal(daily))), 2);

  // trends drift on a slow cycle of 30 to 120 days, so consecutive days stay close
  const period = 30 + 90 * base();
  const phase = base();
  const dayNumber = Number.isNaN(Date.parse(day)) ? 0 : Date.parse(day) / DAY_MS;
  const wave = 0.5 + 0.35 * Math.sin(2 * Math.PI * (dayNumber / period + phase));
  const trendScore = round(clamp01(wave + 0.04 * normal(daily)), 3);

  return {
    search_volume: searchVolume,
    competition,
    cpc,
    trend_score: trendScore,
    related_keywords: relatedKeywords(base, key, words),
    categories: profile.categories ? categoriesFor(base, profile.categories) : null,
  };
}

/** Up to 10 phrases, each made of a word of the keyword and a digital-product modifier. */
function relatedKeywords(rng: () => number, keyword: string, words: string[]): string[] {
  const wanted = Math.floor(rng() * 11);
  const related = new Set<string>();
  for (let attempt = 0; words.length > 0 && related.size < wanted && attempt < 50; attempt++) {
    const word = pick(rng, words);
    const modifier = pick(rng, MODIFIERS);
    // "ebook ebooks" or "planner planner" would read as noise
    if (keywordWords(modifier).some((m) => m.startsWith(word) || word.startsWith(m))) continue;
    const phrase = rng() < 0.5 ? `${modifier} ${word}` : `${word} ${modifier}`;
    if (phrase !== keyword) related.add(phrase);
  }
  return [...related];
}

/** Two to four categories with shares summing to 1, largest first. */
function categoriesFor(rng: () => number, names: readonly string[]): SimulatedCategories {
  const pool = [...names];
  const count = 2 + Math.floor(rng() * 3);
  const chosen = Array.from({ length: count }, () => pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  const weights = chosen.map(() => rng() ** 2 + 0.05);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const categories = chosen.map((name, i) => ({ name, share: round(weights[i]! / total, 3) })).sort((a, b) => b.share - a.share);
  // rounding must not make the shares add up to 0.999 or 1.001
  const rest = categories.slice(1).reduce((sum, c) => sum + c.share, 0);
  categories[0]!.share = round(1 - rest, 3);
  return { top_category: categories[0]!.name, categories };
}
