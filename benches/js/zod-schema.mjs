// The request body as a Zod 4 schema, as faithful as Zod allows: the field table, the
// ranges, numeric strings, null as absent, and `superRefine` for the cross-field rules
// (required fields of an upgrade job, selectors, the verify rules, the retry fields,
// end after start and the same-day rule of daily schedules). Not expressible, so left to
// enos-ota-job: warnings, duplicate JSON keys, and integers written as 7200.0 (JSON.parse
// has already made them 7200).
import * as z from "zod";

const text = z.string().min(1);
const digits = /^[0-9]+$/;
// An integer in [min, max], or a string of decimal digits whose value is (numeric_string).
const integer = (min, max) =>
  z.union([
    z.number().int().min(min).max(max),
    z.string().regex(digits).refine((s) => Number(s) >= min && Number(s) <= max, "out of range"),
  ]);
const timestamp = z.union([z.number().int().min(1e12).max(9_999_999_999_999), z.string().regex(/^[1-9][0-9]{12}$/)]);
const nonEmptyMap = (value) => z.record(z.string().min(1), value).refine((o) => Object.keys(o).length > 0, "empty");
const opt = (s) => s.nullish(); // null is the same as absent

const stringI18n = z.looseObject({ defaultValue: text, i18nValue: opt(z.record(z.string().min(1), text)) });

const upgradeScope = z.looseObject({
  type: z.enum(["total", "partial"]),
  versionNumbers: z.array(text).min(1),
  deviceKeys: opt(z.array(text).min(1)),
  attributes: opt(nonEmptyMap(z.array(z.unknown().refine((v) => v !== null, "null")).min(1))),
  tags: opt(nonEmptyMap(z.array(text).min(1))),
  assetTrees: opt(z.array(z.looseObject({ treeId: text, includedNodes: opt(z.array(text)) })).min(1).max(5)),
});

const retryPolicy = z
  .looseObject({ enableRetry: opt(z.boolean()), retryInterval: opt(integer(0, 86_400)), retryCount: opt(integer(1, 5)) })
  .superRefine((p, ctx) => {
    if (p.enableRetry !== true) return;
    for (const k of ["retryInterval", "retryCount"]) if (p[k] == null) ctx.addIssue({ code: "custom", path: [k], message: "required" });
  });

const DAY = 86_400_000;
const schedulePolicy = z
  .looseObject({
    isRepeatDaily: opt(z.boolean()),
    startTimestamp: timestamp,
    endTimestamp: timestamp,
    timezoneOffsetInMinutes: opt(z.number().int().min(-720).max(840)),
  })
  .superRefine((p, ctx) => {
    const start = Number(p.startTimestamp);
    const end = Number(p.endTimestamp);
    if (end <= start) return ctx.addIssue({ code: "custom", path: ["endTimestamp"], message: "end_before_start" });
    const zone = (p.timezoneOffsetInMinutes ?? 0) * 60_000;
    if (p.isRepeatDaily === true && Math.floor((start + zone) / DAY) !== Math.floor((end + zone) / DAY)) {
      ctx.addIssue({ code: "custom", path: ["endTimestamp"], message: "not_same_day" });
    }
  });

const SELECTORS = ["deviceKeys", "attributes", "tags", "assetTrees"];

export const schema = z
  .looseObject({
    name: opt(stringI18n),
    type: z.enum(["upgrade", "verify"]),
    upgradeScope,
    upgradePolicy: opt(z.enum(["snapshot", "incremental"])),
    enableUpgradeRequest: opt(z.boolean()),
    upgradeTimeout: opt(integer(300, 172_800)),
    retryPolicy: opt(retryPolicy),
    schedulePolicy: opt(schedulePolicy),
    maximumConcurrency: opt(integer(1, 2_147_483_647)),
  })
  .superRefine((b, ctx) => {
    const scope = b.upgradeScope;
    const given = SELECTORS.filter((k) => scope[k] != null);
    if (b.type === "upgrade") {
      for (const k of ["upgradePolicy", "enableUpgradeRequest"]) if (b[k] == null) ctx.addIssue({ code: "custom", path: [k], message: "required" });
      if (scope.type === "partial" && given.length !== 1) {
        ctx.addIssue({ code: "custom", path: ["upgradeScope"], message: given.length ? "conflicting_selectors" : "missing_selector" });
      }
    } else {
      if (scope.type !== "partial") ctx.addIssue({ code: "custom", path: ["upgradeScope", "type"], message: "verify_requires_partial" });
      if (scope.deviceKeys == null) ctx.addIssue({ code: "custom", path: ["upgradeScope", "deviceKeys"], message: "required" });
      else if (scope.deviceKeys.length > 5) ctx.addIssue({ code: "custom", path: ["upgradeScope", "deviceKeys"], message: "too_many_device_keys" });
      for (const k of given) if (k !== "deviceKeys") ctx.addIssue({ code: "custom", path: ["upgradeScope", k], message: "selector_not_allowed" });
    }
  });
