// GET /keywords/:keyword/observations?platform=&limit=: the stored rows of one keyword, newest day first.
import { Hono } from 'hono';
import type { Observation } from '../../activities/db/entities';
import { findObservations } from '../../activities/db/observations';
import { PLATFORMS, type Platform } from '../../workflows/types';
import { normalizeKeywords } from '../../workflows/validation';
import type { ApiDeps } from '../deps';
import { badRequest } from '../errors';

const MAX_LIMIT = 1000;

export function observationRoutes(deps: ApiDeps) {
  return new Hono().get('/keywords/:keyword/observations', async (c) => {
    const [keyword] = normalizeKeywords([c.req.param('keyword')]);
    const platform = c.req.query('platform');
    if (platform !== undefined && !(PLATFORMS as readonly string[]).includes(platform)) {
      throw badRequest('platform', `must be one of ${PLATFORMS.join(', ')}`);
    }
    const limitRaw = c.req.query('limit') ?? '100';
    const limit = Number(limitRaw);
    if (!/^\d+$/.test(limitRaw) || limit < 1 || limit > MAX_LIMIT) throw badRequest('limit', `must be an integer from 1 to ${MAX_LIMIT}`);
    const rows = await findObservations(deps.orm.em.fork(), { keyword: keyword!, platform: platform as Platform | undefined, limit });
    return c.json({ keyword, platform: platform ?? null, count: rows.length, observations: rows.map(toJson) });
  });
}

export function toJson(o: Observation) {
  return {
    platform: o.platform,
    keyword: o.keyword,
    day: o.day,
    search_volume: o.searchVolume,
    competition: o.competition,
    cpc: o.cpc,
    trend_score: o.trendScore,
    related_keywords: o.relatedKeywords,
    category_data: o.categoryData,
    degraded: o.degraded,
    source: o.source,
    collected_at: o.collectedAt.toISOString(),
    workflow_id: o.workflowId,
  };
}
