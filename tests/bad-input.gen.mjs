// Writes tests/fixtures/bad-input.json, the bad-input matrix of issue 5 §3 that fits in a
// file: every field with every wrong JSON type, null everywhere, integers at the i32/i64
// edges and beyond, fractions, exponents and -0, duplicate keys at several depths, odd
// Unicode keys and malformed JSON of many kinds. The expected reports are derived here
// from SPEC §2/§7 (not from the implementation); tests/fixtures.rs runs the file natively
// and tests/js runs it through the npm package. Rows too big for a file (10^6 device keys,
// a 50 MB string, 10,000-deep nesting) are generated in tests/bad_input.rs and
// tests/js/bad-input.test.mjs.
//
//   node tests/bad-input.gen.mjs        # rewrite the file
//   node tests/bad-input.gen.mjs --check # exit 1 when the file is not up to date
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const OUT = fileURLToPath(new URL("./fixtures/bad-input.json", import.meta.url));

const UPGRADE = {
  type: "upgrade",
  name: { defaultValue: "job", i18nValue: { en_US: "job" } },
  upgradeScope: { type: "partial", versionNumbers: ["1.0"], deviceKeys: ["d1"] },
  upgradePolicy: "snapshot",
  enableUpgradeRequest: true,
  upgradeTimeout: 7200,
  retryPolicy: { enableRetry: true, retryInterval: 60, retryCount: 3 },
  schedulePolicy: { isRepeatDaily: false, startTimestamp: 1704150000000, endTimestamp: 1704157200000, timezoneOffsetInMinutes: 480 },
  maximumConcurrency: 300,
};
const withScope = (selector) => ({
  type: "upgrade",
  upgradePolicy: "snapshot",
  enableUpgradeRequest: true,
  upgradeScope: { type: "partial", versionNumbers: ["1.0"], ...selector },
});
const ATTRIBUTES = withScope({ attributes: { color: ["red", 1] } });
const TAGS = withScope({ tags: { site: ["a"] } });
const TREES = withScope({ assetTrees: [{ treeId: "t1", includedNodes: ["n1"] }] });
const VERIFY = {
  type: "verify",
  name: { defaultValue: "v" },
  upgradeTimeout: 600,
  upgradeScope: { type: "partial", versionNumbers: ["1.0"], deviceKeys: ["d1", "d2"] },
};
const BASES = { UPGRADE, ATTRIBUTES, TAGS, TREES, VERIFY };

const OK = { valid: true, errors: [], warnings: [] };
const err = (...pairs) => ({ valid: false, errors: pairs, warnings: [] });
const warn = (...pairs) => ({ valid: true, errors: [], warnings: pairs });

// The wrong values of each expected type: one of every other JSON type.
const WRONG = {
  object: ["x", 7, true, []],
  string: [7, true, [], {}],
  bool: ["true", 1, [], {}],
  int: ["x", true, [], {}],
  array: ["x", 7, true, {}],
};

