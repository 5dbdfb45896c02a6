// Sign-in: the API key (printed by `npm start`) opens a session; the key itself is never stored in the page or cookie.
import { Csrf, Notice } from '../components/layout';
import type { Session } from '../session';

export function LoginPage({ session, next, error, configured }: { session: Session; next: string; error?: string; configured: boolean }) {
  return (
    <>
      <h1>Sign in</h1>
      {!configured && <Notice error>This server has no API key configured (API_KEY), so nobody can sign in; reads stay open.</Notice>}
      {error && <Notice error>{error}</Notice>}
      <form method="post" action="/ui/login" class="card" style="max-width:420px">
        <Csrf session={session} />
        <input type="hidden" name="next" value={next} />
        <label>
          API key
          <input type="password" name="api_key" autocomplete="current-password" required />
        </label>
        <p>
          <button type="submit">Sign in</button>
        </p>
        <p class="muted">Reading is open{''}; creating lists, collecting and alert rules need the key.</p>
      </form>
    </>
  );
}
