// CSV export: GET /keywords and /keywords/:keyword/observations as CSV over real PostgreSQL (the writer's escaping:
// csv-writer.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYWORD_COLUMNS } from '../../api/routes/keywords-csv';
import { seedHistory } from '../helpers/seed';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { testApp, type App, type Json } from './test-app';

const DAY = '2009-03-07';
const ROWS = 12_001;
let stack: TestStack;
let app: App;
const token = uid();

/** RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  expect(cell).toBe('');
  return rows;
}

beforeAll(async () => {
  stack = await startTestStack({ day: DAY });
  app = testApp(stack, `csv-${uid()}`);
  const knex = stack.orm.em.getKnex();
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    platform: i % 2 ? 'etsy' : 'amazon',
    keyword: i === 0 ? `=hyperlink("http://x") ${token}` : `csv ${token} ${i}`,
    day: DAY,
    search_volume: i % 7 === 0 ? null : i,
    competition: 0.5,
    cpc: 1.25,
    trend_score: -0.5,
    difficulty_score: 0.3,
    opportunity_score: i / ROWS,
    related_keywords: JSON.stringify(i === 0 ? ['-a', '@b'] : []),
    category: i === 0 ? 'Home, "Decor"\nWall art' : null,
    cluster_id: null,
    processed_at: new Date(),
    workflow_id: 'test',
  }));
  for (let i = 0; i < rows.length; i += 2_000) await knex('processed_keywords').insert(rows.slice(i, i + 2_000));
});
afterAll(() => stack?.close());

describe('GET /keywords as CSV', () => {
  it('streams every matching row across pages, in the JSON order, with one header row', async () => {
    const res = await app.request(`/keywords?day=${DAY}&format=csv&limit=5`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="keywords-${DAY}.csv"`);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(KEYWORD_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(ROWS + 1);
    const first = (await (await app.request(`/keywords?day=${DAY}&limit=3`)).json()) as Json;
    expect(rows.slice(1, 4).map((r) => r[0])).toEqual((first.items as Json[]).map((i) => i.keyword));
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(ROWS);

    const hostile = rows.find((r) => r[0]!.includes('hyperlink'))!;
    const cell = (name: string) => hostile[KEYWORD_COLUMNS.findIndex((c) => c.header === name)];
    expect(hostile[0]).toBe(`'=hyperlink("http://x") ${token}`);
    expect([cell('search_volume'), cell('trend_score'), cell('related_keywords'), cell('category'), cell('cluster_id')]).toEqual([
      '',
      '-0.5',
      "'-a; @b",
      'Home, "Decor"\nWall art',
      '',
    ]);
  });

  it('applies the JSON filters; Accept: text/csv asks for it, format=json overrides it; a bad format is a 400', async () => {
    const csv = await app.request(`/keywords?day=${DAY}&platform=etsy&min_volume=6000`, { headers: { accept: 'text/csv' } });
    const rows = parseCsv(await csv.text()).slice(1);
    const expected = Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 2 === 1 && i % 7 !== 0 && i >= 6000);
    expect(rows.map((r) => Number(r[3])).sort((a, b) => a - b)).toEqual(expected);
    const json = await app.request(`/keywords?day=${DAY}&format=json&limit=1`, { headers: { accept: 'text/csv' } });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    const bad = await app.request(`/keywords?format=xlsx`);
    expect([bad.status, ((await bad.json()) as Json).field]).toEqual([400, 'format']);
  });
});

describe('GET /keywords/:keyword/observations as CSV', () => {
  it('writes every observation with where each number comes from', async () => {
    const keyword = `observed csv ${token}`;
    await seedHistory(stack.orm, [keyword], '2009-03-01', 3);
    const res = await app.request(`/keywords/${encodeURIComponent(keyword)}/observations?format=csv&limit=1`);
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual([
      'keyword',
      'platform',
      'day',
      'search_volume',
      'competition',
      'cpc',
      'trend_score',
      'search_volume_provenance',
      'competition_provenance',
      'cpc_provenance',
      'trend_score_provenance',
      'related_keywords',
      'source',
      'collected_at',
      'workflow_id',
    ]);
    expect(rows).toHaveLength(9);
    expect(rows.map((r) => r[2])).toEqual([
      '2009-03-03',
      '2009-03-03',
      '2009-03-03',
      '2009-03-02',
      '2009-03-02',
      '2009-03-02',
      '2009-03-01',
      '2009-03-01',
      '2009-03-01',
    ]);
    expect(rows.every((r) => r[0] === keyword && r[12] === 'simulator' && r[14] === 'seed')).toBe(true);
    const only = parseCsv(
      await (
        await app.request(`/keywords/${encodeURIComponent(keyword)}/observations?platform=ebay`, { headers: { accept: 'text/csv' } })
      ).text(),
    );
    expect(only.slice(1).map((r) => r[1])).toEqual(['ebay', 'ebay', 'ebay']);
  });
});

describe('?bom=true', () => {
  it('starts the file with the UTF-8 byte order mark (EF BB BF) before the header; without it the first byte is the header', async () => {
    const keyword = `café ぬいぐるみ ${token}`;
    await stack.orm.em.getKnex()('processed_keywords').insert({
      platform: 'etsy',
      keyword,
      day: DAY,
      competition: 0.5,
      related_keywords: '[]',
      processed_at: new Date(),
      workflow_id: 'test',
    });
    const bytes = async (path: string) => Buffer.from(await (await app.request(path)).arrayBuffer());
    const header = Buffer.from(`${KEYWORD_COLUMNS.map((c) => c.header).join(',')}\r\n`);
    const withBom = await bytes(`/keywords?day=${DAY}&q=${encodeURIComponent('ぬいぐるみ')}&format=csv&bom=true`);
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.subarray(3, 3 + header.length).equals(header)).toBe(true);
    // the keyword itself is plain UTF-8 after the mark: 'é' is C3 A9, 'ぬ' is E3 81 AC
    const row = withBom.subarray(3 + header.length);
    expect(row.subarray(0, Buffer.byteLength(keyword)).equals(Buffer.from(keyword, 'utf8'))).toBe(true);
    expect(row.includes(Buffer.from([0xc3, 0xa9]))).toBe(true);
    expect(row.includes(Buffer.from([0xe3, 0x81, 0xac]))).toBe(true);

    for (const off of ['', '&bom=false']) {
      const plain = await bytes(`/keywords?day=${DAY}&q=${encodeURIComponent('ぬいぐるみ')}&format=csv${off}`);
      expect(plain.subarray(0, header.length).equals(header)).toBe(true);
      expect(plain.subarray(header.length).equals(row)).toBe(true);
    }

    const observed = `observed csv ${token}`;
    const obs = await bytes(`/keywords/${encodeURIComponent(observed)}/observations?format=csv&bom=true`);
    expect([...obs.subarray(0, 11)]).toEqual([0xef, 0xbb, 0xbf, ...Buffer.from('keyword,')]);
    const bad = await app.request(`/keywords?format=csv&bom=yes`);
    expect([bad.status, ((await bad.json()) as Json).field]).toEqual([400, 'bom']);
  });
});
