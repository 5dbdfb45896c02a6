// The dashboard reads and writes through the API itself: app.request() in process, so every page shows exactly what
// the JSON routes answer (one data path). Marked in-process so the rate limiter counts the page once, not each call.
import type { Context } from 'hono';

const IN_PROCESS = Symbol('in-process API call');

/** True for a request the dashboard made through api(); the Node server's env never carries this symbol. */
export const isInProcess = (c: Context): boolean => Boolean((c.env as Record<symbol, unknown> | undefined)?.[IN_PROCESS]);

export interface ApiAnswer<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

type Requester = (path: string, init: RequestInit, env: Record<symbol, unknown>) => Response | Promise<Response>;

/**
 * Calls on behalf of one dashboard request: its request ID carries over (one ID in the logs), and writes carry
 * the server's API key only when the session is signed in (the caller checks; the key stays on the server).
 */
export function apiFor(request: Requester, c: Context, apiKey: string | undefined) {
  const headers = (write: boolean): Record<string, string> => ({
    'x-request-id': String(c.get('requestId') ?? ''),
    accept: 'application/json',
    ...(write && apiKey ? { 'x-api-key': apiKey } : {}),
  });
  const call = async <T = Json>(path: string, init: RequestInit, write: boolean): Promise<ApiAnswer<T>> => {
    const res = await request(
      path,
      { ...init, headers: { ...headers(write), ...(init.headers as Record<string, string>) } },
      { [IN_PROCESS]: true },
    );
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    return { status: res.status, body: (isJson && text ? JSON.parse(text) : text) as T, headers: res.headers };
  };
  return {
    get: <T = Json>(path: string) => call<T>(path, { method: 'GET' }, false),
    send: <T = Json>(method: string, path: string, body?: unknown) =>
      call<T>(
        path,
        { method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) },
        true,
      ),
  };
}
export type Api = ReturnType<typeof apiFor>;

/** A query string from the given values; empty and undefined values are left out. */
export function query(values: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
