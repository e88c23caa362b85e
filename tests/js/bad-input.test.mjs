// The bad-input rows too big for tests/fixtures/bad-input.json, through the npm package's
// Node build (pkg/node.js, built by `make pkg`): 1,000,000 device keys, a 50 MB string,
// 10,000-deep arrays and objects, and lone surrogates that only JavaScript strings can
// hold. JS values go through validate(), text through validateJson(). After every row
// the module must still answer a known case correctly (no trap, no poisoned state).
// Run by `make test-bad-input-js`. ENOS_PKG may point at another copy of the entry.
import { test } from "node:test";
import assert from "node:assert/strict";

const entry = process.env.ENOS_PKG ?? new URL("../../pkg/node.js", import.meta.url).href;
const { validate, validateJson, normalize, buildRequest, parseResponse } = await import(entry);

const scope = (keys, type = "partial") => ({ type, versionNumbers: ["1.0"], deviceKeys: keys });
const upgrade = (keys) => ({ type: "upgrade", upgradePolicy: "snapshot", enableUpgradeRequest: true, upgradeScope: scope(keys) });
const verify = (keys) => ({ type: "verify", upgradeScope: scope(keys) });

const summary = (r) => ({ valid: r.valid, errors: r.errors.map((e) => [e.path, e.code]), warnings: r.warnings.map((w) => [w.path, w.code]) });
const OK = { valid: true, errors: [], warnings: [] };
const err = (...pairs) => ({ valid: false, errors: pairs, warnings: [] });
const warn = (...pairs) => ({ valid: true, errors: [], warnings: pairs });

/** The module still answers: a valid body, an invalid one, a response, as before. */
function stillWorks() {
  assert.deepEqual(summary(validate(upgrade(["d1", "d2"]))), OK);
  assert.deepEqual(summary(validateJson('{"type":"verify","upgradeTimeout":1}')), err(["/upgradeScope", "required"], ["/upgradeTimeout", "out_of_range"]));
  assert.deepEqual(parseResponse('{"code":0,"data":{"jobId":"j"}}').jobId, "j");
}

/** Checks a JS value through validate() and its JSON text through validateJson(). */
function both(value, want) {
  assert.deepEqual(summary(validate(value)), want, "validate(value)");
  assert.deepEqual(summary(validateJson(JSON.stringify(value))), want, "validateJson(text)");
  stillWorks();
}

const MILLION = 1_000_000;
const keys = (n, f = (i) => `device-${String(i).padStart(7, "0")}`) => Array.from({ length: n }, (_, i) => f(i));

test("1,000,000 distinct device keys: valid upgrade, one 24612 for verify", () => {
  const many = keys(MILLION);
  both(upgrade(many), OK);
  both(verify(many), err(["/upgradeScope/deviceKeys", "too_many_device_keys"]));
  const r = validate(verify(many));
  assert.equal(r.errors[0].enosCode, 24612);
});

test("1,000,000 device keys, every other one a repeat: 500,000 warnings in order", () => {
  const r = validate(upgrade(keys(MILLION, (i) => `d${i >> 1}`)));
  assert.equal(r.valid, true);
  assert.equal(r.warnings.length, MILLION / 2);
  r.warnings.forEach((w, n) => {
    if (w.code !== "duplicate_value" || w.path !== `/upgradeScope/deviceKeys/${2 * n + 1}`) assert.fail(`warning ${n}: ${w.path} ${w.code}`);
  });
  stillWorks();
});

test("1,000,000 device keys through normalize and buildRequest", () => {
  const body = upgrade(keys(MILLION));
  const n = normalize(body);
  assert.equal(n.report.valid, true);
  assert.equal(n.body.upgradeScope.deviceKeys.length, MILLION);
  assert.equal(n.body.upgradeTimeout, 7200);
  const b = buildRequest({ orgId: "o", firmwareId: "f", body });
  assert.equal(b.report.valid, true);
  assert.equal(JSON.parse(b.request.body).upgradeScope.deviceKeys.length, MILLION);
  stillWorks();
});

const FIFTY_MB = 50 * 1024 * 1024;

test("a 50 MB string as a device key, a name and a key", () => {
  const big = "k".repeat(FIFTY_MB);
  both(verify([big]), OK);
  both({ ...verify(["d"]), name: { defaultValue: big } }, OK);
  const r = validateJson(JSON.stringify({ ...verify(["d"]), [big]: 1 }));
  assert.deepEqual([r.valid, r.errors.length, r.warnings.length, r.warnings[0].code], [true, 0, 1, "unknown_field"]);
  assert.equal(r.warnings[0].path.length, FIFTY_MB + 1);
  stillWorks();
});

