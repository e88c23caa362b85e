// The JavaScript face of enos-ota-job, shared by the Node entry (node.js) and the
// browser entry (web.js). It only converts values: every rule lives in the Rust core,
// which this file reaches through the wasm-bindgen glue passed to `createApi`.
//
// JS values reach the core as JSON text. A value that JSON cannot carry (undefined in an
// array, NaN, Infinity, a function, a symbol, a cyclic reference, a property whose
// getter throws) is sent as a placeholder, and its path and kind go to the core, which
// reports it (`invalid_type`) in the requested locale; a BigInt is sent as the integer it
// is. This file holds no message text and builds no issue. Nothing here throws for any
// input value.

const MAX_DEPTH = 130; // deeper than the core's 128-level limit, which then reports it
const MAX_VALUES = 20_000_000; // bigger values are refused without walking them to the end
const MAX_FOREIGN = 100; // stop collecting non-JSON values after this many
const PLACEHOLDER = "0.5"; // a fraction: the core reports `invalid_type` wherever a type is checked

const objectProto = Object.prototype;
const isArray = Array.isArray;
const getProto = Object.getPrototypeOf;
const keysOf = Object.keys;

// --- JS value -> JSON text ------------------------------------------------------------

let budget = 0;

// True when JSON.stringify(value) writes exactly this value: plain objects and arrays of
// strings, booleans, null and finite numbers below 1e21, not too deep. Properties that
// are undefined are skipped, as JSON.stringify skips them (an absent field).
function plain(v, depth) {
  switch (typeof v) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return v < 1e21 && v > -1e21; // false for NaN and the infinities
    case "object": {
      if (v === null) return true;
      if (depth >= MAX_DEPTH || --budget < 0) return false;
      if (isArray(v)) {
        const n = v.length;
        if (v.toJSON !== undefined || (budget -= n) < 0) return false;
        for (let i = 0; i < n; i++) {
          const x = v[i];
          if (typeof x !== "string" && !plain(x, depth + 1)) return false;
        }
        return true;
      }
      const proto = getProto(v);
      if ((proto !== objectProto && proto !== null) || v.toJSON !== undefined) return false;
      const keys = keysOf(v);
      for (let i = 0, n = keys.length; i < n; i++) {
        const x = v[keys[i]];
        if (typeof x !== "string" && x !== undefined && !plain(x, depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

function escapeToken(key) {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

class Abort {
  constructor(kind) {
    this.kind = kind;
  }
}

// JSON.stringify's conversion (toJSON, boxed primitives, enumerable own string keys),
// except that what JSON cannot carry is recorded in `foreign` instead of being dropped
// or turned into null, and nothing throws.
function careful(root) {
  const foreign = [];
  const converted = [];
  const ancestors = new Set();
  let values = 0;

  const note = (path, kind) => {
    if (foreign.length >= MAX_FOREIGN) throw new Abort("tooManyForeign");
    foreign.push([path, kind]);
    return PLACEHOLDER;
  };

  // Returns JSON text, or undefined for an undefined object property (left out).
  function walk(v, key, path, depth, inObject) {
    if (++values > MAX_VALUES) throw new Abort("tooLarge");
    if ((typeof v === "object" && v !== null) || typeof v === "function") {
      let toJSON;
      try {
        toJSON = v.toJSON;
        if (typeof toJSON === "function") {
          v = toJSON.call(v, key);
          // A member of the input object written through toJSON (a Date): a fact the
          // core's rules may need (buildRequest's orgId must be a string, not a Date).
          if (depth === 1) converted.push([path, "converted"]);
        }
      } catch {
        return note(path, "unreadable");
      }
    }
    if (typeof v === "object" && v !== null) {
      try {
        if (v instanceof Number) v = Number(v);
        else if (v instanceof String) v = String(v);
        else if (v instanceof Boolean) v = v.valueOf();
        else if (typeof BigInt === "function" && v instanceof BigInt) v = v.valueOf();
      } catch {
        return note(path, "unreadable");
      }
    }
    switch (typeof v) {
      case "string":
        return JSON.stringify(v);
      case "boolean":
        return v ? "true" : "false";
      case "number":
        if (v !== v) return note(path, "NaN");
        if (v === Infinity) return note(path, "Infinity");
        if (v === -Infinity) return note(path, "-Infinity");
        // A JS integer of 1e21 or more is written with its digits, not as 1e+21.
        if ((v >= 1e21 || v <= -1e21) && Number.isInteger(v)) return BigInt(v).toString();
        return JSON.stringify(v);
      case "bigint":
        return v.toString();
      case "undefined":
        return inObject ? undefined : note(path, "undefined");
      case "function":
        return note(path, "function");
      case "symbol":
        return note(path, "symbol");
      default:
        break;
    }
    if (v === null) return "null";
    // Deeper than the core accepts: its report says so, whatever lies below.
    if (depth >= MAX_DEPTH) return "0";
    if (ancestors.has(v)) return note(path, "cycle");
    ancestors.add(v);
    try {
      let array;
      try {
        array = isArray(v);
      } catch {
        return note(path, "unreadable");
      }
      if (array) {
        let n;
        try {
          n = v.length >>> 0;
        } catch {
          return note(path, "unreadable");
        }
        if (n > MAX_VALUES - values) throw new Abort("tooLarge");
        let out = "[";
        for (let i = 0; i < n; i++) {
          if (values > MAX_VALUES) throw new Abort("tooLarge");
          const p = path + "/" + i;
          let x;
          try {
            x = v[i];
          } catch {
            out += (i ? "," : "") + note(p, "unreadable");
            continue;
          }
          out += (i ? "," : "") + walk(x, String(i), p, depth + 1, false);
        }
        return out + "]";
      }
      let keys;
      try {
        keys = keysOf(v);
      } catch {
        return note(path, "unreadable");
      }
      let out = "{";
      let first = true;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const p = path + "/" + escapeToken(k);
        let text;
        try {
          text = walk(v[k], k, p, depth + 1, true);
        } catch (e) {
          if (e instanceof Abort) throw e;
          text = note(p, "unreadable");
        }
        if (text === undefined) continue;
        out += (first ? "" : ",") + JSON.stringify(k) + ":" + text;
        first = false;
      }
      return out + "}";
    } finally {
      ancestors.delete(v);
    }
  }

  try {
    const text = walk(root, "", "", 0, false);
    return { text, foreign: converted.length ? foreign.concat(converted) : foreign };
  } catch (e) {
    const kind = e instanceof Abort ? e.kind : "tooLarge"; // e.g. RangeError: string too long
    return { text: PLACEHOLDER, foreign: [["", kind]] };
  }
}

const NO_FOREIGN = [];

// Any JS value -> { text, foreign }. The fast path is V8's own JSON.stringify, taken
// only when a quick walk shows that it would write the value exactly.
export function toJsonText(value) {
  budget = MAX_VALUES;
  try {
    if (plain(value, 0)) {
      const text = JSON.stringify(value);
      if (typeof text === "string") return { text, foreign: NO_FOREIGN };
    }
  } catch {
    // a getter or a proxy threw: the careful walk finds where
  }
  return careful(value);
}

// Options: undefined and null mean the defaults (""), anything else goes to the core,
// which reports a bad option at /options/... and carries on with its default.
function optionsText(options) {
  if (options === undefined || options === null) return "";
  return toJsonText(options).text;
}

function localeOf(options) {
  try {
    return options !== null && typeof options === "object" && options.locale === "zh" ? "zh" : "en";
  } catch {
    return "en";
  }
}

// What validateJson was given instead of text, for the core's message.
function typeName(v) {
  if (v === null) return "null";
  const t = typeof v;
  if (t !== "object") return t;
  try {
    return isArray(v) ? "array" : "object";
  } catch {
    return "object"; // a revoked proxy
  }
}

// The list of values JSON could not carry, as the core reads it ("" for none).
function foreignText(foreign) {
  return foreign.length ? JSON.stringify(foreign) : "";
}

let encoder;
let decoder;
// The byte lengths of the options and of the JS values list that `put` wrote last.
let optionsBytes = 0;
let foreignBytes = 0;

// Returns put(options, foreign, text): writes the three texts one after the other into
// the module's input buffer with TextEncoder.encodeInto (a native copy; wasm-bindgen's
// own string argument copies character by character) and returns the text's length in
// bytes (the others' are left in optionsBytes and foreignBytes). The buffer starts at a
// fixed address and runs to the end of memory: the view of it is made again only when
// memory grew (which detaches the old one) or the input needs more room than there is,
// and the rest of a long non-ASCII text goes in a second step. One per module instance.
function writer(raw) {
  let memory;
  let base = 0;
  let view = new Uint8Array(0);
  // At least `bytes` of room at the input buffer, its first `keep` bytes kept.
  const room = (keep, bytes) => {
    if (view.length >= bytes) return;
    base = raw.inputBuffer(keep, bytes);
    if (base === 0) throw new RangeError("out of memory");
    view = new Uint8Array(memory.buffer, base);
  };
  return (options, foreign, text) => {
    encoder ??= new TextEncoder();
    memory ??= raw.wasmMemory();
    const head = options.length + foreign.length;
    const n = text.length;
    // Room for any UTF-8 of a short text at once (one copy), for ASCII of a long one.
    room(0, 3 * head + (n < 65536 ? 3 * n : n) + 8);
    optionsBytes = options ? encoder.encodeInto(options, view).written : 0;
    foreignBytes = foreign ? encoder.encodeInto(foreign, view.subarray(optionsBytes)).written : 0;
    const at = optionsBytes + foreignBytes;
    let { read, written } = encoder.encodeInto(text, at ? view.subarray(at) : view);
    if (read < n) {
      room(at + written, at + written + (n - read) * 3);
      written += encoder.encodeInto(text.slice(read), view.subarray(at + written)).written;
    }
    return written;
  };
}

// A report's block (src/report/block.rs): a header, then fifteen words an issue and five
// a fix operation; its text (at the address of the header's fifth word) is sliced in
// UTF-16 code units. Address 0 is the clean report (valid, no warnings). Exported for the benchmarks only (benches/js/row.mjs):
// the package's entries do not re-export it.
export function reader(raw) {
  let memory;
  let words = new Uint32Array(0);
  let bytes = new Uint8Array(0);
  let at = 0;
  let text = "";
  const slice = (i) => text.slice(words[i], words[i + 1]);

  function issues(list, n, errors) {
    for (let k = 0; k < n; k++) {
      const flags = words[at];
      const path = slice(at + 4);
      const code = slice(at + 2);
      const message = slice(at + 6);
      // One object literal per shape, whole (V8 makes it from the literal's boilerplate),
      // rather than properties added one by one; hint and fix are added after.
      let issue;
      if (errors) {
        const enosCode = words[at + 1] === 0 ? null : words[at + 1];
        issue =
          flags & 1
            ? {
                path,
                code,
                message,
                enosCode,
                line: words[at + 10],
                column: words[at + 11],
                endLine: words[at + 12],
                endColumn: words[at + 13],
              }
            : { path, code, message, enosCode };
      } else {
        issue =
          flags & 1
            ? { path, code, message, line: words[at + 10], column: words[at + 11], endLine: words[at + 12], endColumn: words[at + 13] }
            : { path, code, message };
      }
      if (flags & 2) issue.hint = slice(at + 8);
      const ops = words[at + 14];
      at += 15;
      if (ops) {
        const fix = [];
        for (let j = 0; j < ops; j++, at += 5) {
          fix.push(
            words[at] === 0
              ? { op: "move", from: slice(at + 1), path: slice(at + 3) }
              : { op: "replace", path: slice(at + 1), value: JSON.parse(slice(at + 3)) },
          );
        }
        issue.fix = fix;
      }
      list.push(issue);
    }
  }

  return (ptr) => {
    if (ptr === 0) return { valid: true, errors: [], warnings: [] };
    memory ??= raw.wasmMemory();
    // Views of memory are detached (length 0) once it grows.
    if (words.length === 0) {
      words = new Uint32Array(memory.buffer);
      bytes = new Uint8Array(memory.buffer);
    }
    decoder ??= new TextDecoder();
    at = ptr >>> 2;
    const start = words[at + 4];
    text = decoder.decode(bytes.subarray(start, start + words[at + 1]));
    const nErrors = words[at + 2];
    const nWarnings = words[at + 3];
    at += 5;
    const errors = [];
    const warnings = [];
    issues(errors, nErrors, true);
    issues(warnings, nWarnings, false);
    text = "";
    return { valid: nErrors === 0, errors, warnings };
  };
}

// --- the public API -------------------------------------------------------------------

// Last resort: if the WebAssembly call itself fails (its memory cannot hold an enormous
// input), the caller still gets a result, and later calls keep working. The core writes
// these results in advance, in both locales, while the module is sound.
const FAILURE_KINDS = { report: 0, wrapped: 1, response: 2 };

function guarded(raw) {
  const put = writer(raw);
  const read = reader(raw);
  const failures = { en: {}, zh: {} };
  for (const locale of ["en", "zh"]) {
    for (const [name, kind] of Object.entries(FAILURE_KINDS)) {
      try {
        failures[locale][name] = raw.failureText(kind, `{"locale":"${locale}"}`);
      } catch {
        failures[locale][name] = undefined;
      }
    }
  }
  const guard = (fn, name) => (text, opts, foreign, positions, options) => {
    try {
      return fn(text, opts, foreign, positions);
    } catch (e) {
      const failure = failures[localeOf(options)][name];
      if (failure === undefined) throw e;
      return JSON.parse(failure);
    }
  };
  return {
    validateText: guard((text, opts, foreign, positions) => {
      const n = put(opts, foreign, text);
      return read(raw.validateInput(optionsBytes, foreignBytes, n, positions));
    }, "report"),
    normalizeJson: guard((text, opts, foreign) => {
      const n = put(opts, foreign, text);
      return JSON.parse(raw.normalizeInput(optionsBytes, foreignBytes, n));
    }, "wrapped"),
    buildRequestJson: guard((text, opts, foreign) => {
      const n = put(opts, foreign, text);
      return JSON.parse(raw.buildRequestInput(optionsBytes, foreignBytes, n));
    }, "wrapped"),
    parseResponse: guard((text) => JSON.parse(raw.parseResponseInput(put("", "", text))), "response"),
  };
}

export function createApi(unguarded, ready = () => {}) {
  let raw;
  // The module is read on first use: the browser build has no instance before init().
  const core = () => (raw ??= guarded(unguarded));
  function validateJson(text, options) {
    ready();
    const opts = optionsText(options);
    if (typeof text === "string") return core().validateText(text, opts, "", true, options);
    // Not text at all: the core reports the empty text, saying what was given instead.
    const foreign = `[["","text:${typeName(text)}"]]`;
    return core().validateText("", opts, foreign, false, options);
  }

  function validate(body, options) {
    ready();
    const { text, foreign } = toJsonText(body);
    return core().validateText(text, optionsText(options), foreignText(foreign), false, options);
  }

  function normalize(body, options) {
    ready();
    const { text, foreign } = toJsonText(body);
    return core().normalizeJson(text, optionsText(options), foreignText(foreign), false, options);
  }

  function buildRequest(input, options) {
    ready();
    const { text, foreign } = toJsonText(input);
    return core().buildRequestJson(text, optionsText(options), foreignText(foreign), false, options);
  }

  function parseResponse(text) {
    ready();
    // A response that was already parsed (`await res.json()`) is read as its JSON text.
    const json = typeof text === "string" ? text : toJsonText(text).text;
    return core().parseResponse(json);
  }

  return { validate, validateJson, normalize, buildRequest, parseResponse };
}
