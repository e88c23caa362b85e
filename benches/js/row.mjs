// One benchmark row, in its own Node process (run.mjs starts one per row): warm-up, then
// interleaved rounds of enos-ota-job and Ajv on the same inputs; the row's figures are
// medians of per-round rates and of per-round ratios. Prints one JSON line.
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import { pathToFileURL } from "node:url";
import { smallBodies, bigBody } from "./inputs.mjs";

// ENOS_PKG: another build of the package (e.g. one built at another opt-level) to compare.
const entry = process.env.ENOS_PKG ? pathToFileURL(`${process.env.ENOS_PKG}/node.js`) : new URL("../../pkg/node.js", import.meta.url);
const { validate, validateJson } = await import(entry.href);

const schema = JSON.parse(readFileSync(new URL("./body.schema.json", import.meta.url), "utf8"));
const check = new Ajv({ allErrors: true, strictTypes: false }).compile(schema);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Runs `fn` (one batch) until `minMs` has passed; returns ms per batch.
function time(fn, minMs) {
  let n = 0;
  const start = performance.now();
  let now = start;
  do {
    fn();
    n++;
    now = performance.now();
  } while (now - start < minMs);
  return (now - start) / n;
}

// Interleaved A/B rounds (the order alternates); returns per-round ms of both.
function compare(ours, ajv, { rounds, minMs, warmup = 3 }) {
  for (let i = 0; i < warmup; i++) {
    ours();
    ajv();
  }
  const a = [];
  const b = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2) {
      b.push(time(ajv, minMs));
      a.push(time(ours, minMs));
    } else {
      a.push(time(ours, minMs));
      b.push(time(ajv, minMs));
    }
  }
  return { ours: a, ajv: b };
}

function summarize(ms, units) {
  // ratio > 1: enos-ota-job is faster than Ajv by that factor.
  const ratios = ms.ours.map((t, i) => ms.ajv[i] / t);
  return {
    ours: median(ms.ours.map((t) => units / (t / 1000))),
    ajv: median(ms.ajv.map((t) => units / (t / 1000))),
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    msOurs: median(ms.ours),
    msAjv: median(ms.ajv),
  };
}

function assertSame(oursValid, ajvValid, what) {
  if (oursValid !== true || ajvValid !== true) {
    throw new Error(`${what}: both must find the input valid (enos-ota-job ${oursValid}, Ajv ${ajvValid})`);
  }
}

const row = process.argv[2];
let out;
switch (row) {
  case "a": {
    // 1,000 small requests, JSON text -> verdict.
    const texts = smallBodies().map((b) => JSON.stringify(b));
    assertSame(texts.every((t) => validateJson(t).valid), texts.every((t) => check(JSON.parse(t))), row);
    let sink = 0;
    const ms = compare(
      () => {
        for (const t of texts) sink += validateJson(t).valid ? 1 : 0;
      },
      () => {
        for (const t of texts) sink += check(JSON.parse(t)) ? 1 : 0;
      },
      { rounds: 15, minMs: 150 },
    );
    // Calibration: V8's JSON.parse alone on the same texts.
    const parseMs = time(() => {
      for (const t of texts) sink += JSON.parse(t) ? 1 : 0;
    }, 500);
    out = { ...summarize(ms, texts.length), unit: "requests/s", bytes: texts.reduce((n, t) => n + t.length, 0) / texts.length, jsonParse: texts.length / (parseMs / 1000), sink };
    break;
  }
  case "b":
  case "d": {
    // One request with 100,000 (b) or 1,000,000 (d) device keys, JSON text -> verdict.
    const n = row === "b" ? 100_000 : 1_000_000;
    const text = JSON.stringify(bigBody(n));
    const mb = Buffer.byteLength(text) / 1e6;
    assertSame(validateJson(text).valid, check(JSON.parse(text)), row);
    const ms = compare(
      () => validateJson(text),
      () => check(JSON.parse(text)),
      row === "b" ? { rounds: 11, minMs: 300 } : { rounds: 7, minMs: 1, warmup: 1 },
    );
    const parseMs = time(() => JSON.parse(text), row === "b" ? 1000 : 1);
    out = { ...summarize(ms, mb), unit: "MB/s", mb, keys: n, nsPerByteOurs: (median(ms.ours) * 1e6) / (mb * 1e6), nsPerByteAjv: (median(ms.ajv) * 1e6) / (mb * 1e6), jsonParse: mb / (parseMs / 1000) };
    break;
  }
  case "c-small": {
    // validate(object) on 1,000 already-parsed small bodies.
    const bodies = smallBodies();
    assertSame(bodies.every((b) => validate(b).valid), bodies.every((b) => check(b)), row);
    let sink = 0;
    const ms = compare(
      () => {
        for (const b of bodies) sink += validate(b).valid ? 1 : 0;
      },
      () => {
        for (const b of bodies) sink += check(b) ? 1 : 0;
      },
      { rounds: 15, minMs: 150 },
    );
    out = { ...summarize(ms, bodies.length), unit: "objects/s", sink };
    break;
  }
  case "c-big": {
    // validate(object) on the parsed 100,000-key body.
    const body = bigBody(100_000);
    const mb = Buffer.byteLength(JSON.stringify(body)) / 1e6;
    assertSame(validate(body).valid, check(body), row);
    const ms = compare(
      () => validate(body),
      () => check(body),
      { rounds: 11, minMs: 300 },
    );
    out = { ...summarize(ms, mb), unit: "MB/s", mb };
    break;
  }
  default:
    throw new Error(`unknown row ${row}`);
}
console.log(JSON.stringify({ row, ...out }));
