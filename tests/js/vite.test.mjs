// The page that tests/js/consumer.sh builds with Vite from the packed tarball
// (ENOS_VITE_DIST = its dist/), served on a loopback port and run in headless Chromium;
// then the same page under Vite's dev server (dependency pre-bundling on).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, normalize, extname } from "node:path";

const { chromium } = await import("playwright-core");
const root = process.env.ENOS_VITE_DIST;
const EXPECTED = {
  codes: ["required", "required"],
  url: "/connect-service/v2.1/ota-jobs?action=create&orgId=o&firmwareId=f",
  schema: "https://json-schema.org/draft/2020-12/schema",
};

async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "enos-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return { browser, close: async () => { await browser.close(); rmSync(profile, { recursive: true, force: true }); } };
}

// Opens url, waits for window.enosResult; returns it with the page errors and .wasm statuses.
async function run(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const wasm = [];
  page.on("response", (r) => new URL(r.url()).pathname.endsWith(".wasm") && wasm.push(r.status()));
  await page.goto(url);
  await page.waitForFunction(() => window.enosResult !== undefined, null, { timeout: 30_000 }).catch((e) => {
    throw new Error(`the Vite page did not run: ${errors.join("; ") || e}`);
  });
  return { result: await page.evaluate(() => window.enosResult), errors, wasm };
}
if (!root) throw new Error("ENOS_VITE_DIST is not set: run tests/js/consumer.sh");
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

test("the Vite build loads the wasm and validates in Chromium", async () => {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const file = normalize(join(root, path === "/" ? "index.html" : decodeURIComponent(path)));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { browser, close } = await launch();
  try {
    const { result, errors, wasm } = await run(browser, `http://127.0.0.1:${server.address().port}/`);
    assert.deepEqual(result, EXPECTED);
    assert.deepEqual(wasm, [200], "the page fetched its .wasm once, from Vite's assets");
    assert.deepEqual(errors, []);
  } finally {
    await close();
    server.close();
  }
});

test("the same page under the Vite dev server", async () => {
  const { createServer: createViteServer } = await import("vite");
  const vite = await createViteServer({
    root: join(root, ".."),
    logLevel: "warn",
    server: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  await vite.listen();
  const { browser, close } = await launch();
  try {
    const { result, errors, wasm } = await run(browser, vite.resolvedUrls.local[0]);
    assert.deepEqual(result, EXPECTED);
    assert.deepEqual(wasm, [200]);
    assert.deepEqual(errors, []);
  } finally {
    await close();
    await vite.close();
  }
});
