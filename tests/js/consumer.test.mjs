// The npm package as a user has it: `import ... from "enos-ota-job"` in Node (ESM, no
// set-up call). tests/js/consumer.sh installs the packed tarball into a fresh project and
// runs this file there; the shared fixtures must give exactly the native results.
import { test } from "node:test";
import assert from "node:assert/strict";
import init, { validate, validateJson, normalize, buildRequest, parseResponse } from "enos-ota-job";
import { loadCases, summary, expected } from "./fixtures.mjs";

const cases = loadCases();

// The seed's own example without its two unknown fields: a valid partial upgrade.
const VALID_BODY = {
  name: { defaultValue: "ota-job-test" },
  type: "upgrade",
  upgradePolicy: "snapshot",
  upgradeScope: { type: "partial", versionNumbers: ["1.0"], deviceKeys: ["deviceKey1", "deviceKey2"] },
  enableUpgradeRequest: true,
};

const isPlain = (v) => v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

// Every report has the shape of docs/rules.md ("The report"), as plain objects and arrays.
function assertReportShape(r) {
  assert.ok(isPlain(r), "report is a plain object");
  assert.equal(typeof r.valid, "boolean");
  assert.ok(Array.isArray(r.errors) && Array.isArray(r.warnings));
  assert.equal(r.valid, r.errors.length === 0, "valid exactly when there are no errors");
  for (const e of r.errors) {
    assert.ok(isPlain(e));
    assert.equal(typeof e.path, "string");
    assert.ok(e.path === "" || e.path.startsWith("/"), `path ${e.path} is a JSON Pointer`);
    assert.match(e.code, /^[a-z_]+$/);
    assert.ok(typeof e.message === "string" && e.message.length > 0);
    assert.ok(e.enosCode === null || Number.isInteger(e.enosCode), "enosCode is a number or null");
  }
  for (const w of r.warnings) {
    assert.ok(isPlain(w));
    assert.equal(typeof w.path, "string");
    assert.match(w.code, /^[a-z_]+$/);
    assert.ok(typeof w.message === "string" && w.message.length > 0);
  }
}

test("the fixtures are there", () => {
  assert.ok(cases.validation.length >= 100, `only ${cases.validation.length} validation cases`);
  for (const kind of ["request", "normalize", "response"]) assert.ok(cases[kind].length > 0, `no ${kind} cases`);
});

test("init() resolves in Node and is not needed", async () => {
  assert.equal(await init(), undefined);
  assert.equal(validate(VALID_BODY).valid, true);
});

// The members a fixture's `issues` pins (position, hint by a part of its text, fix), on
// the issue of the same path and code: the same checks as tests/fixtures.rs.
function assertPins(r, pins) {
  for (const pin of pins ?? []) {
    const issue = [...r.errors, ...r.warnings].find((i) => i.path === pin.path && i.code === pin.code);
    assert.ok(issue, `no issue ${pin.path} ${pin.code}`);
    for (const [key, want] of Object.entries(pin)) {
      const have = issue[key] ?? null;
      if (key === "hint" && typeof want === "string") assert.ok(have?.includes(want), `${pin.path}: hint ${have}`);
      else assert.deepEqual(have, want, `${pin.path} ${pin.code}: ${key}`);
    }
  }
}

const POSITION_KEYS = ["line", "column", "endLine", "endColumn"];

