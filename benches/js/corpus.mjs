// The mixed small corpus: what a form being filled in or a CI run over job files sends.
// Deterministic (a seeded PRNG, never Math.random): about two thirds valid bodies (a
// quarter of those with warnings only), one third invalid with one to three problems
// each, over the codes users hit most. Every body says what its generator meant
// (`intent`: "valid", "warning" or "invalid") and which codes it planted (`codes`);
// corpus-check.mjs holds enos-ota-job, Ajv and Zod to those intents.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const EPOCH_2026 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tools(r) {
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const chance = (p) => r() < p;
  return { int, pick, chance };
}

const SELECTORS = ["deviceKeys", "attributes", "tags", "assetTrees"];

// A valid body, without warnings. `shape` forces the job's shape; else it is drawn.
function validBody(r, i, shape) {
  const { int, pick, chance } = tools(r);
  const body = {};
  if (chance(0.6)) {
    body.name = { defaultValue: `ota-job-${i}` };
    if (chance(0.5)) body.name.i18nValue = { en_US: `OTA job ${i}`, zh_CN: `升级任务${i}` };
  }
  const keys = (n) => Array.from({ length: n }, (_, k) => `dev-${i}-${k}-${int(100, 999)}`);
  const versions = () => Array.from({ length: int(1, 3) }, (_, k) => `${1 + (i % 3)}.${k}.${int(0, 9)}`);
  const k = r();
  shape ??= k < 0.2 ? "verify" : k < 0.34 ? "total" : pick(["deviceKeys", "deviceKeys", "deviceKeys", "attributes", "tags", "assetTrees"]);
  if (shape === "verify") {
    body.type = "verify";
    body.upgradeScope = { type: "partial", versionNumbers: versions(), deviceKeys: keys(int(1, 5)) };
    if (chance(0.4)) body.upgradeTimeout = int(300, 172800);
    return { body, shape };
  }
  body.type = "upgrade";
  body.upgradePolicy = pick(["snapshot", "incremental"]);
  body.enableUpgradeRequest = chance(0.5);
  if (shape === "total") body.upgradeScope = { type: "total", versionNumbers: versions() };
  else {
    const scope = { type: "partial", versionNumbers: versions() };
    if (shape === "deviceKeys") scope.deviceKeys = keys(int(1, 6));
    if (shape === "attributes") scope.attributes = { model: [`M${int(1, 9)}`, int(1, 99)], ...(chance(0.5) ? { region: ["cn-east"] } : {}) };
    if (shape === "tags") scope.tags = { site: [`site-${int(1, 40)}`], ...(chance(0.5) ? { floor: ["1", "2"] } : {}) };
    if (shape === "assetTrees") {
      scope.assetTrees = Array.from({ length: int(1, 2) }, (_, t) => ({ treeId: `tree-${i}-${t}`, ...(chance(0.6) ? { includedNodes: [`node-${int(1, 99)}`] } : {}) }));
    }
    body.upgradeScope = scope;
  }
  if (chance(0.4)) body.upgradeTimeout = int(300, 172800);
  if (chance(0.3)) body.maximumConcurrency = int(1, 1000);
  if (chance(0.35)) body.retryPolicy = chance(0.75) ? { enableRetry: true, retryInterval: 60 * int(0, 60), retryCount: int(1, 5) } : { enableRetry: false };
  if (chance(0.35)) body.schedulePolicy = schedule(r, chance(0.5));
  return { body, shape };
}

// A schedule window of 1 to 6 hours inside one calendar day (in the zone it names).
function schedule(r, daily) {
  const { int, chance } = tools(r);
  const zone = daily && chance(0.5) ? 480 : 0;
  const h = int(0, 16);
  const start = EPOCH_2026 + int(0, 364) * DAY + h * HOUR - zone * MINUTE;
  const policy = { isRepeatDaily: daily, startTimestamp: start, endTimestamp: start + int(1, 6) * HOUR };
  if (zone) policy.timezoneOffsetInMinutes = zone;
  return policy;
}