// [base, JSON Pointer, expected type, the report when the value is null]
const FIELDS = [
  ["UPGRADE", "/name", "object", OK],
  ["UPGRADE", "/name/defaultValue", "string", err(["/name/defaultValue", "required"])],
  ["UPGRADE", "/name/i18nValue", "object", OK],
  ["UPGRADE", "/name/i18nValue/en_US", "string", err(["/name/i18nValue/en_US", "invalid_type"])],
  ["UPGRADE", "/type", "string", err(["/type", "required"])],
  ["UPGRADE", "/upgradeScope", "object", err(["/upgradeScope", "required"])],
  ["UPGRADE", "/upgradeScope/type", "string", err(["/upgradeScope/type", "required"])],
  ["UPGRADE", "/upgradeScope/versionNumbers", "array", err(["/upgradeScope/versionNumbers", "required"])],
  ["UPGRADE", "/upgradeScope/versionNumbers/0", "string", err(["/upgradeScope/versionNumbers/0", "invalid_type"])],
  ["UPGRADE", "/upgradeScope/deviceKeys", "array", err(["/upgradeScope", "missing_selector"])],
  ["UPGRADE", "/upgradeScope/deviceKeys/0", "string", err(["/upgradeScope/deviceKeys/0", "invalid_type"])],
  ["UPGRADE", "/upgradePolicy", "string", err(["/upgradePolicy", "required"])],
  ["UPGRADE", "/enableUpgradeRequest", "bool", err(["/enableUpgradeRequest", "required"])],
  ["UPGRADE", "/upgradeTimeout", "int", OK],
  ["UPGRADE", "/retryPolicy", "object", OK],
  ["UPGRADE", "/retryPolicy/enableRetry", "bool", warn(["/retryPolicy/retryInterval", "ignored_field"], ["/retryPolicy/retryCount", "ignored_field"])],
  ["UPGRADE", "/retryPolicy/retryInterval", "int", err(["/retryPolicy/retryInterval", "required"])],
  ["UPGRADE", "/retryPolicy/retryCount", "int", err(["/retryPolicy/retryCount", "required"])],
  ["UPGRADE", "/schedulePolicy", "object", OK],
  ["UPGRADE", "/schedulePolicy/isRepeatDaily", "bool", OK],
  ["UPGRADE", "/schedulePolicy/startTimestamp", "int", err(["/schedulePolicy/startTimestamp", "required"])],
  ["UPGRADE", "/schedulePolicy/endTimestamp", "int", err(["/schedulePolicy/endTimestamp", "required"])],
  ["UPGRADE", "/schedulePolicy/timezoneOffsetInMinutes", "int", OK],
  ["UPGRADE", "/maximumConcurrency", "int", OK],
  ["ATTRIBUTES", "/upgradeScope/attributes", "object", err(["/upgradeScope", "missing_selector"])],
  ["ATTRIBUTES", "/upgradeScope/attributes/color", "array", err(["/upgradeScope/attributes/color", "invalid_type"])],
  ["ATTRIBUTES", "/upgradeScope/attributes/color/0", null, err(["/upgradeScope/attributes/color/0", "invalid_type"])],
  ["TAGS", "/upgradeScope/tags", "object", err(["/upgradeScope", "missing_selector"])],
  ["TAGS", "/upgradeScope/tags/site", "array", err(["/upgradeScope/tags/site", "invalid_type"])],
  ["TAGS", "/upgradeScope/tags/site/0", "string", err(["/upgradeScope/tags/site/0", "invalid_type"])],
  ["TREES", "/upgradeScope/assetTrees", "array", err(["/upgradeScope", "missing_selector"])],
  ["TREES", "/upgradeScope/assetTrees/0", "object", err(["/upgradeScope/assetTrees/0", "invalid_type"])],
  ["TREES", "/upgradeScope/assetTrees/0/treeId", "string", err(["/upgradeScope/assetTrees/0/treeId", "required"])],
  ["TREES", "/upgradeScope/assetTrees/0/includedNodes", "array", OK],
  ["TREES", "/upgradeScope/assetTrees/0/includedNodes/0", "string", err(["/upgradeScope/assetTrees/0/includedNodes/0", "invalid_type"])],
  ["VERIFY", "/name", "object", OK],
  ["VERIFY", "/upgradeTimeout", "int", OK],
  ["VERIFY", "/upgradeScope/deviceKeys", "array", err(["/upgradeScope/deviceKeys", "required"])],
  ["VERIFY", "/upgradeScope/deviceKeys/1", "string", err(["/upgradeScope/deviceKeys/1", "invalid_type"])],
];

// Upgrade-only fields in a verify job: whatever their value, only `ignored_field`.
const VERIFY_IGNORED = ["upgradePolicy", "enableUpgradeRequest", "retryPolicy", "schedulePolicy", "maximumConcurrency"];

function set(base, pointer, value) {
  const body = structuredClone(base);
  const tokens = pointer.split("/").slice(1);
  let at = body;
  for (const t of tokens.slice(0, -1)) at = at[t];
  at[tokens.at(-1)] = value;
  return body;
}