for (const c of cases.validation) {
  test(`fixture ${c.file}: ${c.name}`, () => {
    const want = expected(c.expect);
    if ("text" in c) {
      const r = validateJson(c.text, c.options);
      assertReportShape(r);
      assert.deepEqual(summary(r), want);
      assertPins(r, c.issues);
      for (const i of [...r.errors, ...r.warnings]) {
        if (i.code !== "invalid_option") assert.ok(POSITION_KEYS.every((k) => Number.isInteger(i[k])), `${i.path}: a position`);
      }
    } else {
      const r = validate(c.body, c.options);
      assertReportShape(r);
      assert.deepEqual(summary(r), want, "validate(body)");
      for (const i of [...r.errors, ...r.warnings]) assert.ok(POSITION_KEYS.every((k) => !(k in i)), "no position for a value");
      // The report read from the module's block is, member for member and in the same
      // order, the report normalize() brings as JSON text.
      assert.equal(JSON.stringify(r), JSON.stringify(normalize(c.body, c.options).report), "block and JSON agree");
      assert.deepEqual(summary(validateJson(JSON.stringify(c.body), c.options)), want, "validateJson(text)");
    }
  });
}

// buildRequest takes an object: the two cases given as raw text (a repeated key, text
// that is not JSON) have no JS form and run natively and in tests/wasm.rs instead.
for (const c of cases.request.filter((c) => "input" in c)) {
  test(`request fixture ${c.file}: ${c.name}`, () => {
    const out = buildRequest(c.input, c.options);
    assertReportShape(out.report);
    assert.deepEqual(summary(out.report), expected(c.expect));
    assert.equal("request" in out, c.expect.valid, "a request exactly when valid");
    if (c.expect.request) {
      const { body, ...rest } = out.request;
      const { body: wantBody, ...wantRest } = c.expect.request;
      assert.deepEqual(rest, wantRest);
      assert.deepEqual(JSON.parse(body), JSON.parse(wantBody));
    }
  });
}

for (const c of cases.normalize) {
  test(`normalize fixture ${c.file}: ${c.name}`, () => {
    const out = normalize(c.body, c.options);
    assertReportShape(out.report);
    assert.deepEqual(summary(out.report), expected(c.expect));
    assert.deepEqual(out.body ?? null, c.expect.body);
  });
}

for (const c of cases.response) {
  test(`response fixture ${c.file}: ${c.name}`, () => {
    assert.deepEqual(parseResponse(c.text), c.expect);
  });
}

// The code unions of index.d.ts name every code the fixtures produce, warnings as WarningCode.
test("the declared code unions cover every code of the fixtures", async () => {
  const { readFile } = await import("node:fs/promises");
  const { createRequire } = await import("node:module");
  const dts = await readFile(createRequire(import.meta.url).resolve("enos-ota-job/package.json").replace(/package\.json$/, "index.d.ts"), "utf8");
  const union = (name) => new Set([...dts.match(new RegExp(`export type ${name} =([^;]+);`))[1].matchAll(/"([a-z_]+)"/g)].map((m) => m[1]));
  const warningCodes = union("WarningCode");
  const errorCodes = union("ErrorCode");
  assert.ok(warningCodes.size >= 5 && errorCodes.size >= 20);
  for (const c of cases.validation) {
    for (const [, code] of c.expect.errors) assert.ok(errorCodes.has(code) || warningCodes.has(code), code);
    for (const [, code] of c.expect.warnings) assert.ok(warningCodes.has(code), code);
  }
});

test("validate: a valid body, then an invalid one", () => {
  assert.deepEqual(validate(VALID_BODY), { valid: true, errors: [], warnings: [] });
  const r = validate({ ...VALID_BODY, upgradeTimeout: 10, startSchedule: 0 });
  assertReportShape(r);
  assert.deepEqual(summary(r), {
    valid: false,
    errors: [["/upgradeTimeout", "out_of_range"]],
    warnings: [["/startSchedule", "unknown_field"]],
  });
});

test("validateJson: syntax errors and duplicate keys are reported, not thrown", () => {
  const bad = validateJson('{"type": "upgrade",');
  assert.deepEqual(summary(bad).errors, [["", "invalid_json"]]);
  assert.match(bad.errors[0].message, /line 1/);
  const dup = validateJson(JSON.stringify(VALID_BODY).replace('"type":"upgrade"', '"type":"upgrade","type":"upgrade"'));
  assert.deepEqual(summary(dup).errors, [["/type", "duplicate_key"]]);
});

