// The dashboard's session and forms without a browser: a signed, expiring cookie; a CSRF token on every POST; changes
// only when signed in; DASHBOARD_PUBLIC=false closes the pages; the API key never appears in a page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../workers/config/config';
import { startTestStack, uid, type TestStack } from '../helpers/stack';
import { API_KEY, rowCounts, testApp, type App } from '../api/test-app';

let stack: TestStack;
let app: App;
const HTML = { accept: 'text/html' };

beforeAll(async () => {
  stack = await startTestStack({ day: '2026-11-22' });
  app = testApp(stack, `dashboard-session-${uid()}`);
});
afterAll(() => stack?.close());

/** A visit: the session cookie it set and the CSRF token of its first form. */
async function visit(path: string, cookie?: string) {
  const res = await app.request(path, { headers: { ...HTML, ...(cookie ? { cookie } : {}) } });
  const html = await res.text();
  const set = res.headers.get('set-cookie');
  return { res, html, cookie: set ? set.split(';')[0]! : cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] };
}
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postForm = (path: string, cookie: string | undefined, fields: Record<string, string>) =>
  app.request(path, {
    method: 'POST',
    headers: { ...HTML, 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: form(fields),
  });

async function signIn(): Promise<{ cookie: string; csrf: string }> {
  const login = await visit('/ui/login');
  const res = await postForm('/ui/login', login.cookie, { _csrf: login.csrf!, api_key: API_KEY, next: '/ui/lists' });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/ui/lists');
  const cookie = res.headers.get('set-cookie')!;
  expect(cookie).toMatch(/^kwi_session=[^;]+; Max-Age=\d+|^kwi_session=/);
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  expect(cookie).toMatch(/Expires=/);
  const page = await visit('/ui/lists', cookie.split(';')[0]);
  return { cookie: page.cookie!, csrf: page.csrf! };
}

describe('dashboard session', () => {
  it('gives every visitor a signed session with a CSRF token, and JSON clients of / the index', async () => {
    const first = await visit('/');
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(first.cookie).toMatch(/^kwi_session=/);
    const login = await visit('/ui/login', first.cookie);
    expect(login.csrf).toMatch(/^[\w-]{40,}$/);
    expect(login.res.headers.get('set-cookie')).toBeNull(); // the same session
    expect(first.html).not.toContain(API_KEY);
    const json = await app.request('/');
    expect(json.headers.get('set-cookie')).toBeNull();
    expect(await json.json()).toMatchObject({ docs: '/docs' });
  });

  it('refuses a POST without the session token, and changes nothing until signed in', async () => {
    const before = await rowCounts(stack.orm);
    const anon = await visit('/ui/lists');
    for (const fields of [{}, { _csrf: 'x'.repeat(anon.csrf!.length) }] as Record<string, string>[]) {
      const res = await postForm('/ui/lists', anon.cookie, { ...fields, name: 'x', keywords: 'a' });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('_csrf: missing or wrong form token');
    }
    // another session's token is no good either
    const other = await visit('/ui/lists');
    expect((await postForm('/ui/lists', anon.cookie, { _csrf: other.csrf!, name: 'x', keywords: 'a' })).status).toBe(403);
    // the right token but not signed in: sent to sign in
    const res = await postForm('/ui/lists', anon.cookie, { _csrf: anon.csrf!, name: 'x', keywords: 'a' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/ui\/login\?next=%2Fui%2Flists/);
    expect(await rowCounts(stack.orm)).toEqual(before);
  });

  it('signs in with the API key only, into a new session; a forged or tampered cookie is a new anonymous one', async () => {
    const login = await visit('/ui/login');
    const wrong = await postForm('/ui/login', login.cookie, { _csrf: login.csrf!, api_key: 'wrong-key-0000000000' });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('Wrong API key.');
    const { cookie } = await signIn();
    expect(cookie).not.toBe(login.cookie);
    expect((await visit('/ui/lists', cookie)).html).toContain('Sign out');
    const [name, value] = cookie.split('=') as [string, string];
    const tampered = `${name}=${value.replace(/\.0?1\./, '.1.').replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`;
    const page = await visit('/ui/lists', tampered);
    expect(page.html).not.toContain('Sign out');
    expect(page.cookie).not.toBe(tampered);
  });

  it('only follows local paths after sign-in', async () => {
    const login = await visit('/ui/login');
    const res = await postForm('/ui/login', login.cookie, { _csrf: login.csrf!, api_key: API_KEY, next: '//evil.example/x' });
    expect(res.headers.get('location')).toBe('/');
  });

  it('closes the pages to visitors who are not signed in with DASHBOARD_PUBLIC=false (the assets stay open)', async () => {
    expect(loadConfig({ DASHBOARD_PUBLIC: 'false' }).api.dashboardPublic).toBe(false);
    expect(loadConfig({}).api.dashboardPublic).toBe(true);
    const closed = testApp(stack, `dashboard-closed-${uid()}`, { security: { apiKey: API_KEY, dashboardPublic: false } });
    for (const path of ['/', '/ui/clusters', '/ui/keywords/x']) {
      const res = await closed.request(path, { headers: HTML });
      expect([path, res.status, res.headers.get('location')]).toEqual([path, 303, `/ui/login?next=${encodeURIComponent(path)}`]);
    }
    expect((await closed.request('/ui/login', { headers: HTML })).status).toBe(200);
    expect((await closed.request('/assets/uplot.js')).status).toBe(200);
    // the JSON API's reads are as open as before
    expect((await closed.request('/keywords')).status).toBe(200);
  });

  it('creates, edits and deletes a list through the forms; a bad keyword is refused naming its line, nothing stored', async () => {
    const { cookie, csrf } = await signIn();
    const multipart = (fields: Record<string, string>, file?: string) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) body.append(k, v);
      if (file !== undefined) body.append('file', new File([file], 'keywords.csv', { type: 'text/csv' }));
      return body;
    };
    const send = (path: string, body: FormData) => app.request(path, { method: 'POST', headers: { ...HTML, cookie }, body });
    const before = await rowCounts(stack.orm);
    const bad = await send(
      '/ui/lists',
      multipart({ _csrf: csrf, name: 'Bad', keywords: 'fine one' }, 'keyword\nok two\n"bad\u0007bell"\n'),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/line 3: /); // the file's third line
    expect(await rowCounts(stack.orm)).toEqual(before);

    const made = await send('/ui/lists', multipart({ _csrf: csrf, name: 'Mine', keywords: 'alpha\nbeta', platforms: 'etsy', daily: '1' }));
    expect(made.status).toBe(303);
    const id = made.headers.get('location')!.split('/').pop()!;
    const edited = await send(`/ui/lists/${id}`, multipart({ _csrf: csrf, name: 'Mine, renamed', keywords: '' }));
    expect(edited.status).toBe(303);
    const stored = (await (await app.request(`/lists/${id}`)).json()) as Record<string, unknown>;
    // no keywords given: the old ones are kept; no platform ticked: all; daily unticked: not daily
    expect(stored).toMatchObject({
      name: 'Mine, renamed',
      keywords: ['alpha', 'beta'],
      platforms: ['amazon', 'etsy', 'ebay'],
      daily: false,
    });
    expect((await send(`/ui/lists/${id}/delete`, multipart({ _csrf: csrf }))).status).toBe(303);
    expect((await app.request(`/lists/${id}`)).status).toBe(404);
  });

  it("refuses a bad filter with the API's 400 naming it, on the page as in the API", async () => {
    for (const [query, field] of [
      ['list=nope', 'list'],
      ['source=guessed', 'source'],
      ['q=' + 'x'.repeat(101), 'q'],
    ] as const) {
      const api = await app.request(`/keywords?${query}`);
      expect([query, api.status, ((await api.json()) as Record<string, unknown>).field]).toEqual([query, 400, field]);
      const page = await visit(`/?${query}`);
      expect(page.res.status).toBe(400);
      expect(page.html).toMatch(new RegExp(`class="notice error">${field}: `));
    }
  });
});
