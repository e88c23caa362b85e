// `make bench-js`: enos-ota-job (pkg/, built by `make pkg`) beside two peers, Ajv 8
// (allErrors, body.schema.json plus its schedule keyword, ajv-peer.mjs) and Zod 4
// (zod-schema.mjs); for text, both peers are given JSON.parse(text). Each row runs in a
// fresh Node process (row.mjs) with warm-up and interleaved rounds; figures are medians,
// ratios are medians of per-round ratios (> 1: enos-ota-job is faster). Then the gzip -9
// sizes of what a browser loads, and where the time of one invalid small body goes.
// Figures, never pass/fail. BENCH_QUICK=1: few short rounds (for work on the harness).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";
import { tmpdir, loadavg, cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkCorpus } from "./corpus-check.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = join(here, "../..");

function row(name) {
  const out = execFileSync(process.execPath, [join(here, "row.mjs"), ...name.split(" ")], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop());
}

const gz = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const fmt = (x, d = 0) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const x = (v) => `${v.ratio.toFixed(2)}x (${v.min.toFixed(2)}-${v.max.toFixed(2)})`;
const version = (p) => JSON.parse(readFileSync(join(repo, "node_modules", p, "package.json"), "utf8")).version;
const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");

const started = new Date();
const loadBefore = load();
console.log(`node ${process.version}, Ajv ${version("ajv")}, Zod ${version("zod")}; ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}); load average ${loadBefore}`);

// The corpus is the mix it claims (or this throws), and the peers' verdicts beside ours.
const corpus = await checkCorpus();
if (corpus.problems.length) throw new Error(`the mixed corpus is not what it claims:\n${corpus.problems.slice(0, 5).join("\n")}`);

const results = {};
for (const name of ["mixed-text", "mixed-kinds", "valid-text", "big-text", "mixed-object", "big-object", "huge-text", "breakdown invalid", "breakdown valid"]) {
  process.stdout.write(`row ${name} ... `);
  results[name] = row(name);
  console.log("done");
}
const loadAfter = load();
const mt = results["mixed-text"];
const vt = results["valid-text"];
const bt = results["big-text"];
const mo = results["mixed-object"];
const bo = results["big-object"];
const ht = results["huge-text"];
const bd = { invalid: results["breakdown invalid"].invalid, valid: results["breakdown valid"].valid };

