// The keyword-list resource of /lists: its OpenAPI schemas, the body's normalisation and the keyword-page cursor.
import { z } from '@hono/zod-openapi';
import type { KeywordListInput, KeywordListRecord } from '../../activities/db/keyword-lists';
import { PLATFORMS } from '../../workflows/types/platforms';
import { normalizeKeywords, normalizePlatforms } from '../../workflows/validation';
import { badRequest } from '../errors';
import { platform, queryInt } from '../validate';

export const MAX_LIST_KEYWORDS = 100_000;
/** A maximal list body: 100,000 keywords of 100 characters of up to 2 UTF-8 bytes, quoted (the API's usual limit is 2 MiB). */
export const LIST_BODY_LIMIT_BYTES = 24 * 1024 * 1024;

export const ListBody = z
  .strictObject({
    name: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().min(1, 'must be 1 to 100 characters after trimming').max(100, 'must be 1 to 100 characters after trimming'))
      .openapi({ type: 'string', example: 'Wedding printables' }),
    keywords: z
      .array(z.string())
      .max(MAX_LIST_KEYWORDS, `must hold at most ${MAX_LIST_KEYWORDS} keywords`)
      .openapi({
        minItems: 1,
        maxItems: MAX_LIST_KEYWORDS,
        description: `trimmed, lower-cased, inner spaces collapsed, duplicates dropped; 1–100 characters, no control characters; at most ${MAX_LIST_KEYWORDS}`,
        example: ['wedding planner', 'wedding invitation template'],
      }),
    platforms: z
      .array(platform)
      .min(1)
      .optional()
      .openapi({ description: `default all: ${PLATFORMS.join(', ')}` }),
    daily: z.boolean().optional().openapi({ description: 'whether the daily pipeline collects it (default true)' }),
  })
  .openapi('KeywordListRequest');

export const KeywordList = z
  .object({
    id: z.string().openapi({ format: 'uuid' }),
    name: z.string(),
    size: z.number().int().openapi({ description: 'distinct keywords' }),
    platforms: z.array(platform),
    daily: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('KeywordList');

export const KeywordListPage = KeywordList.extend({
  keywords: z.array(z.string()).openapi({ description: 'in the order given, from the cursor on' }),
  next_cursor: z.string().nullable(),
}).openapi('KeywordListWithKeywords');

export const ListIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }),
});

export const KeywordPageQuery = z.strictObject({
  limit: queryInt(1, 10_000).default(1000).openapi({ description: 'keywords per page, default 1000' }),
  cursor: z.string().max(200).optional().openapi({ description: 'next_cursor of the previous page' }),
});

export function toListInput(body: z.infer<typeof ListBody>): KeywordListInput {
  return {
    name: body.name,
    keywords: normalizeKeywords(body.keywords, MAX_LIST_KEYWORDS),
    platforms: normalizePlatforms(body.platforms ?? [...PLATFORMS]),
    daily: body.daily ?? true,
  };
}

export function toListJson(r: KeywordListRecord): z.infer<typeof KeywordList> {
  return {
    id: r.id,
    name: r.name,
    size: r.size,
    platforms: r.platforms,
    daily: r.daily,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

/** The position of the next keyword, tied to the list's content: a list replaced between pages is a 400, not a mix. */
export const encodeKeywordCursor = (items: string, offset: number) => Buffer.from(JSON.stringify([items, offset])).toString('base64url');

export function decodeKeywordCursor(cursor: string, items: string): number {
  try {
    const [of, offset] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (of === items && Number.isInteger(offset) && (offset as number) >= 0) return offset as number;
  } catch {
    // fall through to the 400
  }
  throw badRequest('cursor', "is not a cursor of this list's keywords (was the list replaced?); start again without one");
}
