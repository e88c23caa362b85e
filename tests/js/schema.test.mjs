// The JSON Schema of the request body (schema/create-ota-job.schema.json) under a real
// JSON Schema implementation, Ajv's draft 2020-12 build (make test-schema):
//   1. every body the validator calls valid in the shared fixtures validates against it;
//   2. a table of invalid bodies shows what the schema does catch (and the validator too);
//   3. at the edges of every integer field, as numbers and as numeric strings, the schema
//      and the validator agree;
//   4. every field the rules read (the FIELDS lists of src/rules/*.rs) is in the schema.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { loadCases } from "./fixtures.mjs";
import { validate, validateJson, normalize, buildRequest } from "../../pkg/node.js";

const root = new URL("../../", import.meta.url);
const schema = JSON.parse(readFileSync(new URL("schema/create-ota-job.schema.json", root), "utf8"));
const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
const check = ajv.compile(schema);
const cases = loadCases();

const VALID = {
  type: "upgrade",
  upgradePolicy: "snapshot",
  enableUpgradeRequest: true,
  upgradeScope: { type: "partial", versionNumbers: ["1.0"], deviceKeys: ["d1", "d2"] },
};
const VERIFY = { type: "verify", upgradeScope: { type: "partial", versionNumbers: ["1.0"], deviceKeys: ["d1"] } };

function accepts(body) {
  const ok = check(body);
  return { ok, errors: ok ? [] : check.errors.map((e) => `${e.instancePath} ${e.message}`) };
}

test("the schema is draft 2020-12 and compiles in strict mode", () => {
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.match(schema.$id, /^https:\/\/raw\.githubusercontent\.com\/enos-ota-job\/enos-ota-job\/main\/schema\/create-ota-job\.schema\.json$/);
});

test("every valid fixture body validates against the schema", () => {
  const bodies = [];
  for (const c of cases.validation) {
    if (!c.expect.valid) continue;
    bodies.push([`${c.file}: ${c.name}`, "text" in c ? JSON.parse(c.text) : c.body]);
  }
  for (const c of cases.normalize) {
    if (!c.expect.valid) continue;
    bodies.push([`${c.file}: ${c.name} (input)`, c.body]);
    bodies.push([`${c.file}: ${c.name} (normalized)`, c.expect.body]);
  }
  for (const c of cases.request) {
    if (c.expect.valid && c.input) bodies.push([`${c.file}: ${c.name}`, c.input.body]);
  }
  assert.ok(bodies.length > 50, `only ${bodies.length} valid bodies`);
  const rejected = bodies.filter(([, b]) => !check(b)).map(([name]) => `${name}: ${ajv.errorsText(check.errors)}`);
  assert.deepEqual(rejected, []);
});

test("valid with warnings is valid for the schema too", () => {
  const rows = [
    { ...VALID, upgradeTimeout: "600" },
    { ...VALID, startSchedule: 1, endSchedule: 2 },
    { ...VERIFY, upgradePolicy: "anything", retryPolicy: 7, maximumConcurrency: "x" },
    { ...VALID, upgradeScope: { type: "total", versionNumbers: ["1.0", "1.0"], tags: "ignored", attributes: null } },
    { ...VALID, retryPolicy: { enableRetry: false, retryInterval: "60", retryCount: 3 } },
    { ...VALID, schedulePolicy: { startTimestamp: "1767225600000", endTimestamp: 1767225660000, timezoneOffsetInMinutes: "480" } },
    { ...VALID, upgradeScope: { ...VALID.upgradeScope, deviceKeys: ["d1", "d1"], extra: true, tags: null } },
    { ...VALID, name: { defaultValue: "n", i18nValue: null }, maximumConcurrency: null, retryPolicy: null },
  ];
  for (const body of rows) {
    const report = validate(body);
    assert.equal(report.valid, true, JSON.stringify(report.errors));
    assert.ok(report.warnings.length > 0 || body.name, `expected a warning for ${JSON.stringify(body)}`);
    assert.deepEqual(accepts(body), { ok: true, errors: [] }, JSON.stringify(body));
  }
});

