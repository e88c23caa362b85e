// Shared set-up for the browser tests and the benchmark: a static server for the staged
// site on a free loopback port, and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
// The request example of the seed document, as printed there (shared with the Rust tests).
export const SEED_BODY = readFileSync(resolve(ROOT, 'tests/data/seed-request.json'), 'utf8').trimEnd();
export const SITE_DIR = resolve(ROOT, process.env.SITE_DIR || 'target/site');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.ts': 'text/plain; charset=utf-8',
};

/** Serves SITE_DIR on 127.0.0.1 at a free port. Returns { url, close }. */
export async function serveSite(dir = SITE_DIR) {
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(dir, path));
      if (!file.startsWith(dir)) throw new Error('outside');
      const data = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(data);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** Launches Chromium. playwright-core gives every launch a fresh temporary profile
 * (its own --user-data-dir), removed on close. Contexts are then made per test. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A new page on the site, ready (the module loaded and the first check rendered). */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'en-US', ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('html[data-ready=true]', { timeout: 15000 });
  return { context, page, problems };
}
