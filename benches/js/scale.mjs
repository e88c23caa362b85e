// `make bench-scale-js`: the npm package (pkg/node.js) at 10^4, 10^5 and 10^6 device keys:
// best and median time, time per byte (of the best run) and its ratio to the 10^4 row
// (linear growth keeps it near 1.0), the process's peak RSS growth and the WebAssembly
// memory (its high-water mark: it never shrinks) beside the input's size.
// Each row runs in a fresh Node process (as benches/js/run.mjs does: a big input slows
// later calls in the same process). Figures, never pass/fail.
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const SIZES = [10_000, 100_000, 1_000_000];
const MODES = ["validateJson(text)", "validate(object)"];

function body(n) {
  const deviceKeys = Array.from({ length: n }, (_, i) => `device-key-${String(i).padStart(7, "0")}`);
  return { type: "upgrade", upgradePolicy: "snapshot", enableUpgradeRequest: true, upgradeScope: { type: "partial", versionNumbers: ["1.0"], deviceKeys } };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function row(mode, n) {
  const entry = process.env.ENOS_PKG ? pathToFileURL(`${process.env.ENOS_PKG}/node.js`) : new URL("../../pkg/node.js", import.meta.url);
  const api = await import(entry.href);
  // WebAssembly memory only grows: its size after the row is the row's high-water mark.
  const glue = await import(new URL("dist/node/enos_ota_job.js", entry).href).catch(() => null);
  const wasmMemory = () => (typeof glue?.wasmMemory === "function" ? glue.wasmMemory().buffer.byteLength : NaN);
  const wasmBefore = wasmMemory();
  const value = body(n);
  const text = JSON.stringify(value);
  const run = mode === "validate(object)" ? () => api.validate(value) : () => api.validateJson(text);
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const first = run();
  if (!first.valid) throw new Error(`${mode} at ${n}: expected a valid body`);
  const rounds = n >= 1_000_000 ? 9 : n >= 100_000 ? 21 : 61;
  for (let i = 0; i < 2; i++) run();
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  const rssPeak = process.resourceUsage().maxRSS * 1024 - rssBefore;
  return { mode, n, bytes: Buffer.byteLength(text), ms: median(times), best: Math.min(...times), rssPeak, wasm: wasmMemory(), wasmBefore };
}

if (process.argv[2] === "--row") {
  console.log(JSON.stringify(await row(process.argv[3], Number(process.argv[4]))));
} else {
  const self = fileURLToPath(import.meta.url);
  console.log(`enos-ota-job scale through the npm package (node ${process.version}): one fresh process per row`);
  let worst = 0;
  for (const mode of MODES) {
    const rows = SIZES.map((n) => JSON.parse(execFileSync(process.execPath, [self, "--row", mode, String(n)], { encoding: "utf8" }).trim().split("\n").pop()));
    console.log(`\n${mode}, upgrade with distinct device keys (valid)`);
    console.log("       keys       input       best     median  ns/byte  ratio/10^4  peak RSS growth  RSS/input  wasm memory  wasm/input");
    const perByte = rows.map((r) => r.best / r.bytes);
    worst = Math.max(worst, Math.max(...perByte) / Math.min(...perByte));
    for (const r of rows) {
      const pb = r.best / r.bytes;
      const mb = (x) => `${(x / 1e6).toFixed(1)} MB`;
      console.log(
        `  ${String(r.n).padStart(9)} ${mb(r.bytes).padStart(11)} ${r.best.toFixed(2).padStart(7)} ms ${r.ms.toFixed(2).padStart(7)} ms ${(pb * 1e6).toFixed(2).padStart(8)} ${(pb / perByte[0]).toFixed(2).padStart(10)}x ` +
          `${mb(r.rssPeak).padStart(16)} ${(r.rssPeak / r.bytes).toFixed(2).padStart(9)}x ${mb(r.wasm).padStart(12)} ${(r.wasm / r.bytes).toFixed(2).padStart(10)}x`,
      );
    }
  }
  console.log(`\nlargest per-byte time spread (best runs) across 10^4..10^6 in any row: ${worst.toFixed(2)}x`);
}
