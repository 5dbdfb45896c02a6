// The page frame: navigation, sign-in state (sign-out is a form with the session's CSRF token), stylesheet and scripts.
import type { Child } from 'hono/jsx';
import type { Session } from '../session';

const NAV = [
  ['/', 'Keywords'],
  ['/ui/clusters', 'Clusters'],
  ['/ui/trends', 'Trends'],
  ['/ui/model', 'Model'],
  ['/ui/lists', 'Lists'],
  ['/ui/alerts', 'Alerts'],
] as const;

export interface PageProps {
  title: string;
  path: string;
  session: Session;
  /** Extra scripts from /assets (uplot.js, charts.js, progress.js). */
  scripts?: string[];
  children?: Child;
}

export function Layout({ title, path, session, scripts = [], children }: PageProps) {
  const active = (href: string) => (href === '/' ? path === '/' || path.startsWith('/ui/keywords') : path.startsWith(href));
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Keyword intelligence`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        {scripts.includes('uplot.js') && <link rel="stylesheet" href="/assets/uplot.css" />}
      </head>
      <body>
        <header>
          <span class="brand">Keyword intelligence</span>
          <nav>
            {NAV.map(([href, label]) => (
              <a href={href} class={active(href) ? 'active' : ''}>
                {label}
              </a>
            ))}
          </nav>
          {session.signedIn ? (
            <form method="post" action="/ui/logout">
              <input type="hidden" name="_csrf" value={session.csrf} />
              <button class="secondary" type="submit">
                Sign out
              </button>
            </form>
          ) : (
            <a class="button secondary" href={`/ui/login?next=${encodeURIComponent(path)}`}>
              Sign in
            </a>
          )}
        </header>
        <main>{children}</main>
        {scripts.map((s) => (
          <script src={`/assets/${s}`} />
        ))}
      </body>
    </html>
  );
}

/** A hidden CSRF field for a form. */
export const Csrf = ({ session }: { session: Session }) => <input type="hidden" name="_csrf" value={session.csrf} />;

export const Notice = ({ error, children }: { error?: boolean; children?: Child }) => (
  <div class={error ? 'notice error' : 'notice'}>{children}</div>
);
