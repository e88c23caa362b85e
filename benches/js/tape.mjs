// A measurement, not part of the package: the JS half of a design that would pass the
// JSON.stringify floor of `validate(object)`. Instead of JSON text, JS would write the
// value straight into wasm memory as a compact tape, which the core would read in place
// of parsing text. Only the JS half exists (here); this times it per object of the mixed
// corpus against what `validate(object)` pays today (JSON.stringify, and pkg/api.js's
// toJsonText: its exactness walk, then JSON.stringify), and beside it the rest of today's
// call (text in, the wasm call, the report's objects), so that the design's total can be
// estimated (`designBeforeTapeRead`, to which the core's reading of the tape adds), with
// Ajv's time on the same objects for the ratio. Each tape is read back into JSON text and
// compared with JSON.stringify's.
// Prints one JSON line. `node benches/js/tape.mjs` (after `make pkg`).
//
// The tape (all in one WebAssembly.Memory, as the module's would be):
//   words  u32: tag in the low 3 bits, a count or length above it. null, false, true;
//          NUM (its f64 in `nums`, in order); STR | UTF-8 length (its bytes in `bytes`,
//          in order); ARR | items, then the items; OBJ | members, then key, value per
//          member (undefined members left out, as JSON.stringify does).
//   keys   written as STR in `tape`; in `tapeKeys` as KEY | id, a key seen for the first
//          time as KEY | NEW followed by its STR (the core would keep the table of ids
//          from call to call).
// Strings: an ASCII char loop, TextEncoder.encodeInto for a string with any other
// character (and a lone surrogate, which UTF-8 cannot carry, sends the value to the
// careful path, as anything the walk does not write exactly: the walk is plain()'s).
import { mixedBodies } from "./corpus.mjs";
import { compileAjv } from "./ajv-peer.mjs";
import { median, time } from "./timing.mjs";

const pkgDir = new URL("../../pkg/", import.meta.url);
const { toJsonText, reader } = await import(new URL("api.js", pkgDir).href);
const { validate } = await import(new URL("node.js", pkgDir).href);
const raw = await import(new URL("dist/node/enos_ota_job.js", pkgDir).href);

const MAX_DEPTH = 130;
const MAX_VALUES = 20_000_000;
const objectProto = Object.prototype;
const isArray = Array.isArray;
const getProto = Object.getPrototypeOf;
const keysOf = Object.keys;
const [NULL, FALSE, TRUE, NUM, STR, ARR, OBJ, KEY] = [0, 1, 2, 3, 4, 5, 6, 7];
const NEW = 0x1fffffff;

const memory = new WebAssembly.Memory({ initial: 64 }); // 4 MiB
const words = new Uint32Array(memory.buffer, 0, 1 << 18);
const nums = new Float64Array(memory.buffer, 1 << 20, 1 << 17);
const bytes = new Uint8Array(memory.buffer, 2 << 20);
const encoder = new TextEncoder();
let w = 0;
let np = 0;
let bp = 0;
let budget = 0;
let interned = false;
const keyIds = new Map();

const BAIL = {}; // thrown: the value goes the careful way

function str(s) {
  const n = s.length;
  let p = bp;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      if (!s.isWellFormed()) throw BAIL;
      const { written } = encoder.encodeInto(s, bytes.subarray(bp));
      bp += written;
      words[w++] = STR | (written << 3);
      return;
    }
    bytes[p++] = c;
  }
  bp = p;
  words[w++] = STR | (n << 3);
}

function key(k) {
  if (!interned) return str(k);
  const id = keyIds.get(k);
  if (id !== undefined) {
    words[w++] = KEY | (id << 3);
    return;
  }
  keyIds.set(k, keyIds.size);
  words[w++] = KEY | (NEW << 3);
  str(k);
}

function value(v, depth) {
  switch (typeof v) {
    case "string":
      return str(v);
    case "boolean":
      words[w++] = v ? TRUE : FALSE;
      return;
    case "number":
      if (!(v < 1e21 && v > -1e21)) throw BAIL;
      nums[np++] = v;
      words[w++] = NUM;
      return;
    case "object": {
      if (v === null) {
        words[w++] = NULL;
        return;
      }
      if (depth >= MAX_DEPTH || --budget < 0) throw BAIL;
      if (isArray(v)) {
        const n = v.length;
        if (v.toJSON !== undefined || (budget -= n) < 0) throw BAIL;
        words[w++] = ARR | (n << 3);
        for (let i = 0; i < n; i++) value(v[i], depth + 1);
        return;
      }
      const proto = getProto(v);
      if ((proto !== objectProto && proto !== null) || v.toJSON !== undefined) throw BAIL;
      const at = w++;
      let m = 0;
      const keys = keysOf(v);
      for (let i = 0, n = keys.length; i < n; i++) {
        const k = keys[i];
        const x = v[k];
        if (x === undefined) continue;
        key(k);
        value(x, depth + 1);
        m++;
      }
      words[at] = OBJ | (m << 3);
      return;
    }
    default:
      throw BAIL;
  }
}

function write(v, keysInterned) {
  w = np = bp = 0;
  budget = MAX_VALUES;
  interned = keysInterned;
  try {
    value(v, 0);
    return true;
  } catch (e) {
    if (e === BAIL) return false;
    throw e;
  }
}