test("options: locale, strict, bad options at /options/...", () => {
  const zh = validate({ ...VALID_BODY, upgradeTimeout: 10 }, { locale: "zh" });
  assert.match(zh.errors[0].message, /[\u4e00-\u9fff]/, "a Chinese message");
  const strict = validate({ ...VALID_BODY, extra: 1 }, { strict: true });
  assert.deepEqual(summary(strict), { valid: false, errors: [["/extra", "unknown_field"]], warnings: [] });
  const bad = validate(VALID_BODY, { locale: "fr", utcOffsetMinutes: "480", firmware: { version: 7 } });
  assert.deepEqual(
    bad.errors.map((e) => [e.path, e.code]).sort(),
    [
      ["/options/firmware/version", "invalid_option"],
      ["/options/locale", "invalid_option"],
      ["/options/utcOffsetMinutes", "invalid_option"],
    ],
  );
  const nf = validate(VALID_BODY, { firmware: { exists: false } });
  assert.deepEqual(nf.errors.map((e) => [e.path, e.code, e.enosCode]), [["", "firmware_not_found", 24404]]);
});

test("normalize: defaults made explicit only for a valid body", () => {
  const out = normalize({ ...VALID_BODY, upgradeTimeout: "3600" });
  assertReportShape(out.report);
  assert.equal(out.report.valid, true);
  assert.deepEqual(out.report.warnings.map((w) => [w.path, w.code]), [["/upgradeTimeout", "numeric_string"]]);
  assert.equal(out.body.upgradeTimeout, 3600);
  assert.equal(out.body.maximumConcurrency, 300);
  assert.deepEqual(out.body.retryPolicy, { enableRetry: false });
  assert.equal("schedulePolicy" in out.body, false);
  assert.deepEqual(out.body.upgradeScope, VALID_BODY.upgradeScope);
  const bad = normalize({ ...VALID_BODY, type: "reboot" });
  assert.equal(bad.report.valid, false);
  assert.equal("body" in bad, false);
});

test("buildRequest: URL, headers and body; errors rooted at the input", () => {
  const out = buildRequest({ apigwAddress: "apim.example.com", orgId: "org 1", firmwareId: "fw/1", body: VALID_BODY });
  assert.equal(out.report.valid, true);
  assert.equal(out.request.method, "POST");
  assert.equal(
    out.request.url,
    "https://apim.example.com/connect-service/v2.1/ota-jobs?action=create&orgId=org%201&firmwareId=fw%2F1",
  );
  assert.deepEqual(out.request.headers, { "Content-Type": "application/json;charset=UTF-8" });
  assert.deepEqual(JSON.parse(out.request.body), VALID_BODY);
  const bare = buildRequest({ orgId: "o", firmwareId: "f", body: VALID_BODY });
  assert.equal(bare.request.url, "/connect-service/v2.1/ota-jobs?action=create&orgId=o&firmwareId=f");
  const bad = buildRequest({ firmwareId: "f", body: { ...VALID_BODY, upgradeTimeout: 1 } });
  assert.deepEqual(summary(bad.report).errors, [
    ["/orgId", "required"],
    ["/body/upgradeTimeout", "out_of_range"],
  ]);
  assert.equal("request" in bad, false);
  const nan = buildRequest({ orgId: "o", firmwareId: "f", body: { ...VALID_BODY, upgradeTimeout: NaN } });
  assert.deepEqual(summary(nan.report).errors, [["/body/upgradeTimeout", "invalid_type"]]);
  assert.equal("request" in nan, false);
});