// Warnings only: each mutation keeps the body valid. [code, applies(body, shape), apply].
const WARNINGS = [
  ["unknown_field", () => true, (b) => (b.startSchedule = "2026-01-01 00:00:00")],
  ["unknown_field", (b) => b.type === "upgrade", (b) => (b.upgradeTimout = 3600)],
  ["unknown_field", (_, s) => s === "assetTrees", (b) => (b.upgradeScope.assetTrees[0].includedNotes = ["node-1"])],
  ["numeric_string", () => true, (b) => (b.upgradeTimeout = "3600")],
  ["numeric_string", (b) => b.type === "upgrade", (b) => (b.maximumConcurrency = "100")],
  ["ignored_field", (b) => b.type === "verify", (b) => (b.upgradePolicy = "snapshot")],
  ["ignored_field", (_, s) => s === "total", (b) => (b.upgradeScope.deviceKeys = ["dev-1", "dev-2"])],
  ["ignored_field", (b) => b.type === "upgrade", (b) => (b.retryPolicy = { enableRetry: false, retryInterval: 300 })],
  // (A verify job counts repeats towards its five keys; selectors of a total scope are not read.)
  ["duplicate_value", (b, s) => s !== "total" && b.upgradeScope.deviceKeys?.length < (b.type === "verify" ? 5 : 100), (b) => b.upgradeScope.deviceKeys.push(b.upgradeScope.deviceKeys[0])],
  ["duplicate_value", () => true, (b) => b.upgradeScope.versionNumbers.push(b.upgradeScope.versionNumbers[0])],
  [
    "schedule_too_short",
    (b) => b.type === "upgrade",
    (b, r) => {
      const start = EPOCH_2026 + tools(r).int(0, 364) * DAY + 9 * HOUR;
      b.schedulePolicy = { isRepeatDaily: false, startTimestamp: start, endTimestamp: start + tools(r).int(5, 25) * MINUTE };
    },
  ],
];

const partial = (s) => SELECTORS.includes(s);
const upgrade = (b) => b.type === "upgrade";
const ensureSchedule = (b, r) => (b.schedulePolicy ??= schedule(r, false));

