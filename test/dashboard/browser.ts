// What the dashboard's browser tests share: the app on a real port and Debian's headless Chromium driven by
// puppeteer-core (executablePath: puppeteer's own browser download cannot run here). SCREENSHOTS=1 saves each page
// to docs/screenshots/ (how docs/dashboard.md's pictures are made); otherwise to a temporary folder.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { App } from '../api/test-app';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error(`no Chromium at ${CANDIDATES.join(', ')}: apt-get install -y chromium (.ci/run does), or set CHROMIUM_PATH`);
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    // root in CI: Chromium's sandbox needs user namespaces it may not have
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** The app on a free loopback port, as @hono/node-server serves it in production. */
export async function serveApp(app: App): Promise<Served> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const SHOTS = process.env.SCREENSHOTS === '1' ? path.resolve('docs/screenshots') : path.join(tmpdir(), 'dashboard-screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png`, fullPage: true });
  return file;
}

/** Text of every cell of a table column (1-based), as shown. */
export const column = (page: Page, table: string, n: number) =>
  page.$$eval(`${table} tbody tr td:nth-child(${n})`, (cells) => cells.map((c) => (c.textContent ?? '').trim()));
