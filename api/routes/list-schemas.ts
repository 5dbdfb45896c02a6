// The keyword-list resource of /lists: its OpenAPI schemas, the body's normalisation and the keyword-page cursor.
import { z } from '@hono/zod-openapi';
import type { KeywordListInput, KeywordListRecord } from '../../activities/db/repositories/keyword-lists';
import { PLATFORMS } from '../../workflows/types/platforms';
import { normalizeKeywords, normalizePlatforms } from '../../workflows/validation';
import { HttpError } from '../errors';
import { keywordText, platform, queryInt } from '../validate';

export const MAX_LIST_KEYWORDS = 100_000;
/** A maximal list body: 100,000 keywords of 100 characters of up to 2 UTF-8 bytes, quoted (the API's usual limit is 2 MiB). */
export const LIST_BODY_LIMIT_BYTES = 24 * 1024 * 1024;

export const ListBody = z
  .strictObject({
    name: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().min(1, 'must be 1 to 100 characters after trimming').max(100, 'must be 1 to 100 characters after trimming'))
      // 1 to 100 characters once trimmed, as the pipe checks
      .openapi({ type: 'string', pattern: String.raw`^\s*\S(?:[\s\S]{0,98}\S)?\s*$`, example: 'Wedding printables' }),
    keywords: z
      .array(keywordText())
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

/** offset~kl-<24 hex>: the position of the next keyword in the list's content (activities/db/repositories/keyword-list-items.ts keywordListId). */
const KEYWORD_CURSOR_PATTERN = '^(\\d{1,7})~(kl-[0-9a-f]{24})$';

export const KeywordPageQuery = z.strictObject({
  limit: queryInt(1, 10_000).default(1000).openapi({ description: 'keywords per page, default 1000' }),
  cursor: z
    .string()
    .regex(new RegExp(KEYWORD_CURSOR_PATTERN), 'is not a cursor (offset~list content id); use next_cursor as returned')
    .optional()
    .openapi({ description: 'next_cursor of the previous page: offset~content id' }),
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

/** The position of the next keyword, tied to the list's content. */
export const encodeKeywordCursor = (items: string, offset: number) => `${offset}~${items}`;

/** A cursor of an earlier content of the list (replaced between pages) is a 409: paging again from the start is the fix. */
export function decodeKeywordCursor(cursor: string, items: string): number {
  const [, offset, of] = new RegExp(KEYWORD_CURSOR_PATTERN).exec(cursor) ?? [];
  if (offset !== undefined && of === items) return Number(offset);
  throw new HttpError(
    409,
    'conflict',
    "cursor: is not a cursor of this list's keywords (the list was replaced); start again without one",
    'cursor',
  );
}
