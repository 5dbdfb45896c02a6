// Bad input, table-driven: each answer is a 4xx JSON body naming the problem, and nothing starts or is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectWorkflowId } from '../../workflows/validation';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { AUTH, JSON_AUTH, post, rowCounts, testApp, workflowsOnQueue, type App, type Json } from './test-app';

let stack: TestStack;
let app: App;
let taskQueue: string;

beforeAll(async () => {
  stack = await startTestStack({ day: '2026-11-22' });
  taskQueue = `api-bad-${uid()}`;
  app = testApp(stack, taskQueue);
});
afterAll(() => stack?.close());

const INJECTION = "x'; drop table observations; --";
const many = (n: number, len = 4) => Array.from({ length: n }, (_, i) => `k${String(i).padStart(len, '0')}`);
// one byte over the 2 MiB default limit, as valid JSON
const overLimit = JSON.stringify({ keywords: many((2 * 1024 * 1024) / 16, 12) }).padEnd(2 * 1024 * 1024 + 1, ' ');
interface Req {
  method: string;
  path: string;
  body?: unknown;
  headers: Record<string, string>;
}
/** Strings and bytes are sent as they are, anything else as JSON. */
const bodyOf = (body: unknown) => (typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body));
const collect = (body: unknown, headers: Record<string, string> = JSON_AUTH): Req => ({
  method: 'POST',
  path: '/collect/keywords',
  body,
  headers,
});
const get = (path: string): Req => ({ method: 'GET', path, headers: {} });
type Case = [string, Req, number, string | null];