const show = (v) => (v === null ? "null" : JSON.stringify(v));
const rows = [];
const row = (name, input, expect, options) => rows.push({ name, ...input, ...(options ? { options } : {}), expect });

// 1. Every field with every wrong JSON type, and null.
for (const [base, pointer, type, ifNull] of FIELDS) {
  for (const value of type ? WRONG[type] : []) {
    row(`${base.toLowerCase()} ${pointer} = ${show(value)}: wrong type`, { body: set(BASES[base], pointer, value) }, err([pointer, "invalid_type"]));
  }
  row(`${base.toLowerCase()} ${pointer} = null`, { body: set(BASES[base], pointer, null) }, ifNull);
}
for (const field of VERIFY_IGNORED) {
  for (const value of ["x", 7, true, [], {}, { upgradeScope: 1 }]) {
    row(`verify /${field} = ${show(value)}: ignored, content unchecked`, { body: set(VERIFY, `/${field}`, value) }, warn([`/${field}`, "ignored_field"]));
  }
  row(`verify /${field} = null: absent`, { body: set(VERIFY, `/${field}`, null) }, OK);
}
for (const value of [null, 7, "x", true, []]) {
  row(`root = ${show(value)}`, { body: value }, err(["", "invalid_type"]));
}
row("null in an unknown field is still unknown", { body: { ...UPGRADE, startSchedule: null } }, warn(["/startSchedule", "unknown_field"]));
row(
  "every optional field null at once",
  {
    body: {
      ...UPGRADE,
      name: null,
      upgradeTimeout: null,
      retryPolicy: null,
      schedulePolicy: null,
      maximumConcurrency: null,
    },
  },
  OK,
);

// 2. Integers at the i32/i64 edges and beyond, fractions, exponents, -0 (as text: a JS
// number or a serde_json Value would change them).
const I32_MAX = 2147483647n;
const I64_MAX = 9223372036854775807n;
const EDGES = [
  I32_MAX, I32_MAX + 1n, -I32_MAX - 1n, -I32_MAX - 2n,
  4294967295n, 4294967296n,
  I64_MAX, I64_MAX + 1n, -I64_MAX - 1n, -I64_MAX - 2n,
  18446744073709551615n, 18446744073709551616n,
  10n ** 30n, -(10n ** 30n),
];
const FRACTIONS = ["7200.0", "7.2e3", "72E2", "7200e0", "7200E+0", "720000e-2", "1.5", "0.0", "0e0", "1e400", "-1e-400", "7200.000000000000000000001", "-0", "-0.0", "-0e0", "-0E-0"];
const INTEGER_FIELDS = [
  ["UPGRADE", "/upgradeTimeout", 300n, 172800n],
  ["UPGRADE", "/maximumConcurrency", 1n, I32_MAX],
  ["UPGRADE", "/retryPolicy/retryInterval", 0n, 86400n],
  ["UPGRADE", "/retryPolicy/retryCount", 1n, 5n],
  ["UPGRADE", "/schedulePolicy/timezoneOffsetInMinutes", -720n, 840n],
  ["VERIFY", "/upgradeTimeout", 300n, 172800n],
];
const PLACEHOLDER = "__NUMBER__";
const textWith = (base, pointer, literal) => JSON.stringify(set(BASES[base], pointer, PLACEHOLDER)).replace(`"${PLACEHOLDER}"`, literal);