// What the schema catches: each row is invalid for the validator (with this code) and
// for the schema (at this instance path).
const INVALID = [
  ["no type", { upgradeScope: VALID.upgradeScope }, "required", ""],
  ["unknown job type", { ...VALID, type: "reboot" }, "invalid_value", "/type"],
  ["upgradePolicy upgrade", { ...VALID, upgradePolicy: "upgrade" }, "invalid_value", "/upgradePolicy"],
  ["upgrade without enableUpgradeRequest", { ...VALID, enableUpgradeRequest: null }, "required", ""],
  ["enableUpgradeRequest as a string", { ...VALID, enableUpgradeRequest: "true" }, "invalid_type", "/enableUpgradeRequest"],
  ["upgradeTimeout 299", { ...VALID, upgradeTimeout: 299 }, "out_of_range", "/upgradeTimeout"],
  ["upgradeTimeout \"299\"", { ...VALID, upgradeTimeout: "299" }, "out_of_range", "/upgradeTimeout"],
  ["upgradeTimeout \"7200 \"", { ...VALID, upgradeTimeout: "7200 " }, "invalid_type", "/upgradeTimeout"],
  ["maximumConcurrency 0", { ...VALID, maximumConcurrency: 0 }, "out_of_range", "/maximumConcurrency"],
  ["scope type all", { ...VALID, upgradeScope: { ...VALID.upgradeScope, type: "all" } }, "invalid_value", "/upgradeScope/type"],
  ["no versionNumbers", { ...VALID, upgradeScope: { type: "total" } }, "required", "/upgradeScope"],
  ["empty versionNumbers", { ...VALID, upgradeScope: { type: "total", versionNumbers: [] } }, "empty", "/upgradeScope/versionNumbers"],
  ["an empty version", { ...VALID, upgradeScope: { type: "total", versionNumbers: [""] } }, "empty", "/upgradeScope/versionNumbers/0"],
  ["partial without selector", { ...VALID, upgradeScope: { type: "partial", versionNumbers: ["1"] } }, "missing_selector", "/upgradeScope"],
  ["partial with a null selector only", { ...VALID, upgradeScope: { type: "partial", versionNumbers: ["1"], tags: null } }, "missing_selector", "/upgradeScope"],
  ["two selectors", { ...VALID, upgradeScope: { ...VALID.upgradeScope, tags: { a: ["b"] } } }, "conflicting_selectors", "/upgradeScope"],
  ["empty deviceKeys", { ...VALID, upgradeScope: { ...VALID.upgradeScope, deviceKeys: [] } }, "empty", "/upgradeScope/deviceKeys"],
  ["a tag with no values", { ...VALID, upgradeScope: { type: "partial", versionNumbers: ["1"], tags: { site: [] } } }, "empty", "/upgradeScope/tags/site"],
  ["an attribute value null", { ...VALID, upgradeScope: { type: "partial", versionNumbers: ["1"], attributes: { a: [null] } } }, "invalid_type", "/upgradeScope/attributes/a/0"],
  ["six asset trees", { ...VALID, upgradeScope: { type: "partial", versionNumbers: ["1"], assetTrees: Array.from({ length: 6 }, (_, i) => ({ treeId: `t${i}` })) } }, "too_many", "/upgradeScope/assetTrees"],
  ["asset tree without treeId", { ...VALID, upgradeScope: { type: "partial", versionNumbers: ["1"], assetTrees: [{ includedNodes: [] }] } }, "required", "/upgradeScope/assetTrees/0"],
  ["retry on without count", { ...VALID, retryPolicy: { enableRetry: true, retryInterval: 60 } }, "required", "/retryPolicy"],
  ["retryCount 6", { ...VALID, retryPolicy: { enableRetry: true, retryInterval: 60, retryCount: 6 } }, "out_of_range", "/retryPolicy/retryCount"],
  ["retryInterval 86401 with retry off", { ...VALID, retryPolicy: { retryInterval: 86401 } }, "out_of_range", "/retryPolicy/retryInterval"],
  ["12-digit timestamp", { ...VALID, schedulePolicy: { startTimestamp: 999999999999, endTimestamp: 1767225600000 } }, "invalid_timestamp", "/schedulePolicy/startTimestamp"],
  ["schedule without end", { ...VALID, schedulePolicy: { startTimestamp: 1767225600000 } }, "required", "/schedulePolicy"],
  ["time zone 900", { ...VALID, schedulePolicy: { startTimestamp: 1767225600000, endTimestamp: 1767232800000, timezoneOffsetInMinutes: 900 } }, "out_of_range", "/schedulePolicy/timezoneOffsetInMinutes"],
  ["empty defaultValue", { ...VALID, name: { defaultValue: "" } }, "empty", "/name/defaultValue"],
  ["an i18nValue not a string", { ...VALID, name: { defaultValue: "n", i18nValue: { en_US: 1 } } }, "invalid_type", "/name/i18nValue/en_US"],
  ["verify with scope total", { ...VERIFY, upgradeScope: { ...VERIFY.upgradeScope, type: "total" } }, "verify_requires_partial", "/upgradeScope/type"],
  ["verify without deviceKeys", { type: "verify", upgradeScope: { type: "partial", versionNumbers: ["1"] } }, "required", "/upgradeScope"],
  ["verify by tags", { ...VERIFY, upgradeScope: { ...VERIFY.upgradeScope, tags: { a: ["b"] } } }, "selector_not_allowed", "/upgradeScope/tags"],
  ["the root an array", [], "invalid_type", ""],
  ["a root $schema not a string", { ...VALID, $schema: 5 }, "invalid_type", "/$schema"],
];