test("parseResponse: success, EnOS errors, and anything else", () => {
  const text =
    '{"code":0,"msg":"OK","requestId":"0bdefc0f-369f-4664-a570-695f4e31877c","data":{"jobId":"5ee1a91029b990001b9c188e"}}';
  assert.deepEqual(parseResponse(text), {
    ok: true,
    jobId: "5ee1a91029b990001b9c188e",
    requestId: "0bdefc0f-369f-4664-a570-695f4e31877c",
  });
  assert.deepEqual(parseResponse(JSON.parse(text)), parseResponse(text), "an already parsed response");
  const e = parseResponse('{"code":24612,"msg":"too many","requestId":"r"}');
  assert.equal(e.ok, false);
  assert.equal(e.code, 24612);
  assert.equal(e.error, "too_many_device_keys");
  for (const junk of ["", "nope", "[1]", "null", undefined, 42, Symbol("s")]) {
    const r = parseResponse(junk);
    assert.equal(r.ok, false);
    assert.equal(r.code, null);
    assert.equal(r.error, "invalid_json");
    assert.equal(typeof r.msg, "string");
  }
  assert.deepEqual(parseResponse('{"code":0,"msg":"OK","data":{}}').error, "invalid_response");
});

// Any JS value at all: a report, never a throw or a trap, and the module keeps working.
const deep = (n, leaf) => {
  let v = leaf;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};
const cyclic = { ...VALID_BODY };
cyclic.upgradeScope = { ...VALID_BODY.upgradeScope };
cyclic.upgradeScope.self = cyclic;
const throwing = { ...VALID_BODY };
Object.defineProperty(throwing, "upgradeTimeout", {
  enumerable: true,
  get() {
    throw new Error("boom");
  },
});
function revoked() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}
const hostile = [
  ["undefined", undefined, [["", "invalid_type"]]],
  ["NaN", NaN, [["", "invalid_type"]]],
  ["BigInt", 10n, [["", "invalid_type"]]],
  ["Symbol", Symbol("x"), [["", "invalid_type"]]],
  ["function", () => VALID_BODY, [["", "invalid_type"]]],
  ["array", [VALID_BODY], [["", "invalid_type"]]],
  ["string", JSON.stringify(VALID_BODY), [["", "invalid_type"]]],
  ["null", null, [["", "invalid_type"]]],
  ["NaN field", { ...VALID_BODY, upgradeTimeout: NaN }, [["/upgradeTimeout", "invalid_type"]]],
  ["Infinity field", { ...VALID_BODY, maximumConcurrency: -Infinity }, [["/maximumConcurrency", "invalid_type"]]],
  ["BigInt field", { ...VALID_BODY, upgradeTimeout: 3600n }, []],
  ["huge BigInt", { ...VALID_BODY, upgradeTimeout: 2n ** 80n }, [["/upgradeTimeout", "out_of_range"]]],
  ["function field", { ...VALID_BODY, enableUpgradeRequest: () => true }, [["/enableUpgradeRequest", "invalid_type"]]],
  [
    "odd array entries",
    { ...VALID_BODY, upgradeScope: { ...VALID_BODY.upgradeScope, deviceKeys: ["a", undefined, Symbol(), , "b"] } },
    [
      ["/upgradeScope/deviceKeys/1", "invalid_type"],
      ["/upgradeScope/deviceKeys/2", "invalid_type"],
      ["/upgradeScope/deviceKeys/3", "invalid_type"],
    ],
  ],
  ["throwing getter", throwing, [["/upgradeTimeout", "invalid_type"]]],
  ["cycle", cyclic, [["/upgradeScope/self", "invalid_type"]]],
  [
    "throwing proxy",
    new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("no");
        },
      },
    ),
    [["", "invalid_type"]],
  ],
  [
    "proxy with throwing get",
    new Proxy(VALID_BODY, {
      get() {
        throw new Error("no");
      },
    }),
    [["", "invalid_type"]],
  ],
  ["revoked proxy", revoked(), [["", "invalid_type"]]],
  ["revoked proxy field", { ...VALID_BODY, upgradeScope: revoked() }, [["/upgradeScope", "invalid_type"]]],
  ["10,000-deep nesting", deep(10_000, 1), [["", "invalid_json"]]],
  ["sparse array of 10^9", { ...VALID_BODY, upgradeScope: { ...VALID_BODY.upgradeScope, deviceKeys: new Array(1e9) } }, [["", "invalid_type"]]],
];

