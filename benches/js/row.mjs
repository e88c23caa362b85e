// One benchmark row, in its own Node process (run.mjs starts one per row): warm-up, then
// interleaved rounds of enos-ota-job, Ajv and Zod on the same inputs (the order rotates
// from round to round); the row's figures are medians of per-round rates and of
// per-round ratios. Prints one JSON line. BENCH_QUICK=1: few short rounds (harness work).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { smallBodies, bigBody } from "./inputs.mjs";
import { mixedBodies } from "./corpus.mjs";
import { compileAjv } from "./ajv-peer.mjs";
import { schema } from "./zod-schema.mjs";
import { median, time } from "./timing.mjs";

// ENOS_PKG: another build of the package (e.g. one built at another opt-level) to compare.
const pkgDir = process.env.ENOS_PKG ? pathToFileURL(`${process.env.ENOS_PKG}/`) : new URL("../../pkg/", import.meta.url);
const { validate, validateJson } = await import(new URL("node.js", pkgDir).href);
const check = compileAjv();
const zod = (v) => schema.safeParse(v).success;
const QUICK = process.env.BENCH_QUICK === "1";

// Interleaved rounds; the order of the three rotates. Returns per-round ms of each.
function compare(fns, { rounds, minMs, warmup = 3 }) {
  if (QUICK) [rounds, minMs, warmup] = [3, Math.min(minMs, 30), 1];
  const names = Object.keys(fns);
  for (let i = 0; i < warmup; i++) for (const k of names) fns[k]();
  const ms = Object.fromEntries(names.map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < names.length; j++) {
      const k = names[(r + j) % names.length];
      ms[k].push(time(fns[k], minMs));
    }
  }
  return ms;
}

