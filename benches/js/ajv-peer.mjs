// Ajv 8 as the benchmark's first peer: body.schema.json (JSON Schema draft-07) compiled
// with allErrors, plus one custom keyword for what JSON Schema cannot say: a schedule's
// end after its start, and both on one calendar day when it repeats daily (in the zone
// of timezoneOffsetInMinutes, else UTC). The schema and its keyword are shared by the
// timed rows (row.mjs) and the browser bundle whose size run.mjs reports.
import Ajv from "ajv";
import schema from "./body.schema.json" with { type: "json" };

const DAY = 86_400_000;
const stamp = (v) => (typeof v === "number" ? v : typeof v === "string" && /^[1-9][0-9]{12}$/.test(v) ? Number(v) : NaN);

function scheduleWindow(_, p) {
  const start = stamp(p.startTimestamp);
  const end = stamp(p.endTimestamp);
  if (!(start >= 1e12 && start <= 9_999_999_999_999 && end >= 1e12 && end <= 9_999_999_999_999)) return true; // the timestamps' own errors
  if (end <= start) return false;
  const tz = p.timezoneOffsetInMinutes ?? 0;
  if (p.isRepeatDaily !== true || !Number.isInteger(tz) || tz < -720 || tz > 840) return true;
  return Math.floor((start + tz * 60_000) / DAY) === Math.floor((end + tz * 60_000) / DAY);
}

export function compileAjv() {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  ajv.addKeyword({ keyword: "scheduleWindow", type: "object", schemaType: "boolean", validate: scheduleWindow });
  return ajv.compile(schema);
}
