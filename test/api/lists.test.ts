// /lists against the real PostgreSQL and Temporal: create, page, replace, delete and refuse (collecting a list now is in
// lists-collect.test.ts).
import { describe, expect, it } from 'vitest';
import { uid } from '../helpers/stack';
import { post, rowCounts, type Json } from './test-app';
import { app, del, json, put, stack, useListsApp } from './lists-app';

useListsApp();

describe('/lists', () => {
  it('creates a list with normalised keywords and defaults, lists it, pages its keywords, replaces and deletes it', async () => {
    const token = uid();
    const [status, created] = await json(
      await post(app, '/lists', {
        name: '  Wedding printables ',
        keywords: [` Wedding  Planner ${token}`, `wedding planner ${token}`, `SVG bundle ${token}`, `menu card ${token}`],
        daily: false,
      }),
    );
    expect(status).toBe(201);
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Wedding printables',
      size: 3,
      platforms: ['amazon', 'etsy', 'ebay'],
      daily: false,
      created_at: expect.any(String),
      updated_at: created.created_at,
    });
    const { lists } = (await (await app.request('/lists')).json()) as { lists: Json[] };
    expect(lists).toContainEqual(created);

    const first = (await (await app.request(`/lists/${created.id}?limit=2`)).json()) as Json;
    expect(first).toEqual({ ...created, keywords: [`wedding planner ${token}`, `svg bundle ${token}`], next_cursor: expect.any(String) });
    const second = (await (await app.request(`/lists/${created.id}?limit=2&cursor=${first.next_cursor}`)).json()) as Json;
    expect(second).toMatchObject({ keywords: [`menu card ${token}`], next_cursor: null });

    const [putStatus, replaced] = await json(
      await put(`/lists/${created.id}`, { name: 'Menus', keywords: [`menu card ${token}`], platforms: ['ebay', 'etsy'] }),
    );
    expect(putStatus).toBe(200);
    expect(replaced).toEqual({
      ...created,
      name: 'Menus',
      size: 1,
      platforms: ['etsy', 'ebay'],
      daily: true,
      updated_at: expect.any(String),
    });
    expect(Date.parse(replaced.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.updated_at));
    // a cursor of the old keywords is refused rather than mixing two lists
    expect(await json(await app.request(`/lists/${created.id}?limit=2&cursor=${first.next_cursor}`))).toEqual([
      409,
      {
        error: 'conflict',
        field: 'cursor',
        message: "cursor: is not a cursor of this list's keywords (the list was replaced); start again without one",
      },
    ]);
    expect(await (await app.request(`/lists/${created.id}`)).json()).toMatchObject({ keywords: [`menu card ${token}`], next_cursor: null });

    expect((await del(`/lists/${created.id}`)).status).toBe(204);
    expect(await json(await app.request(`/lists/${created.id}`))).toEqual([
      404,
      { error: 'not_found', message: `no keyword list '${created.id}'` },
    ]);
    expect((await del(`/lists/${created.id}`)).status).toBe(404);
    expect((await put(`/lists/${created.id}`, { name: 'x', keywords: ['y'] })).status).toBe(404);
    expect((await app.request('/lists/not-a-uuid')).status).toBe(404);
  });

  it('refuses bad input naming the field, without the key, and writes nothing', async () => {
    const before = await rowCounts(stack.orm);
    const bad: [unknown, string, string][] = [
      [{ name: '   ', keywords: ['a'] }, 'name', 'name: must be 1 to 100 characters after trimming'],
      [{ name: 'x'.repeat(101), keywords: ['a'] }, 'name', 'name: must be 1 to 100 characters after trimming'],
      [
        { name: 'n', keywords: ['ok', 'bad\u0007'] },
        'keywords[1]',
        'keywords[1]: contains control characters (or U+FFFD, what bytes that are not UTF-8 decode to)',
      ],
      [{ name: 'n', keywords: [] }, 'keywords', 'keywords: must contain at least one keyword'],
      [{ name: 'n', keywords: ['a'], platforms: ['shopify'] }, 'platforms[0]', expect.stringContaining('platforms[0]:')],
      [{ name: 'n', keywords: ['a'], daily: 'yes' }, 'daily', expect.stringContaining('daily:')],
      [{ name: 'n', keywords: ['a'], colour: 'red' }, 'colour', 'colour: is not a known field'],
    ];
    for (const [body, field, message] of bad) {
      expect(await json(await post(app, '/lists', body)), JSON.stringify(body)).toEqual([
        400,
        { error: 'invalid_request', field, message },
      ]);
    }
    const tooMany = Array.from({ length: 100_001 }, (_, i) => `k${i}`);
    expect((await json(await post(app, '/lists', { name: 'n', keywords: tooMany })))[1]).toMatchObject({ field: 'keywords' });
    expect(
      (
        await app.request('/lists', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"name":"n","keywords":["a"]}',
        })
      ).status,
    ).toBe(401);
    expect(await rowCounts(stack.orm)).toEqual(before);
  });

  it('takes 100,000 keywords in one body (beyond the usual 2 MiB limit) and serves them in pages of up to 10,000', async () => {
    const token = uid();
    const keywords = Array.from({ length: 100_000 }, (_, i) => `long tail keyword ${token} number ${i}`);
    expect(JSON.stringify(keywords).length).toBeGreaterThan(2 * 1024 * 1024);
    const [status, created] = await json(await post(app, '/lists', { name: 'Big', keywords, daily: false }));
    expect([status, created.size]).toEqual([201, 100_000]);
    const page = (await (await app.request(`/lists/${created.id}?limit=10000`)).json()) as Json;
    expect(page.keywords).toHaveLength(10_000);
    expect(page.keywords[9_999]).toBe(keywords[9_999]);
    expect((await app.request(`/lists/${created.id}?limit=10001`)).status).toBe(400);
    expect((await del(`/lists/${created.id}`)).status).toBe(204);
  });
});