function summarize(ms, units) {
  // ratio > 1: enos-ota-job is faster than the peer by that factor.
  const vs = (peer) => {
    const ratios = ms.ours.map((t, i) => ms[peer][i] / t);
    return { ratio: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
  };
  const rate = (k) => median(ms[k].map((t) => units / (t / 1000)));
  return {
    ours: rate("ours"),
    ajv: rate("ajv"),
    zod: rate("zod"),
    vsAjv: vs("ajv"),
    vsZod: vs("zod"),
    msOurs: median(ms.ours),
    msAjv: median(ms.ajv),
    msZod: median(ms.zod),
  };
}

function assertSame(ours, ajv, zod, what) {
  if (ours !== ajv || ours !== zod) throw new Error(`${what}: the verdicts differ (enos-ota-job ${ours}, Ajv ${ajv}, Zod ${zod})`);
}

// The same batch loop for each validator over many small inputs; counts valid ones.
function batch(inputs, one) {
  let sink = 0;
  const fn = () => {
    for (const x of inputs) sink += one(x) ? 1 : 0;
  };
  fn.count = () => inputs.reduce((n, x) => n + (one(x) ? 1 : 0), 0);
  fn.sink = () => sink;
  return fn;
}

function smallTexts(row, texts) {
  const fns = {
    ours: batch(texts, (t) => validateJson(t).valid),
    ajv: batch(texts, (t) => check(JSON.parse(t))),
    zod: batch(texts, (t) => zod(JSON.parse(t))),
  };
  assertSame(fns.ours.count(), fns.ajv.count(), fns.zod.count(), row);
  const ms = compare(fns, { rounds: 15, minMs: 150 });
  // Calibration: V8's JSON.parse alone on the same texts.
  let sink = 0;
  const parseMs = time(() => {
    for (const t of texts) sink += JSON.parse(t) ? 1 : 0;
  }, QUICK ? 50 : 500);
  return { ...summarize(ms, texts.length), unit: "texts/s", n: texts.length, valid: fns.ours.count(), bytes: texts.reduce((n, t) => n + t.length, 0) / texts.length, jsonParse: texts.length / (parseMs / 1000), sink };
}

function bigText(row, n) {
  const text = JSON.stringify(bigBody(n));
  const mb = Buffer.byteLength(text) / 1e6;
  assertSame(validateJson(text).valid, check(JSON.parse(text)), zod(JSON.parse(text)), row);
  const ms = compare(
    { ours: () => validateJson(text), ajv: () => check(JSON.parse(text)), zod: () => zod(JSON.parse(text)) },
    n <= 100_000 ? { rounds: 11, minMs: 300 } : { rounds: 15, minMs: 1, warmup: 2 },
  );
  const parseMs = time(() => JSON.parse(text), n <= 100_000 ? 1000 : 1);
  const nsPerByte = (k) => (median(ms[k]) * 1e6) / (mb * 1e6);
  return { ...summarize(ms, mb), unit: "MB/s", mb, keys: n, nsPerByte: { ours: nsPerByte("ours"), ajv: nsPerByte("ajv"), zod: nsPerByte("zod") }, jsonParse: mb / (parseMs / 1000) };
}

// Where the time of one invalid small body goes, as far as JS can see: the text into
// wasm memory (TextEncoder.encodeInto), the wasm call (parse, rules, messages, hints,
// fixes, positions and the report's block), and the JS objects built from the block
// (pkg/api.js's reader: one TextDecoder call, then slices). Beside it: the same for a
// valid body of the same length, whose clean report crosses as address 0. The split
// inside the wasm call is `cargo bench --bench breakdown`.
async function breakdown(kinds) {
  const bodies = JSON.parse(readFileSync(new URL("../breakdown-bodies.json", import.meta.url), "utf8"));
  const raw = await import(new URL("dist/node/enos_ota_job.js", pkgDir).href);
  const { reader } = await import(new URL("api.js", pkgDir).href);
  const read = reader(raw);
  const memory = raw.wasmMemory();
  const encoder = new TextEncoder();
  const put = (text) => {
    const cap = 3 * text.length + 8;
    const ptr = raw.inputBuffer(0, cap);
    return encoder.encodeInto(text, new Uint8Array(memory.buffer, ptr, cap)).written;
  };
  // ns per call of each step: rounds of `reps` calls, every step in each round (so that
  // load changes hit all steps alike), medians. A step's `setup` runs before its calls.
  const perCall = (steps, reps = 2000) => {
    const rounds = QUICK ? 5 : 41;
    const names = Object.keys(steps);
    const run = (k) => {
      steps[k].setup?.();
      const fn = steps[k];
      for (let i = 0; i < reps; i++) fn();
    };
    for (const k of names) run(k);
    const t = Object.fromEntries(names.map((k) => [k, []]));
    for (let r = 0; r < rounds; r++) {
      for (const k of names) {
        const s = performance.now();
        run(k);
        t[k].push(((performance.now() - s) * 1e6) / reps);
      }
    }
    return Object.fromEntries(names.map((k) => [k, median(t[k])]));
  };
  const out = {};
  let sink = 0;
  for (const kind of kinds) {
    const text = bodies[kind];
    const object = JSON.parse(text);
    const report = validateJson(text);
    const steps = {
      total: () => (sink += validateJson(text).valid ? 1 : 0),
      textIn: () => (sink += put(text)),
      // text in + the wasm call (text in is subtracted below)
      wasmCall: () => (sink += raw.validateInput(0, 0, put(text), true)),
      object: () => (sink += validate(object).valid ? 1 : 0),
      stringify: () => (sink += JSON.stringify(object).length),
    };
    if (!report.valid || report.warnings.length) {
      // The block of the last call stays readable until the next input is written.
      let block = 0;
      steps.objects = () => (sink += read(block).errors.length);
      steps.objects.setup = () => (block = raw.validateInput(0, 0, put(text), true));
    }
    const ns = perCall(steps);
    const issues = report.errors.length + report.warnings.length;
    out[kind] = { bytes: text.length, issues, objects: 0, ...ns, wasmCall: ns.wasmCall - ns.textIn };
  }
  out.sink = sink;
  return out;
}

const row = process.argv[2];
let out;
switch (row) {
  case "mixed-text":
    out = smallTexts(row, mixedBodies().map(({ body }) => JSON.stringify(body)));
    break;
  case "mixed-kinds": {
    // The mixed corpus's texts by kind (valid, with warnings only, invalid): where the
    // mixed row's time goes. Fewer rounds than the rows proper.
    const kinds = {};
    for (const kind of ["valid", "warning", "invalid"]) {
      const texts = mixedBodies().filter((b) => b.intent === kind).map(({ body }) => JSON.stringify(body));
      const fns = { ours: batch(texts, (t) => validateJson(t).valid), ajv: batch(texts, (t) => check(JSON.parse(t))), zod: batch(texts, (t) => zod(JSON.parse(t))) };
      const ms = compare(fns, { rounds: 9, minMs: 100 });
      const perText = (k) => (median(ms[k]) * 1e6) / texts.length;
      kinds[kind] = { n: texts.length, ...summarize(ms, texts.length), nsOurs: perText("ours"), nsAjv: perText("ajv"), nsZod: perText("zod") };
    }
    out = kinds;
    break;
  }
  case "valid-text":
    out = smallTexts(row, smallBodies().map((b) => JSON.stringify(b)));
    break;
  case "big-text":
    out = bigText(row, 100_000);
    break;
  case "huge-text":
    out = bigText(row, 1_000_000);
    break;
  case "mixed-object": {
    // validate(object) on 1,000 already-parsed small bodies of the mixed corpus.
    const bodies = mixedBodies().map(({ body }) => body);
    const fns = { ours: batch(bodies, (b) => validate(b).valid), ajv: batch(bodies, (b) => check(b)), zod: batch(bodies, zod) };
    assertSame(fns.ours.count(), fns.ajv.count(), fns.zod.count(), row);
    const ms = compare(fns, { rounds: 15, minMs: 150 });
    let sink = 0;
    const stringifyMs = time(() => {
      for (const b of bodies) sink += JSON.stringify(b).length;
    }, QUICK ? 50 : 500);
    out = { ...summarize(ms, bodies.length), unit: "objects/s", n: bodies.length, jsonStringify: bodies.length / (stringifyMs / 1000), sink };
    break;
  }
  case "big-object": {
    // validate(object) on the parsed 100,000-key body.
    const body = bigBody(100_000);
    const mb = Buffer.byteLength(JSON.stringify(body)) / 1e6;
    assertSame(validate(body).valid, check(body), zod(body), row);
    const ms = compare({ ours: () => validate(body), ajv: () => check(body), zod: () => zod(body) }, { rounds: 11, minMs: 300 });
    out = { ...summarize(ms, mb), unit: "MB/s", mb };
    break;
  }
  case "breakdown":
    // One body per process (run.mjs runs `breakdown invalid` and `breakdown valid`).
    out = await breakdown(process.argv[3] ? [process.argv[3]] : ["invalid", "valid"]);
    break;
  default:
    throw new Error(`unknown row ${row}`);
}
console.log(JSON.stringify({ row, ...out }));