for (const [base, pointer, min, max] of INTEGER_FIELDS) {
  const values = [...new Set([min - 1n, min, max, max + 1n, ...EDGES])];
  for (const v of values) {
    const inRange = v >= min && v <= max;
    row(`${base.toLowerCase()} ${pointer} ${v}`, { text: textWith(base, pointer, String(v)) }, inRange ? OK : err([pointer, "out_of_range"]));
  }
  for (const literal of FRACTIONS) {
    row(`${base.toLowerCase()} ${pointer} ${literal}: not an integer literal`, { text: textWith(base, pointer, literal) }, err([pointer, "invalid_type"]));
  }
  for (const v of [max, max + 1n, I64_MAX + 1n]) {
    const inRange = v >= min && v <= max;
    const digits = `"${v}"`;
    row(`${base.toLowerCase()} ${pointer} ${digits}: numeric string`, { text: textWith(base, pointer, digits) }, {
      valid: inRange,
      errors: inRange ? [] : [[pointer, "out_of_range"]],
      warnings: [[pointer, "numeric_string"]],
    });
  }
}

// Timestamps: any integer that is not 13 digits is invalid_timestamp; a fraction is invalid_type.
for (const field of ["startTimestamp", "endTimestamp"]) {
  const pointer = `/schedulePolicy/${field}`;
  for (const v of [999999999999n, 10000000000000n, 0n, -1n, -1704150000000n, I32_MAX, I64_MAX, I64_MAX + 1n, -I64_MAX - 2n, 10n ** 30n]) {
    row(`${pointer} ${v}`, { text: textWith("UPGRADE", pointer, String(v)) }, err([pointer, "invalid_timestamp"]));
  }
  for (const literal of ["1704150000000.0", "1.70415e12", "1704150000000e0", "-0"]) {
    row(`${pointer} ${literal}: invalid_type`, { text: textWith("UPGRADE", pointer, literal) }, err([pointer, "invalid_type"]));
  }
  row(`${pointer} "${I64_MAX + 1n}": beyond 64 bits as a numeric string`, { text: textWith("UPGRADE", pointer, `"${I64_MAX + 1n}"`) }, {
    valid: false,
    errors: [[pointer, "invalid_timestamp"]],
    warnings: [[pointer, "numeric_string"]],
  });
}
row("/schedulePolicy/startTimestamp 1000000000000: the smallest", { text: textWith("UPGRADE", "/schedulePolicy/startTimestamp", "1000000000000") }, OK);
row("/schedulePolicy/endTimestamp 9999999999999: the largest", { text: textWith("UPGRADE", "/schedulePolicy/endTimestamp", "9999999999999") }, OK);
row("/schedulePolicy/startTimestamp 9999999999999: after the end", { text: textWith("UPGRADE", "/schedulePolicy/startTimestamp", "9999999999999") }, err(["/schedulePolicy/endTimestamp", "end_before_start"]));
row(
  "options maxAllowedForVerification at the u32 edge",
  { body: { ...VERIFY, upgradeScope: { ...VERIFY.upgradeScope, deviceKeys: ["a", "b", "c", "d", "e", "f", "g"] } } },
  OK,
  { firmware: { maxAllowedForVerification: 4294967295 } },
);
row("options maxAllowedForVerification beyond u32", { body: VERIFY }, err(["/options/firmware/maxAllowedForVerification", "invalid_option"]), {
  firmware: { maxAllowedForVerification: 4294967296 },
});
row("options utcOffsetMinutes at i64 max", { body: VERIFY }, err(["/options/utcOffsetMinutes", "invalid_option"]), { utcOffsetMinutes: 9223372036854775807 });