test("a table of invalid bodies: what the schema catches", () => {
  for (const [name, body, code, at] of INVALID) {
    const codes = validate(body).errors.map((e) => e.code);
    assert.ok(codes.includes(code), `${name}: the validator says ${codes}, not ${code}`);
    const { ok, errors } = accepts(body);
    assert.equal(ok, false, `${name}: the schema accepts it`);
    assert.ok(errors.some((e) => e.startsWith(`${at} `)), `${name}: no schema error at "${at}": ${errors.join("; ")}`);
  }
});

test("what only the validator catches (the schema is an aid)", () => {
  const rows = [
    { ...VALID, schedulePolicy: { startTimestamp: 1767232800000, endTimestamp: 1767225600000 } }, // end_before_start
    { ...VALID, upgradeTimeout: 7200.5 }, // a fraction: Ajv's integer, the validator's invalid_type only in text
  ];
  assert.equal(check(rows[0]), true);
  assert.equal(validate(rows[0]).valid, false);
  assert.equal(validateJson('{"type":"verify","type":"verify","upgradeScope":{"type":"partial","versionNumbers":["1"],"deviceKeys":["d"]}}').valid, false);
  assert.equal(check(rows[1]), false);
});

// The integer fields with their ranges: [JSON Pointer, min, max, the body with value v].
const SCHEDULE = { startTimestamp: 1767225600000, endTimestamp: 1767232800000 };
const INTEGERS = [
  ["/upgradeTimeout", 300, 172800, (v) => ({ ...VALID, upgradeTimeout: v })],
  ["/maximumConcurrency", 1, 2147483647, (v) => ({ ...VALID, maximumConcurrency: v })],
  ["/retryPolicy/retryInterval", 0, 86400, (v) => ({ ...VALID, retryPolicy: { enableRetry: true, retryInterval: v, retryCount: 1 } })],
  ["/retryPolicy/retryCount", 1, 5, (v) => ({ ...VALID, retryPolicy: { enableRetry: true, retryInterval: 0, retryCount: v } })],
  ["/schedulePolicy/timezoneOffsetInMinutes", -720, 840, (v) => ({ ...VALID, schedulePolicy: { ...SCHEDULE, timezoneOffsetInMinutes: v } })],
  ["/schedulePolicy/startTimestamp", 1e12, 1e13 - 1, (v) => ({ ...VALID, schedulePolicy: { ...SCHEDULE, startTimestamp: v } })],
  ["/schedulePolicy/endTimestamp", 1e12, 1e13 - 1, (v) => ({ ...VALID, schedulePolicy: { ...SCHEDULE, endTimestamp: v } })],
];

// The errors of the value itself (end_before_start also points at endTimestamp).
const FIELD_CODES = new Set(["invalid_type", "out_of_range", "invalid_timestamp"]);

test("integer fields: the schema and the validator agree at every edge, numbers and numeric strings", () => {
  let rows = 0;
  for (const [pointer, min, max, body] of INTEGERS) {
    const values = new Set([min - 1, min, min + 1, max - 1, max, max + 1, -1, 0, 1, 99, 100, 299, 300, 7200, 86400, 172800]);
    for (let p = 1; p < 1e14; p *= 10) values.add(p).add(p - 1).add(2 * p).add(9 * p);
    for (const v of values) {
      const inputs = v >= 0 ? [v, String(v), `00${v}`] : [v, String(v)];
      for (const input of inputs) {
        const b = body(input);
        const validator = validate(b).errors.some((e) => e.path === pointer && FIELD_CODES.has(e.code));
        const schemaSays = !check(b) && check.errors.some((e) => e.instancePath === pointer);
        assert.equal(schemaSays, validator, `${pointer} = ${JSON.stringify(input)}: an error for the validator: ${validator}`);
        rows++;
      }
    }
  }
  assert.ok(rows > 500);
});

