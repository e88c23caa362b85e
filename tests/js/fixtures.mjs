// The shared fixtures (tests/fixtures/**/*.json), read the same way by every JS test.
// Files under request/ are buildRequest cases, normalize/ normalize cases, response/
// parseResponse cases, all others validation cases (see tests/fixtures/README.md).
// ENOS_FIXTURES points at the directory when the test runs outside the repository (the
// npm consumer test copies this file into a fresh project).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES = process.env.ENOS_FIXTURES ?? fileURLToPath(new URL("../fixtures", import.meta.url));

function jsonFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((d) => (d.isDirectory() ? jsonFiles(join(dir, d.name)) : d.name.endsWith(".json") ? [join(dir, d.name)] : []));
}

export function loadCases() {
  const out = { validation: [], request: [], normalize: [], response: [] };
  for (const path of jsonFiles(FIXTURES)) {
    const file = relative(FIXTURES, path).split(sep).join("/");
    const dir = file.includes("/") ? file.slice(0, file.indexOf("/")) : "";
    const kind = dir in out && dir !== "validation" ? dir : "validation";
    const cases = JSON.parse(readFileSync(path, "utf8"));
    if (!Array.isArray(cases)) throw new Error(`${file}: expected an array of cases`);
    for (const c of cases) out[kind].push({ file, ...c });
  }
  return out;
}

/** The part of a report that fixtures pin: verdict, then [path, code] pairs in order. */
export function summary(report) {
  return {
    valid: report.valid,
    errors: report.errors.map((e) => [e.path, e.code]),
    warnings: report.warnings.map((w) => [w.path, w.code]),
  };
}

export function expected(expect) {
  return { valid: expect.valid, errors: expect.errors ?? [], warnings: expect.warnings ?? [] };
}