// The tape back to JSON text (checking only).
const decoder = new TextDecoder();
const names = [];
function readBack() {
  let r = 0;
  let n = 0;
  let b = 0;
  const s = (len) => decoder.decode(bytes.subarray(b, (b += len)));
  const one = () => {
    const t = words[r++];
    const x = t >>> 3;
    switch (t & 7) {
      case NULL:
        return "null";
      case FALSE:
        return "false";
      case TRUE:
        return "true";
      case NUM:
        return JSON.stringify(nums[n++]);
      case STR:
        return JSON.stringify(s(x));
      case KEY:
        if (x === NEW) names.push(JSON.parse(one()));
        return JSON.stringify(x === NEW ? names.at(-1) : names[x]);
      case ARR:
        return `[${Array.from({ length: x }, one).join(",")}]`;
      default:
        return `{${Array.from({ length: x }, () => `${one()}:${one()}`).join(",")}}`;
    }
  };
  return one();
}

const bodies = mixedBodies().map(({ body }) => body);
const texts = bodies.map((b) => JSON.stringify(b));
let tapeBytes = 0;
for (const interned of [false, true]) {
  keyIds.clear();
  names.length = 0;
  bodies.forEach((b, i) => {
    if (!write(b, interned)) throw new Error(`body ${i}: the walk bailed`);
    if (!interned) tapeBytes += 4 * w + 8 * np + bp;
    if (readBack() !== texts[i]) throw new Error(`body ${i}: the tape does not read back as JSON.stringify's text`);
  });
}
for (const bad of [{ a: NaN }, { a: [undefined] }, { a: () => 1 }, { a: new Date(0) }, { a: new Number(1) }, { a: "\ud800x\u00e9" }]) {
  if (write(bad, false)) throw new Error(`not bailed: ${String(Object.values(bad)[0])}`);
}

// Today's call after toJsonText, on the same texts (validate's: no positions).
const read = reader(raw);
const check = compileAjv();
const wasm = raw.wasmMemory();
const put = (text) => {
  const cap = 3 * text.length + 8;
  const ptr = raw.inputBuffer(0, cap);
  return encoder.encodeInto(text, new Uint8Array(wasm.buffer, ptr, cap)).written;
};

// ns per object of one batch over the corpus.
const perObject = (fn, minMs) => (time(fn, minMs) * 1e6) / bodies.length;
let sink = 0;
const steps = {
  stringify: () => bodies.forEach((b) => (sink += JSON.stringify(b).length)),
  toJsonText: () => bodies.forEach((b) => (sink += toJsonText(b).text.length)),
  tape: () => bodies.forEach((b) => (sink += write(b, false) ? w : 0)),
  tapeKeys: () => bodies.forEach((b) => (sink += write(b, true) ? w : 0)),
  validate: () => bodies.forEach((b) => (sink += validate(b).valid ? 1 : 0)),
  ajv: () => bodies.forEach((b) => (sink += check(b) ? 1 : 0)),
  textIn: () => texts.forEach((t) => (sink += put(t))),
  // text in, the wasm call, the report's objects: what validate() does after toJsonText
  textCall: () => texts.forEach((t) => (sink += read(raw.validateInput(0, 0, put(t), false)).valid ? 1 : 0)),
  // the tape beside today's call, one body after the other (as one call would run them)
  tapeKeysAndCall: () =>
    bodies.forEach((b, i) => {
      sink += write(b, true) ? w : 0;
      sink += read(raw.validateInput(0, 0, put(texts[i]), false)).valid ? 1 : 0;
    }),
  // the wasm reader's share: parseResponse parses the whole text, then finds no envelope
  parseResponse: () => texts.forEach((t) => (sink += raw.parseResponseInput(put(t)).length)),
  parseResponseEmpty: () => texts.forEach((t) => (sink += put(t) + raw.parseResponseInput(put("{}")).length)),
};
const keys = Object.keys(steps);
for (const k of keys) perObject(steps[k], 200);
const ns = Object.fromEntries(keys.map((k) => [k, []]));
const rounds = process.env.BENCH_QUICK === "1" ? 3 : 11;
for (let r = 0; r < rounds; r++) {
  for (let j = 0; j < keys.length; j++) {
    const k = keys[(r + j) % keys.length];
    ns[k].push(perObject(steps[k], 150));
  }
}
const out = Object.fromEntries(keys.map((k) => [k, Math.round(median(ns[k]))]));
out.wasmParse = out.parseResponse - out.parseResponseEmpty;
delete out.parseResponse;
delete out.parseResponseEmpty;
// The design's call without the core's reading of the tape (which replaces wasmParse):
// the tape and today's call, less the text's way in and the parsing of it.
out.designBeforeTapeRead = out.tapeKeysAndCall - out.textIn - out.wasmParse;
// What the core's reading of the tape may cost for validate() to reach 0.35x Ajv.
out.tapeReadBudgetAt035 = Math.round(out.ajv / 0.35 - out.designBeforeTapeRead);
const jsonBytes = texts.reduce((n, t) => n + t.length, 0) / texts.length;
console.log(JSON.stringify({ row: "tape", unit: "ns per object", n: bodies.length, jsonBytes, tapeBytes: tapeBytes / bodies.length, ...out, sink }));