test("a 50 MB string where it does not belong", () => {
  const big = "9".repeat(FIFTY_MB);
  const r = validate({ ...verify(["d"]), upgradeTimeout: big });
  assert.deepEqual(summary(r), { valid: false, errors: [["/upgradeTimeout", "out_of_range"]], warnings: [["/upgradeTimeout", "numeric_string"]] });
  stillWorks();
  both({ ...upgrade(["d"]), upgradePolicy: big }, err(["/upgradePolicy", "invalid_value"]));
  const unterminated = validateJson(`{"type":"${big}`);
  assert.deepEqual(summary(unterminated), err(["", "invalid_json"]));
  assert.match(unterminated.errors[0].message, new RegExp(`column ${FIFTY_MB + 10}\\b`));
  stillWorks();
});

const DEEP = 10_000;

test("10,000-deep arrays and objects: one invalid_json, as text and as JS values", () => {
  const arrays = "[".repeat(DEEP) + "]".repeat(DEEP);
  const objects = '{"a":'.repeat(DEEP) + "1" + "}".repeat(DEEP);
  for (const text of [arrays, objects, "[".repeat(DEEP), `{"type":"verify","x":${arrays}}`]) {
    assert.deepEqual(summary(validateJson(text)), err(["", "invalid_json"]));
    stillWorks();
  }
  let array = [];
  let object = {};
  for (let i = 0; i < DEEP; i++) {
    array = [array];
    object = { a: object };
  }
  for (const value of [array, object, { ...verify(["d"]), x: array }, verify([object])]) {
    const r = validate(value);
    assert.equal(r.valid, false);
    assert.deepEqual(r.errors.map((e) => e.code), ["invalid_json"]);
    assert.equal(r.errors[0].path, "");
    stillWorks();
  }
  assert.equal(normalize(object).report.valid, false);
  assert.equal(buildRequest({ orgId: "o", firmwareId: "f", body: array }).report.valid, false);
  assert.equal(parseResponse(objects).error, "invalid_json");
  stillWorks();
});

test("lone surrogates in JS strings read as U+FFFD", () => {
  // As a key and a value of a JS object: JSON.stringify escapes them, the core reads U+FFFD.
  both({ ...verify(["d"]), "\ud800": 1 }, warn(["/\ufffd", "unknown_field"]));
  both(verify(["\udc00", "ok"]), OK);
  // Two different lone surrogates are the same U+FFFD once read: a repeat (and a repeated
  // unknown key is one unknown_field).
  both(verify(["\ud800", "\udbff"]), warn(["/upgradeScope/deviceKeys/1", "duplicate_value"]));
  const twoKeys = validate({ ...verify(["d"]), "\ud800": 1, "\udbff": 2 });
  assert.deepEqual(summary(twoKeys), { valid: false, errors: [["/\ufffd", "duplicate_key"]], warnings: [["/\ufffd", "unknown_field"]] });
  // Raw (unescaped) in JSON text: the text crosses to WebAssembly as UTF-8, with U+FFFD.
  assert.deepEqual(summary(validateJson(`{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["d"]},"\ud800":1}`)), warn(["/\ufffd", "unknown_field"]));
  // A high surrogate followed by a low one is one character, not two.
  both({ ...verify(["d"]), "\ud83d\ude00": 1 }, warn(["/😀", "unknown_field"]));
  stillWorks();
});

test("odd Unicode keys: NUL, RTL marks, emoji, BOM", () => {
  for (const key of ["\u0000", "\u200f", "\u202etype\u202c", "😀", "\ufeff", "a\u200db", "ｔｙｐｅ"]) {
    both({ ...verify(["d"]), [key]: null }, warn([`/${key}`, "unknown_field"]));
  }
});

test("-0 in a JS value is the number 0 (JSON.stringify writes 0); as text it is invalid_type", () => {
  both({ ...upgrade(["d"]), retryPolicy: { enableRetry: true, retryInterval: -0, retryCount: 1 } }, OK);
  both({ ...upgrade(["d"]), maximumConcurrency: -0 }, err(["/maximumConcurrency", "out_of_range"]));
  const text = JSON.stringify(upgrade(["d"])).replace(/}$/, ',"maximumConcurrency":-0}');
  assert.deepEqual(summary(validateJson(text)), err(["/maximumConcurrency", "invalid_type"]));
  stillWorks();
});

test("integers beyond 2^53 from JS: BigInt keeps its digits, a Number is out of range", () => {
  both({ ...verify(["d"]), upgradeTimeout: 2 ** 63 }, err(["/upgradeTimeout", "out_of_range"]));
  assert.deepEqual(summary(validate({ ...verify(["d"]), upgradeTimeout: 9223372036854775808n })), err(["/upgradeTimeout", "out_of_range"]));
  assert.deepEqual(summary(validate({ ...verify(["d"]), upgradeTimeout: 7200n })), OK);
  both({ ...upgrade(["d"]), maximumConcurrency: 2147483647 }, OK);
  both({ ...upgrade(["d"]), maximumConcurrency: 2147483648 }, err(["/maximumConcurrency", "out_of_range"]));
  stillWorks();
});