// Differential: bodies mutated from the valid fixtures (seeded, so every run is the same);
// whenever the validator calls one valid, the schema must accept it too.
test("mutated bodies: valid for the validator implies valid for the schema", () => {
  let seed = 20260101;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const pick = (a) => a[rand(a.length)];
  const VALUES = [null, "", "x", "600", "0600", 0, 1, 5, 300, 7200, -1, 1767225600000, true, false, [], ["a"], [null], {}, { a: ["b"] }, [{ treeId: "t" }]];
  const KEYS = ["type", "upgradePolicy", "enableUpgradeRequest", "upgradeTimeout", "retryPolicy", "schedulePolicy", "maximumConcurrency",
    "name", "deviceKeys", "attributes", "tags", "assetTrees", "versionNumbers", "enableRetry", "retryInterval", "retryCount",
    "isRepeatDaily", "startTimestamp", "endTimestamp", "timezoneOffsetInMinutes", "treeId", "includedNodes", "defaultValue", "i18nValue", "extra"];
  function objects(v, out = []) {
    if (v !== null && typeof v === "object") {
      out.push(v);
      for (const x of Object.values(v)) objects(x, out);
    }
    return out;
  }
  const seeds = cases.validation.filter((c) => c.expect.valid && "body" in c && c.body && typeof c.body === "object").map((c) => c.body);
  let validCount = 0;
  const failures = [];
  for (let i = 0; i < 6000; i++) {
    const body = structuredClone(pick(seeds));
    for (let m = 1 + rand(3); m > 0; m--) {
      const target = pick(objects(body));
      const key = Array.isArray(target) ? rand(target.length + 1) : rand(3) === 0 ? pick(Object.keys(target).concat("extra")) : pick(KEYS);
      if (rand(5) === 0 && !Array.isArray(target)) delete target[key];
      else target[key] = structuredClone(pick(VALUES));
    }
    if (validate(body).valid) {
      validCount++;
      if (!check(body) && failures.length < 5) failures.push(`${JSON.stringify(body)}: ${ajv.errorsText(check.errors)}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(validCount > 500, `only ${validCount} mutated bodies were valid`);
});

// A root `$schema` string is the editor's member (docs/rules.md, "Decisions").
test("a root $schema: no warning, normalize keeps it, buildRequest leaves it out", () => {
  const body = { $schema: schema.$id, ...VALID };
  assert.deepEqual(validate(body), { valid: true, errors: [], warnings: [] });
  const out = normalize(body);
  assert.equal(out.report.valid, true);
  assert.equal(out.body.$schema, schema.$id);
  assert.equal(check(out.body), true);
  const built = buildRequest({ orgId: "o", firmwareId: "f", body });
  assert.deepEqual(JSON.parse(built.request.body), VALID);
  // Below the root it is an unknown field like any other.
  const nested = { ...VALID, upgradeScope: { ...VALID.upgradeScope, $schema: "x" } };
  assert.deepEqual(validate(nested).warnings.map((w) => [w.path, w.code]), [["/upgradeScope/$schema", "unknown_field"]]);
});

// Every field the rules read is in the schema: the FIELDS lists of src/rules/*.rs and
// the inline lists passed to `ck.fields(...)`, each mapped to the schema object it belongs to.
const WHERE = {
  "body.rs": [schema],
  "scope.rs": [schema.$defs.UpgradeScope],
  "retry.rs": [schema.$defs.RetryPolicy],
  "schedule.rs": [schema.$defs.SchedulePolicy],
  "name.rs": [schema.$defs.StringI18n],
  "selectors.rs": [schema.$defs.AssetTreeScope],
  "input.rs": null, // buildRequest's input ({apigwAddress, orgId, firmwareId, body}), not the body
};

test("every field of the model is in the schema", () => {
  const dir = new URL("src/rules/", root);
  let seen = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".rs"))) {
    const src = readFileSync(new URL(file, dir), "utf8");
    const lists = [
      ...[...src.matchAll(/const FIELDS: \[&str; \d+\] = \[([^\]]*)\]/g)].map((m) => m[1]),
      ...[...src.matchAll(/\.fields\(\s*\w+,\s*\w+,\s*&?\[([^\]]*)\]/g)].map((m) => m[1]),
      ...[...src.matchAll(/const SCHEMA_MEMBER: &str = ("[^"]+")/g)].map((m) => m[1]),
    ];
    if (lists.length === 0) continue;
    assert.ok(file in WHERE, `src/rules/${file} reads fields: map it to its place in the schema in tests/js/schema.test.mjs`);
    if (WHERE[file] === null) continue;
    for (const list of lists) {
      for (const [, name] of list.matchAll(/"([^"]+)"/g)) {
        seen++;
        const found = WHERE[file].some((s) => s.properties && name in s.properties);
        assert.ok(found, `${name} (src/rules/${file}) is not in the schema`);
        const described = WHERE[file].some((s) => typeof s.properties[name]?.description === "string" || s.properties[name]?.$ref);
        assert.ok(described, `${name} (src/rules/${file}) has no description in the schema`);
      }
    }
  }
  assert.ok(seen >= 26, `only ${seen} fields found in src/rules: has the FIELDS syntax changed?`);
});
