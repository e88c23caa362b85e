// The browser build as a page uses it: `import init, { validate } from "enos-ota-job"`
// (an import map points the bare name at the installed package's web.js), `await init()`,
// then the shared fixtures, in headless Chromium. Run by tests/js/consumer.sh with
// ENOS_CONSUMER = the fresh project that has the packed tarball installed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, normalize, extname } from "node:path";
import { loadCases, summary, expected } from "./fixtures.mjs";

const { chromium } = await import("playwright-core");
const root = process.env.ENOS_CONSUMER;
if (!root) throw new Error("ENOS_CONSUMER is not set: run tests/js/consumer.sh");

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
const PAGE = `<!doctype html><meta charset="utf-8"><title>enos-ota-job</title>
<script type="importmap">{ "imports": { "enos-ota-job": "/node_modules/enos-ota-job/web.js" } }</script>
<script type="module">
  import init, * as api from "enos-ota-job";
  let early;
  try { api.validate({}); early = "no error"; } catch (e) { early = String(e.message); }
  window.enos = { api, early };
  await init();
  await init(); // a second call is harmless
  window.enosReady = true;
</script>`;

let server, browser, page, profile; // browser: a persistent context in a fresh profile
const cases = loadCases();

before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/") return res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    const file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  profile = mkdtempSync(join(tmpdir(), "enos-chromium-"));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.enosReady === true, null, { timeout: 20_000 }).catch((e) => {
    throw new Error(`the page did not load the module: ${errors.join("; ") || e}`);
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test("calling before init() is a clear error, and init() then works", async () => {
  const early = await page.evaluate(() => window.enos.early);
  assert.match(early, /init\(\)/);
});

test("the shared fixtures give the native results in Chromium", async () => {
  assert.ok(cases.validation.length > 0, "no fixtures");
  const results = await page.evaluate((cases) => {
    const { validate, validateJson } = window.enos.api;
    const sum = (r) => ({
      valid: r.valid,
      errors: r.errors.map((e) => [e.path, e.code]),
      warnings: r.warnings.map((w) => [w.path, w.code]),
    });
    return cases.map((c) =>
      "text" in c
        ? [sum(validateJson(c.text, c.options))]
        : [sum(validate(c.body, c.options)), sum(validateJson(JSON.stringify(c.body), c.options))],
    );
  }, cases.validation);
  cases.validation.forEach((c, i) => {
    for (const got of results[i]) assert.deepEqual(got, expected(c.expect), `${c.file}: ${c.name}`);
  });
});

test("request, normalize and response fixtures in Chromium", async () => {
  const out = await page.evaluate(
    ({ request, normalize, response }) => {
      const { buildRequest, parseResponse } = window.enos.api;
      return {
        request: request.map((c) => buildRequest(c.input, c.options)),
        normalize: normalize.map((c) => window.enos.api.normalize(c.body, c.options)),
        response: response.map((c) => parseResponse(c.text)),
      };
    },
    { request: cases.request.filter((c) => "input" in c), normalize: cases.normalize, response: cases.response },
  );
  cases.request
    .filter((c) => "input" in c)
    .forEach((c, i) => {
      const got = out.request[i];
      assert.deepEqual(summary(got.report), expected(c.expect), `${c.file}: ${c.name}`);
      if (c.expect.request) {
        assert.equal(got.request.url, c.expect.request.url, c.name);
        assert.deepEqual(JSON.parse(got.request.body), JSON.parse(c.expect.request.body), c.name);
      }
    });
  cases.normalize.forEach((c, i) => {
    assert.deepEqual(summary(out.normalize[i].report), expected(c.expect), `${c.file}: ${c.name}`);
    assert.deepEqual(out.normalize[i].body ?? null, c.expect.body, `${c.file}: ${c.name}`);
  });
  cases.response.forEach((c, i) => assert.deepEqual(out.response[i], c.expect, `${c.file}: ${c.name}`));
});

test("hostile values in the browser: reports, never throws", async () => {
  const out = await page.evaluate(() => {
    const { validate, normalize, buildRequest, parseResponse } = window.enos.api;
    const cyc = {};
    cyc.self = cyc;
    let deep = 0;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const values = [undefined, NaN, 1n, Symbol("s"), () => 1, cyc, deep, new Proxy({}, { ownKeys() { throw 1; } })];
    const codes = values.map((v) => validate(v).errors.map((e) => e.code));
    normalize(cyc);
    buildRequest(cyc);
    parseResponse(cyc);
    const after = validate({
      type: "verify",
      upgradeScope: { type: "partial", versionNumbers: ["1.0"], deviceKeys: ["d1"] },
    });
    return { codes, after };
  });
  assert.deepEqual(out.codes, [
    ["invalid_type"],
    ["invalid_type"],
    ["invalid_type"],
    ["invalid_type"],
    ["invalid_type"],
    ["required", "required", "invalid_type"],
    ["invalid_json"],
    ["invalid_type"],
  ]);
  assert.deepEqual(out.after, { valid: true, errors: [], warnings: [] });
});