for (const [name, value, errors] of hostile) {
  test(`hostile value: ${name}`, () => {
    for (const options of [undefined, { locale: "zh" }]) {
      const r = validate(value, options);
      assertReportShape(r);
      assert.deepEqual(
        r.errors.map((e) => [e.path, e.code]),
        errors,
        JSON.stringify(r.errors.map((e) => e.message)),
      );
      const n = normalize(value, options);
      assertReportShape(n.report);
      assert.equal("body" in n, errors.length === 0);
      const b = buildRequest({ orgId: "o", firmwareId: "f", body: value }, options);
      assertReportShape(b.report);
      assert.equal("request" in b, errors.length === 0);
    }
    assert.deepEqual(validate(VALID_BODY), { valid: true, errors: [], warnings: [] }, "still works afterwards");
  });
}

test("hostile options and inputs of the other functions", () => {
  for (const options of [NaN, 1n, Symbol(), () => 1, "zh", [1], cyclic, throwing, revoked(), { locale: NaN }, { firmware: cyclic }]) {
    const r = validate(VALID_BODY, options);
    assertReportShape(r);
    assert.equal(r.valid, false);
    assert.ok(r.errors.every((e) => e.path.startsWith("/options")), JSON.stringify(r.errors));
  }
  for (const text of [undefined, null, 42, {}, Symbol(), revoked(), 1n]) {
    const r = validateJson(text);
    assertReportShape(r);
    assert.deepEqual(summary(r).errors, [["", "invalid_json"]]);
  }
  for (const input of [undefined, null, "x", cyclic, { orgId: NaN, firmwareId: "f", body: VALID_BODY }]) {
    const b = buildRequest(input);
    assertReportShape(b.report);
    assert.equal(b.report.valid, false);
  }
  assert.deepEqual(validate(VALID_BODY), { valid: true, errors: [], warnings: [] });
});

test("10^6 device keys: a report with every duplicate, then still working", () => {
  const keys = Array.from({ length: 1_000_000 }, (_, i) => `device-${i % 999_999}`);
  const r = validate({ ...VALID_BODY, upgradeScope: { ...VALID_BODY.upgradeScope, deviceKeys: keys } });
  assertReportShape(r);
  assert.equal(r.valid, true);
  assert.deepEqual(summary(r).warnings, [["/upgradeScope/deviceKeys/999999", "duplicate_value"]]);
  const t = validateJson(JSON.stringify({ ...VALID_BODY, type: "verify", upgradeScope: { type: "partial", versionNumbers: ["1"], deviceKeys: keys } }));
  assert.deepEqual(summary(t).errors, [["/upgradeScope/deviceKeys", "too_many_device_keys"]]);
  assert.deepEqual(validate(VALID_BODY), { valid: true, errors: [], warnings: [] });
});

test("the web build works in Node too (initSync), beside the Node build", async () => {
  const { readFile } = await import("node:fs/promises");
  const { createRequire } = await import("node:module");
  const web = await import("enos-ota-job/web");
  assert.throws(() => web.validate(VALID_BODY), /init\(\)/, "before init: a clear error");
  const dir = createRequire(import.meta.url).resolve("enos-ota-job/package.json").replace(/package\.json$/, "");
  web.initSync(await readFile(`${dir}dist/web/enos_ota_job_bg.wasm`));
  const big = { ...VALID_BODY, x: "y".repeat(3_000_000) };
  for (const api of [web, { validate }, web]) {
    assert.deepEqual(api.validate(VALID_BODY), { valid: true, errors: [], warnings: [] });
    assert.deepEqual(summary(api.validate(big)).warnings, [["/x", "unknown_field"]]);
  }
});