const CASES: Case[] = [
  ['empty keyword list', collect({ keywords: [] }), 400, 'keywords'],
  ['no keywords field', collect({ platforms: ['etsy'] }), 400, 'keywords'],
  ['10,001 keywords', collect({ keywords: many(10_001) }), 400, 'keywords'],
  ['keywords not a list', collect({ keywords: 'ebooks' }), 400, 'keywords'],
  ['a number keyword', collect({ keywords: [42] }), 400, 'keywords[0]'],
  ['a null keyword', collect({ keywords: ['ok', null] }), 400, 'keywords[1]'],
  ['an object keyword', collect({ keywords: [{ $gt: '' }] }), 400, 'keywords[0]'],
  ['a blank keyword', collect({ keywords: ['ok', '   '] }), 400, 'keywords[1]'],
  ['an unknown platform', collect({ keywords: ['ok'], platforms: ['walmart'] }), 400, 'platforms[0]'],
  ['no platforms', collect({ keywords: ['ok'], platforms: [] }), 400, 'platforms'],
  ['an unknown field', collect({ keywords: ['ok'], keyword: 'typo' }), 400, 'keyword'],
  ['a 2 MB body', collect(overLimit), 413, 'body'],
  ['SQL in a platform', collect({ keywords: ['ok'], platforms: [INJECTION] }), 400, 'platforms[0]'],
  ['SQL in the day', collect({ keywords: ['ok'], day: `2026-11-22${INJECTION}` }), 400, 'day'],
  ['a NUL character', collect({ keywords: ['a\u0000b'] }), 400, 'keywords[0]'],
  ['an escape sequence', collect({ keywords: ['red\u001b[31m'] }), 400, 'keywords[0]'],
  ['a DEL character', collect({ keywords: ['ok', 'a\u007fb'] }), 400, 'keywords[1]'],
  ['a C1 next-line character', collect({ keywords: ['ok', 'a\u0085b'] }), 400, 'keywords[1]'],
  ['a C1 control sequence introducer', collect({ keywords: ['red\u009b31m'] }), 400, 'keywords[0]'],
  ['a lone high surrogate', collect({ keywords: ['a\ud800b'] }), 400, 'keywords[0]'],
  ['a lone low surrogate', collect({ keywords: ['ok', '\udc00'] }), 400, 'keywords[1]'],
  ['a replacement character', collect({ keywords: ['a\ufffdb'] }), 400, 'keywords[0]'],
  [
    'an overlong UTF-8 slash in the body',
    collect(Buffer.concat([Buffer.from('{"keywords":["a'), Buffer.from([0xc0, 0xaf]), Buffer.from('b"]}')])),
    400,
    'body',
  ],
  [
    'a UTF-8-encoded surrogate in the body',
    collect(Buffer.concat([Buffer.from('{"keywords":["a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"]}')])),
    400,
    'body',
  ],
  ['a 101-character keyword', collect({ keywords: ['x'.repeat(101)] }), 400, 'keywords[0]'],
  ['a 101-character Cyrillic keyword', collect({ keywords: ['я'.repeat(101)] }), 400, 'keywords[0]'],
  ['a day that does not exist', collect({ keywords: ['ok'], day: '2027-02-30' }), 400, 'day'],
  ['year zero', collect({ keywords: ['ok'], day: '0000-01-01' }), 400, 'day'],
  ['a day before 2000', collect({ keywords: ['ok'], day: '1999-12-31' }), 400, 'day'],
  ['a day over a year ahead', collect({ keywords: ['ok'], day: `${new Date().getUTCFullYear() + 2}-01-01` }), 400, 'day'],
  ['year zero to process', { ...collect({ day: '0000-01-01' }), path: '/process/keywords' }, 400, 'day'],
  ['year zero to analyze', { ...collect({ to: '0000-01-01' }), path: '/analyze/trends' }, 400, 'to'],
  ['year zero to train', { ...collect({ to: '0000-01-01' }), path: '/models/train' }, 400, 'to'],
  ['malformed JSON', collect('{"keywords": ["ok"'), 400, 'body'],
  ['a JSON array body', collect([1, 2]), 400, 'body'],
  ['a JSON null body', collect('null'), 400, 'body'],
  ['text/plain', collect('{"keywords":["ok"]}', { ...AUTH, 'content-type': 'text/plain' }), 415, 'content-type'],
  ['a form body', collect('keywords=ebooks', { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' }), 415, 'content-type'],
  ['a body without content type', collect('{"keywords":["ok"]}', AUTH), 415, 'content-type'],
  [
    'a control character in Idempotency-Key',
    collect({ keywords: ['ok'] }, { ...JSON_AUTH, 'idempotency-key': 'a b' }),
    400,
    'Idempotency-Key',
  ],
  [
    'a 256-character Idempotency-Key',
    collect({ keywords: ['ok'] }, { ...JSON_AUTH, 'idempotency-key': 'k'.repeat(256) }),
    400,
    'Idempotency-Key',
  ],
  ['negative clusters', { ...collect({ clusters: -1 }), path: '/process/keywords' }, 400, 'clusters'],
  ['huge clusters', { ...collect({ clusters: 1e12 }), path: '/process/keywords' }, 400, 'clusters'],
  ['fractional days', { ...collect({ days: 2.5 }), path: '/analyze/trends' }, 400, 'days'],
  ['huge days', { ...collect({ days: 1e6 }), path: '/models/train' }, 400, 'days'],
  ['a string platform filter', { ...collect({ platform: INJECTION }), path: '/analyze/trends' }, 400, 'platform'],
  ['malformed JSON to train', { ...collect('{days:'), path: '/models/train' }, 400, 'body'],
  [
    'a negative search volume',
    { ...collect({ search_volume: -1, competition: 0.4, cpc: 1, trend_score: 0.5 }), path: '/predict/success' },
    400,
    'search_volume',
  ],
  [
    'an infinite cpc',
    { ...collect('{"search_volume":1,"competition":0.4,"cpc":1e400,"trend_score":0.5}'), path: '/predict/success' },
    400,
    'cpc',
  ],
  ['a negative limit', get('/keywords?limit=-1'), 400, 'limit'],
  ['a huge limit', get('/keywords?limit=99999999999999999999'), 400, 'limit'],
  ['a fractional limit', get('/keywords?limit=1.5'), 400, 'limit'],
  ['SQL in the limit', get(`/keywords?limit=${encodeURIComponent('1; drop table observations')}`), 400, 'limit'],
  ['SQL in the sort', get(`/keywords?sort=${encodeURIComponent(`opportunity_score desc; ${INJECTION}`)}`), 400, 'sort'],
  [
    'SQL in a cursor',
    get(`/keywords?cursor=${Buffer.from(JSON.stringify(['opportunity', 1, INJECTION])).toString('base64url')}`),
    400,
    'cursor',
  ],
  ['SQL in the day filter', get(`/keywords?day=${encodeURIComponent(INJECTION)}`), 400, 'day'],
  ['year zero in the day filter', get('/keywords?day=0000-01-01'), 400, 'day'],
  ['a repeated query parameter', get('/keywords?limit=5&limit=6'), 400, 'limit'],
  ['a negative observations limit', get('/keywords/ebooks/observations?limit=-5'), 400, 'limit'],
  ['a huge observations limit', get('/keywords/ebooks/observations?limit=1001'), 400, 'limit'],
  ['a NUL in a keyword path', get('/keywords/a%00b'), 400, 'keyword'],
  ['a C1 character in a keyword path', get('/keywords/a%C2%9Bb/observations'), 400, 'keyword'],
  ['a C1 next-line in a keyword path', get('/keywords/a%C2%85b'), 400, 'keyword'],
  ['an overlong UTF-8 slash in a keyword path', get('/keywords/a%C0%AFb/observations'), 400, 'keyword'],
  ['an encoded surrogate in a keyword path', get('/keywords/%ED%A0%80'), 400, 'keyword'],
  ['bytes that are not UTF-8 in a query value', get('/keywords?cursor=%C0%AF'), 400, 'cursor'],
  ['a 101-character keyword path', get(`/keywords/${'x'.repeat(101)}`), 400, 'keyword'],
  ['SQL as a keyword path: just an unknown keyword', get(`/keywords/${encodeURIComponent(INJECTION)}`), 404, null],
  ['a non-Latin keyword never seen', get(`/keywords/${encodeURIComponent('свадебный планер')}`), 404, null],
  ['an unknown route', get('/keywords/a/b/c'), 404, null],
];

describe('bad input', () => {
  let before: Record<string, number>;
  beforeAll(async () => {
    before = await rowCounts(stack.orm);
  });

  // reordered for the title: name, status, field, request
  it.each(CASES.map(([name, req, status, field]) => [name, status, field ?? 'no field', req] as const))(
    '%s → %i, %s',
    async (_name, status, field, req) => {
      const res = await app.request(req.path, {
        method: req.method,
        headers: req.headers,
        ...(req.body === undefined ? {} : { body: bodyOf(req.body) as string }),
      });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await res.text();
      const body = JSON.parse(text) as Json;
      expect(body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      if (field !== 'no field') expect(body.field).toBe(field);
      if (status === 400) expect(body.message).toMatch(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: `));
      // no stack trace, no driver internals
      expect(text).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|select |insert /i);
      expect(await workflowsOnQueue(stack.client, taskQueue)).toBe(0);
      expect(await rowCounts(stack.orm)).toEqual(before);
    },
  );
});

describe('unusual but valid input', () => {
  it('accepts non-Latin keywords, normalised (trimmed, lower-cased, spaces collapsed)', async () => {
    const day = '2026-11-21';
    const res = await post(app, '/collect/keywords', {
      keywords: ['  Свадебный   ПЛАНЕР ', 'ウェディング', 'حفل زفاف'],
      platforms: ['etsy'],
      day,
    });
    expect(res.status).toBe(202);
    const keywords = ['свадебный планер', 'ウェディング', 'حفل زفاف'];
    expect(await res.json()).toMatchObject({ keywords: 3, workflowId: collectWorkflowId(keywords, ['etsy'], day) });
    await stack.client.workflow.getHandle(collectWorkflowId(keywords, ['etsy'], day)).terminate('test done');
  });
});
