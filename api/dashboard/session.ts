// The dashboard's session: an HMAC-signed, HttpOnly, SameSite=Strict cookie (nonce, expiry, signed in or not),
// and a CSRF token per session that every form carries and every POST must return. The API key never leaves the
// server: signing in proves the visitor knows it, and the session is keyed on a digest of it (a new key ends sessions).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv } from '../deps';
import { HttpError } from '../errors';

export const SESSION_COOKIE = 'kwi_session';
const SESSION_HOURS = 12;

export interface Session {
  nonce: string;
  expiresAt: number;
  signedIn: boolean;
  csrf: string;
}

export type DashEnv = { Variables: AppEnv['Variables'] & { session: Session; form?: Record<string, unknown> } };

const digest = (s: string) => createHash('sha256').update(s).digest();

export function sessions(apiKey: string | undefined) {
  // without an API key nobody can sign in; anonymous sessions still need a secret for their CSRF tokens
  const secret = createHmac('sha256', apiKey ?? randomBytes(32))
    .update('dashboard-session')
    .digest();
  const expected = apiKey ? digest(apiKey) : undefined;
  const csrfOf = (nonce: string) => createHmac('sha256', secret).update(`csrf:${nonce}`).digest('base64url');

  const issue = async (c: Context<DashEnv>, signedIn: boolean): Promise<Session> => {
    const nonce = randomBytes(18).toString('base64url');
    const expiresAt = Date.now() + SESSION_HOURS * 3_600_000;
    await setSignedCookie(c, SESSION_COOKIE, `${nonce}.${expiresAt}.${signedIn ? 1 : 0}`, secret, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      expires: new Date(expiresAt),
    });
    const session = { nonce, expiresAt, signedIn, csrf: csrfOf(nonce) };
    c.set('session', session);
    return session;
  };

  /** Every dashboard request has a session: the cookie's when its signature and expiry hold, else a new anonymous one. */
  const middleware: MiddlewareHandler<DashEnv> = async (c, next) => {
    const raw = await getSignedCookie(c, secret, SESSION_COOKIE);
    const [nonce, expires, flag] = typeof raw === 'string' ? raw.split('.') : [];
    const expiresAt = Number(expires);
    if (nonce && Number.isFinite(expiresAt) && expiresAt > Date.now())
      c.set('session', { nonce, expiresAt, signedIn: flag === '1', csrf: csrfOf(nonce) });
    else await issue(c, false);
    await next();
  };

  /** A POST's form must carry this session's token (SameSite=Strict already keeps other sites' cookies out; this is the second lock). */
  const checkCsrf = (c: Context<DashEnv>, form: Record<string, unknown>): void => {
    const given = typeof form._csrf === 'string' ? Buffer.from(form._csrf) : Buffer.alloc(0);
    const want = Buffer.from(c.get('session').csrf);
    if (given.length !== want.length || !timingSafeEqual(given, want)) {
      throw new HttpError(403, 'forbidden', '_csrf: missing or wrong form token; reload the page and try again', '_csrf');
    }
  };

  /** Compared as fixed-length digests in constant time; a new session (new nonce) on success. */
  const signIn = async (c: Context<DashEnv>, given: string): Promise<boolean> => {
    if (!expected || !timingSafeEqual(digest(given.trim()), expected)) return false;
    await issue(c, true);
    return true;
  };

  const signOut = (c: Context<DashEnv>) => issue(c, false);

  return { middleware, checkCsrf, signIn, signOut, configured: Boolean(apiKey) };
}
