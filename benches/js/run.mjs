// `make bench-js`: enos-ota-job (pkg/, built by `make pkg`) beside Ajv 8 (allErrors, the
// JSON Schema of body.schema.json, input JSON.parse(text)). Each row runs in a fresh Node
// process (row.mjs) with warm-up and interleaved rounds; figures are medians, ratios are
// medians of per-round ratios (> 1: enos-ota-job is faster). Figures, never pass/fail.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = join(here, "../..");

function row(name) {
  const out = execFileSync(process.execPath, [join(here, "row.mjs"), name], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop());
}

const gz = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const fmt = (x, d = 0) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const ratio = (r) => `${r.ratio.toFixed(2)}x (${r.ratioMin.toFixed(2)}-${r.ratioMax.toFixed(2)})`;

console.log(`node ${process.version}, Ajv ${JSON.parse(readFileSync(join(repo, "node_modules/ajv/package.json"), "utf8")).version}`);
const results = {};
for (const name of ["a", "b", "c-small", "c-big", "d"]) {
  process.stdout.write(`row ${name} ... `);
  results[name] = row(name);
  console.log("done");
}
const { a, b, d } = results;
const cs = results["c-small"];
const cb = results["c-big"];

// (e) sizes: what a browser loads for enos-ota-job (wasm + the JS of the web entry),
// and esbuild-minified browser bundles of Ajv with the body schema.
const web = ["pkg/dist/web/enos_ota_job_bg.wasm", "pkg/dist/web/enos_ota_job.js", "pkg/web.js", "pkg/dist/web/api.js"];
const sizes = Object.fromEntries(web.map((f) => [f, gz(readFileSync(join(repo, f)))]));
const ourTotal = Object.values(sizes).reduce((x, y) => x + y, 0);
const oursBundle = ajvBundle(`export { default, validate } from ${JSON.stringify(join(repo, "pkg/web.js"))};`);

function ajvBundle(source) {
  const dir = mkdtempSync(join(tmpdir(), "enos-bench-"));
  try {
    writeFileSync(join(dir, "entry.mjs"), source);
    execFileSync(
      join(repo, "node_modules/.bin/esbuild"),
      [join(dir, "entry.mjs"), "--bundle", "--minify", "--format=esm", "--platform=browser", `--outfile=${join(dir, "out.js")}`, "--log-level=error"],
      { cwd: repo, env: { ...process.env, NODE_PATH: join(repo, "node_modules") } },
    );
    return gz(readFileSync(join(dir, "out.js")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const schemaPath = JSON.stringify(join(here, "body.schema.json"));
const ajvRuntime = ajvBundle(
  `import Ajv from "ajv"; import schema from ${schemaPath} with { type: "json" };\n` +
    `export const validate = new Ajv({ allErrors: true, strictTypes: false }).compile(schema);`,
);
// Ajv's standalone code: the schema compiled ahead of time, bundled with the runtime
// helpers it imports.
const { default: Ajv } = await import("ajv");
const { default: standaloneCode } = await import("ajv/dist/standalone/index.js");
const ajvS = new Ajv({ allErrors: true, strictTypes: false, code: { source: true, esm: true } });
const compiled = ajvS.compile(JSON.parse(readFileSync(join(here, "body.schema.json"), "utf8")));
const ajvStandalone = ajvBundle(standaloneCode(ajvS, compiled));

console.log(`
| row | enos-ota-job | Ajv 8 | ratio (median, min-max) | goal |
|---|---|---|---|---|
| (a) 1,000 small requests (${fmt(a.bytes)} B avg), text -> verdict | ${fmt(a.ours)} req/s | ${fmt(a.ajv)} req/s | ${ratio(a)} | >= 1.5x |
| (b) 1 request, 100,000 device keys (${fmt(b.mb, 1)} MB), text | ${fmt(b.ours)} MB/s | ${fmt(b.ajv)} MB/s | ${ratio(b)} | >= 1.5x |
| (c) validate(object), 1,000 small | ${fmt(cs.ours)} obj/s | ${fmt(cs.ajv)} obj/s | ${ratio(cs)} | >= 0.5x |
| (c) validate(object), 100,000 keys | ${fmt(cb.ours)} MB/s | ${fmt(cb.ajv)} MB/s | ${ratio(cb)} | >= 0.5x |
| (d) 1 request, 1,000,000 keys (${fmt(d.mb, 1)} MB), text | ${fmt(d.ours)} MB/s, ${d.nsPerByteOurs.toFixed(2)} ns/B = ${(d.nsPerByteOurs / b.nsPerByteOurs).toFixed(2)}x (b) | ${fmt(d.ajv)} MB/s, ${(d.nsPerByteAjv / b.nsPerByteAjv).toFixed(2)}x (b) | ${ratio(d)} | <= 1.2x (b) per byte |
| (e) gzip -9, what a browser loads | ${kb(ourTotal)} (wasm ${kb(sizes["pkg/dist/web/enos_ota_job_bg.wasm"])} + JS ${kb(ourTotal - sizes["pkg/dist/web/enos_ota_job_bg.wasm"])}); as one esbuild bundle: ${kb(oursBundle + sizes["pkg/dist/web/enos_ota_job_bg.wasm"])} | Ajv + schema, esbuild --minify: ${kb(ajvRuntime)}; Ajv standalone code: ${kb(ajvStandalone)} | | <= 40 KB |

Calibration: V8 JSON.parse alone ${fmt(a.jsonParse)} small texts/s, ${fmt(b.jsonParse)} MB/s on (b).`);