// 3. Duplicate keys at several depths: one error per repeat at the repeated member,
// reported before the rules, which then read the last value.
const dupes = [
  ["root", '{"type":"verify","type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"total","versionNumbers":["1.0"]}}', err(["/type", "duplicate_key"])],
  ["root, the last value wins", '{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"total","versionNumbers":["1.0"]},"upgradeTimeout":7200,"upgradeTimeout":1}', err(["/upgradeTimeout", "duplicate_key"], ["/upgradeTimeout", "out_of_range"])],
  ["upgradeScope", '{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["a"],"deviceKeys":["b"]}}', err(["/upgradeScope/deviceKeys", "duplicate_key"])],
  ["name/i18nValue (depth 3)", '{"type":"verify","name":{"defaultValue":"n","i18nValue":{"en_US":"a","en_US":"b","en_US":"c"}},"upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["a"]}}', err(["/name/i18nValue/en_US", "duplicate_key"], ["/name/i18nValue/en_US", "duplicate_key"])],
  ["attributes value (depth 5)", '{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"partial","versionNumbers":["1.0"],"attributes":{"c":[{"k":1,"k":2}]}}}', err(["/upgradeScope/attributes/c/0/k", "duplicate_key"])],
  ["assetTrees entry", '{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"partial","versionNumbers":["1.0"],"assetTrees":[{"treeId":"t1"},{"treeId":"t2","treeId":"t3"}]}}', err(["/upgradeScope/assetTrees/1/treeId", "duplicate_key"])],
  ["retryPolicy and schedulePolicy, in document order", '{"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,"upgradeScope":{"type":"total","versionNumbers":["1.0"]},"schedulePolicy":{"startTimestamp":1704150000000,"endTimestamp":1704157200000,"startTimestamp":1704150000000},"retryPolicy":{"enableRetry":false,"enableRetry":false}}', err(["/schedulePolicy/startTimestamp", "duplicate_key"], ["/retryPolicy/enableRetry", "duplicate_key"])],
  ["inside an unknown field, 6 levels down", '{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["a"]},"x":{"y":[[{"z":{"a":1,"b":2,"a":3}}]]}}', { valid: false, errors: [["/x/y/0/0/z/a", "duplicate_key"]], warnings: [["/x", "unknown_field"]] }],
  ["escaped and plain spellings of one key", '{"type":"verify","typ\\u0065":"verify","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["a"]}}', err(["/type", "duplicate_key"])],
  ["keys differing only in case are distinct", '{"type":"verify","Type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["a"]}}', warn(["/Type", "unknown_field"])],
  ["two lone surrogates both read as U+FFFD", '{"type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1.0"],"deviceKeys":["a"]},"\\ud800":1,"\\udbff":2}', { valid: false, errors: [["/\ufffd", "duplicate_key"]], warnings: [["/\ufffd", "unknown_field"]] }],
];
for (const [name, text, expect] of dupes) row(`duplicate keys: ${name}`, { text }, expect);

// 4. Odd Unicode in keys and values.
const VERIFY_TEXT = JSON.stringify(VERIFY);
const withKey = (key) => `${VERIFY_TEXT.slice(0, -1)},${key}:1}`;
const oddKeys = [
  ["NUL", '"\\u0000"', "/\u0000"],
  ["NUL inside a known name", '"type\\u0000"', "/type\u0000"],
  ["RTL mark", '"\\u200f"', "/\u200f"],
  ["RTL override around a known name", '"\\u202etype\\u202c"', "/\u202etype\u202c"],
  ["emoji as UTF-8", '"😀"', "/😀"],
  ["emoji as a surrogate pair escape", '"\\ud83d\\ude00"', "/😀"],
  ["lone high surrogate", '"\\ud800"', "/\ufffd"],
  ["lone low surrogate", '"\\udc00"', "/\ufffd"],
  ["high surrogate before a non-surrogate escape", '"\\ud800\\u0041"', "/\ufffdA"],
  ["BOM", '"\\ufeff"', "/\ufeff"],
  ["zero-width joiner", '"a\\u200db"', "/a\u200db"],
  ["empty key", '""', "/"],
  ["tilde and slash", '"~/"', "/~0~1"],
  ["combining accent (not normalized)", '"type\\u0301"', "/type\u0301"],
  ["fullwidth letters", '"ｔｙｐｅ"', "/ｔｙｐｅ"],
  ["noncharacter U+FFFF", '"\\uffff"', "/\uffff"],
  ["astral private use", '"\\udbff\\udfff"', "/\u{10ffff}"],
];
for (const [name, key, path] of oddKeys) {
  row(`odd key: ${name}`, { text: withKey(key) }, warn([path, "unknown_field"]));
}
row(
  "odd Unicode in device keys, version numbers and the name: valid",
  { body: { ...VERIFY, name: { defaultValue: "\u202e\u0000😀" }, upgradeScope: { ...VERIFY.upgradeScope, versionNumbers: ["\u200f1.0"], deviceKeys: ["\u0000", "😀", "\ufeff"] } } },
  OK,
);
row("a lone surrogate in a device key is a value like any other", { text: VERIFY_TEXT.replace('"d2"', '"\\udfff"') }, OK);
row("two different lone surrogates in device keys repeat as U+FFFD", { text: VERIFY_TEXT.replace('"d1","d2"', '"\\ud800","\\udbff"') }, warn(["/upgradeScope/deviceKeys/1", "duplicate_value"]));
row("NUL is not empty", { body: { ...VERIFY, upgradeScope: { ...VERIFY.upgradeScope, deviceKeys: ["\u0000"] } } }, OK);