// Errors: [code, slot, applies(body, shape), apply]. Mutations of one body use distinct
// slots, so that no mutation undoes another.
const ERRORS = [
  ["out_of_range", "timeout", () => true, (b, r) => (b.upgradeTimeout = tools(r).pick([0, 60, 299, 172801, 604800]))],
  ["out_of_range", "concurrency", upgrade, (b) => (b.maximumConcurrency = 0)],
  ["out_of_range", "retry", upgrade, (b, r) => (b.retryPolicy = { enableRetry: true, retryInterval: 600, retryCount: tools(r).pick([0, 6, 10]) })],
  ["out_of_range", "retry", upgrade, (b) => (b.retryPolicy = { enableRetry: true, retryInterval: 90_000, retryCount: 3 })],
  ["invalid_type", "enable", upgrade, (b, r) => (b.enableUpgradeRequest = tools(r).pick(["true", "yes", 1]))],
  ["invalid_type", "timeout", () => true, (b) => (b.upgradeTimeout = 3600.5)],
  ["invalid_type", "versions", () => true, (b) => (b.upgradeScope.versionNumbers = b.upgradeScope.versionNumbers[0])],
  ["invalid_type", "name", () => true, (b) => (b.name = { defaultValue: 42 })],
  ["invalid_type", "selector", (b) => b.upgradeScope.deviceKeys !== undefined, (b) => b.upgradeScope.deviceKeys.push(1234)],
  ["invalid_value", "policy", upgrade, (b) => (b.upgradePolicy = "upgrade")],
  ["required", "policy", upgrade, (b) => delete b.upgradePolicy],
  ["required", "enable", upgrade, (b) => delete b.enableUpgradeRequest],
  ["required", "versions", () => true, (b) => delete b.upgradeScope.versionNumbers],
  ["required", "retry", upgrade, (b) => (b.retryPolicy = { enableRetry: true, retryInterval: 600 })],
  // Typo'd names: the unknown field's warning, and the error of the field it should have been.
  ["required", "policy", upgrade, (b) => ((b.upgradePolicey = b.upgradePolicy), delete b.upgradePolicy)],
  ["required", "enable", upgrade, (b) => ((b.enableUpgradeReqest = b.enableUpgradeRequest), delete b.enableUpgradeRequest)],
  ["required", "versions", () => true, (b) => ((b.upgradeScope.versionNumber = b.upgradeScope.versionNumbers), delete b.upgradeScope.versionNumbers)],
  ["missing_selector", "selector", (b, s) => upgrade(b) && partial(s), (b, _, s) => delete b.upgradeScope[s]],
  ["missing_selector", "selector", (b, s) => upgrade(b) && s === "deviceKeys", (b) => ((b.upgradeScope.deviceKey = b.upgradeScope.deviceKeys), delete b.upgradeScope.deviceKeys)],
  ["conflicting_selectors", "selector", (b, s) => upgrade(b) && partial(s), (b, _, s) => (s === "tags" ? (b.upgradeScope.deviceKeys = ["dev-x"]) : (b.upgradeScope.tags = { site: ["site-1"] }))],
  ["empty", "selector", (b) => b.upgradeScope.deviceKeys !== undefined, (b) => (b.upgradeScope.deviceKeys = [])],
  ["end_before_start", "schedule", upgrade, (b, r) => ((b.schedulePolicy = schedule(r, false)), (b.schedulePolicy.endTimestamp = b.schedulePolicy.startTimestamp - HOUR))],
  [
    "not_same_day",
    "schedule",
    upgrade,
    (b, r) => {
      const start = EPOCH_2026 + tools(r).int(0, 364) * DAY + 22 * HOUR;
      b.schedulePolicy = { isRepeatDaily: true, startTimestamp: start, endTimestamp: start + 4 * HOUR };
    },
  ],
  ["invalid_timestamp", "schedule", upgrade, (b, r) => ((b.schedulePolicy = schedule(r, false)), (b.schedulePolicy.startTimestamp = Math.floor(b.schedulePolicy.startTimestamp / 10)))],
  ["invalid_type", "schedule", upgrade, (b, r) => (ensureSchedule(b, r).endTimestamp = "2026-01-02T10:00:00Z")], // a date, not milliseconds
  ["too_many_device_keys", "selector", (b) => b.type === "verify", (b, r) => (b.upgradeScope.deviceKeys = Array.from({ length: tools(r).int(6, 9) }, (_, k) => `dev-v${k}`))],
  ["verify_requires_partial", "scopeType", (b) => b.type === "verify", (b) => (b.upgradeScope.type = "total")],
];

/**
 * `n` small bodies (default 1,000), each `{ body, intent, codes }`. Index i % 3 === 2 is
 * invalid (one to three problems), the rest valid; every fourth valid body carries one
 * or two warnings.
 */
export function mixedBodies(n = 1000, seed = 11) {
  const r = prng(seed);
  const { int, pick } = tools(r);
  const out = [];
  let valid = 0;
  for (let i = 0; i < n; i++) {
    if (i % 3 === 2) {
      // Most invalid bodies are upgrade jobs (the richer shape); verify jobs too.
      const { body, shape } = validBody(r, i, r() < 0.15 ? "verify" : undefined);
      const want = int(1, 3);
      const used = new Set();
      const codes = [];
      for (let tries = 0; codes.length < want && tries < 50; tries++) {
        const [code, slot, applies, apply] = pick(ERRORS);
        if (used.has(slot) || !applies(body, shape)) continue;
        used.add(slot);
        apply(body, r, shape);
        codes.push(code);
      }
      out.push({ body, intent: "invalid", codes });
    } else if (valid++ % 4 === 3) {
      const { body, shape } = validBody(r, i);
      const want = int(1, 2);
      const codes = [];
      const used = new Set();
      for (let tries = 0; codes.length < want && tries < 50; tries++) {
        const w = pick(WARNINGS);
        const [code, applies, apply] = w;
        if (used.has(w) || !applies(body, shape)) continue;
        used.add(w);
        apply(body, r);
        codes.push(code);
      }
      out.push({ body, intent: "warning", codes });
    } else {
      out.push({ body: validBody(r, i).body, intent: "valid", codes: [] });
    }
  }
  return out;
}

/** The verdict of a report in the corpus's terms. */
export function verdictOf(report) {
  return !report.valid ? "invalid" : report.warnings.length ? "warning" : "valid";
}