// Sizes: what a browser loads for enos-ota-job (the wasm and the JS of pkg/web.js's
// import graph, each file gzipped on its own as a server sends it; and as one esbuild
// bundle), and esbuild-minified browser bundles of each peer with its schema.
function bundle(source) {
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
const wasmFile = "pkg/dist/web/enos_ota_job_bg.wasm";
const web = [wasmFile, "pkg/dist/web/enos_ota_job.js", "pkg/web.js", "pkg/dist/web/api.js"];
const sizes = Object.fromEntries(web.map((f) => [f, gz(readFileSync(join(repo, f)))]));
const ours = Object.values(sizes).reduce((a, b) => a + b, 0);
const oursBundle = bundle(`export { default, validate, validateJson } from ${JSON.stringify(join(repo, "pkg/web.js"))};`) + sizes[wasmFile];
const ajvSize = bundle(`export { compileAjv } from ${JSON.stringify(join(here, "ajv-peer.mjs"))};`);
const zodSize = bundle(`export { schema } from ${JSON.stringify(join(here, "zod-schema.mjs"))};`);

const both = (r) => `${x(r.vsAjv)} | ${x(r.vsZod)}`;
const perByte = (k) => ht.nsPerByte[k] / bt.nsPerByte[k];
console.log(`
Measured ${started.toISOString().slice(0, 16).replace("T", " ")} UTC; load average (1, 5, 15 min) ${loadBefore} before, ${loadAfter} after.
Mixed corpus: ${corpus.n} small bodies (${fmt(corpus.bytes)} B avg): ${corpus.counts.valid} valid, ${corpus.counts.warning} with warnings only, ${corpus.counts.invalid} invalid (1/2/3 problems: ${corpus.problemsPerInvalid.slice(1).join("/")}).
Valid-vs-invalid verdicts agreeing with enos-ota-job on it: Ajv ${corpus.ajvAgree}/${corpus.n}, Zod ${corpus.zodAgree}/${corpus.n}.

| row | enos-ota-job | Ajv 8 | Zod 4 | vs Ajv (median, min-max) | vs Zod | goal |
|---|---|---|---|---|---|---|
| mixed small texts (${fmt(mt.n)}, ${fmt(mt.bytes)} B avg) | ${fmt(mt.ours)} /s | ${fmt(mt.ajv)} /s | ${fmt(mt.zod)} /s | ${both(mt)} | >= 1.5x Ajv |
| valid small texts (${fmt(vt.n)}, ${fmt(vt.bytes)} B avg) | ${fmt(vt.ours)} /s | ${fmt(vt.ajv)} /s | ${fmt(vt.zod)} /s | ${both(vt)} | >= 1.8x Ajv |
| 100k-key text (${fmt(bt.mb, 1)} MB) | ${fmt(bt.ours)} MB/s | ${fmt(bt.ajv)} MB/s | ${fmt(bt.zod)} MB/s | ${both(bt)} | >= 1.5x Ajv |
| mixed small objects, validate(obj) | ${fmt(mo.ours)} /s | ${fmt(mo.ajv)} /s | ${fmt(mo.zod)} /s | ${both(mo)} | >= 0.35x Ajv |
| 100k-key object | ${fmt(bo.ours)} MB/s | ${fmt(bo.ajv)} MB/s | ${fmt(bo.zod)} MB/s | ${both(bo)} | >= 0.5x Ajv, > 1x Zod |
| 1M/100k time per byte (${fmt(ht.mb, 1)} MB text) | ${perByte("ours").toFixed(2)} | ${perByte("ajv").toFixed(2)} | ${perByte("zod").toFixed(2)} | | | <= 1.15 |
| gzip -9, what a browser loads | ${kb(ours)} (wasm ${kb(sizes[wasmFile])} + JS ${kb(ours - sizes[wasmFile])}; one bundle ${kb(oursBundle)}) | ${kb(ajvSize)} | ${kb(zodSize)} | | | <= 40 KB |

Calibration: V8 JSON.parse alone ${fmt(mt.jsonParse)} mixed small texts/s, ${fmt(vt.jsonParse)} valid small texts/s, ${fmt(bt.jsonParse)} MB/s on the 100k-key text; JSON.stringify alone ${fmt(mo.jsonStringify)} mixed small objects/s.`);

const ns = (v) => `${fmt(v)} ns`;
const mk = results["mixed-kinds"];
console.log(`
The mixed corpus by kind (ns per text, medians; fewer rounds than the rows above)
| kind | texts | enos-ota-job | Ajv 8 | Zod 4 | vs Ajv | vs Zod |
|---|---|---|---|---|---|---|
${["valid", "warning", "invalid"].map((k) => `| ${k === "warning" ? "warnings only" : k} | ${mk[k].n} | ${ns(mk[k].nsOurs)} | ${ns(mk[k].nsAjv)} | ${ns(mk[k].nsZod)} | ${both(mk[k])} |`).join("\n")}`);
const share = (v, of) => `${((100 * v) / of).toFixed(0)}%`;
const inv = bd.invalid;
const val = bd.valid;
console.log(`
Where the time goes: one invalid small body (${inv.bytes} B, ${inv.issues} issues: 3 errors + 1 warning) beside a valid one of the same length (median ns per call; the parse / rules / messages / report block split inside the wasm call is \`cargo bench --bench breakdown\`)
| step | invalid | share | valid |
|---|---|---|---|
| validateJson(text), the whole call | ${ns(inv.total)} | 100% | ${ns(val.total)} |
| text in: TextEncoder.encodeInto into wasm memory | ${ns(inv.textIn)} | ${share(inv.textIn, inv.total)} | ${ns(val.textIn)} |
| the wasm call: parse, rules, messages, hints, fixes, positions, the report's block | ${ns(inv.wasmCall)} | ${share(inv.wasmCall, inv.total)} | ${ns(val.wasmCall)} |
| JS objects built from the block (one TextDecoder call, slices) | ${ns(inv.objects)} | ${share(inv.objects, inv.total)} | - |
| the rest: JS glue around the call | ${ns(inv.total - inv.textIn - inv.wasmCall - inv.objects)} | ${share(inv.total - inv.textIn - inv.wasmCall - inv.objects, inv.total)} | ${ns(val.total - val.textIn - val.wasmCall)} |
| validate(object), the object path | ${ns(inv.object)} | | ${ns(val.object)} |
| of which JSON.stringify of the object | ${ns(inv.stringify)} | | ${ns(val.stringify)} |`);