// 5. Malformed JSON of many kinds: always exactly one invalid_json at the root.
const MALFORMED = [
  "", " ", "\n\t\r ", "\ufeff{}", "{", "}", "[", "]", "{]", "[}", "{}}", "[]]", "{}{}", "{} x",
  "[1", "[1,", "[1 ", '{"a":1', '{"a":1,', '{"a":1 ', '{"a":tr', '{"a"  ', '"\\u00', '"\\ud800\\u',
  '{"a"', '{"a":', '{"a" 1}', '{"a":1,}', '{,"a":1}', "{,}", "[,]", "[1,,2]", "[,1]", "[1,]", "[1 2]",
  "{a:1}", "{'a':1}", '{"a":1 "b":2}', "{1:2}", "{null:1}", '{"a"::1}', '{"a":1:2}',
  '"abc', '"\\', '"\\"', '"\\x41"', '"\\u12"', '"\\u12G4"', '"\\U0041"', '"\\\'"', '"\\a"',
  '"a\tb"', '"a\nb"', '"\u0000"', '"\u001f"',
  "01", "00", "-01", "1.", ".5", "+1", "1e", "1e+", "1E-", "-", "--1", "- 1", "0x10", "1_000", "1,000",
  "Infinity", "-Infinity", "NaN", "nan", "1.5.5", "1e5e5",
  "tru", "nul", "fals", "True", "NULL", "undefined", "true false", "nulll",
  "// c\n{}", "/* c */{}", "{} // c", "#{}",
  "{\u00a0}", "{\u000b}", "{\u000c}", "{\u2028}",
  '{"type":"verify",}', '{"type":"verify"', '{"type":"verify"]', '{"upgradeScope":{"deviceKeys":["a",]}}',
  "[".repeat(128) + "]".repeat(128),
  '{"a":'.repeat(128) + "1" + "}".repeat(128),
];
for (const text of MALFORMED) {
  const name = JSON.stringify(text).slice(1, -1);
  row(`malformed: ${name.length > 40 ? name.slice(0, 37) + "..." : name}`, { text }, err(["", "invalid_json"]));
}
row("127 levels inside an unknown field are read", { text: withKey('"x"').replace(/1}$/, "[".repeat(126) + "]".repeat(126) + "}") }, warn(["/x", "unknown_field"]));
row("128 levels inside an unknown field are too deep", { text: withKey('"x"').replace(/1}$/, "[".repeat(127) + "]".repeat(127) + "}") }, err(["", "invalid_json"]));

// Names must be unique: the harnesses name tests by them.
const names = new Set();
for (const r of rows) {
  let n = r.name;
  for (let i = 2; names.has(n); i++) n = `${r.name} (${i})`;
  names.add(n);
  r.name = n;
}

const text = JSON.stringify(rows, null, 1) + "\n";
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(OUT, "utf8");
  } catch {}
  if (current !== text) {
    console.error("tests/fixtures/bad-input.json is not up to date: run node tests/bad-input.gen.mjs");
    process.exit(1);
  }
} else {
  writeFileSync(OUT, text);
  console.log(`tests/fixtures/bad-input.json: ${rows.length} rows`);
}
